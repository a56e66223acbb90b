"""A dashboard table whose rows are the plan's parts by name (``| Step | Status |`` over "Assessment & Planning"),
each a heading further down over its own table of tasks: a summary of the parts, no items; the tasks are the work."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Migration tracking

## Progress Dashboard
| Step | Status | Progress |
|---|---|---|
| Assessment & Planning | 🔴 Not Started | 0% |
| Setup Target Environment | 🔴 Not Started | 0% |
| Core Logic Migration | 🔴 Not Started | 0% |

## Detailed Checklist

### Step 1: Assessment & Planning
| Task | Status |
|---|---|
| Document current architecture | 🔴 Not Started |

### Step 2: Setup Target Environment
| Task | Status |
|---|---|
| Install language/framework | 🔴 Not Started |

### Step 3: Core Logic Migration
- [ ] Port the parser
"""


def test_a_dashboard_of_the_plans_parts_makes_no_items() -> None:
    report, items = imported(PLAN)
    assert sorted(i.title for i in items.values()) == [
        "Document current architecture",
        "Install language/framework",
        "Port the parser",
    ]
    assert any("table of the plan's parts" in ln for ln in report)


def test_a_table_naming_one_part_not_written_out_is_work() -> None:
    _, items = imported(PLAN.replace("### Step 3: Core Logic Migration\n- [ ] Port the parser\n", ""))
    assert "Core Logic Migration" in [i.title for i in items.values()]
