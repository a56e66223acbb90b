"""A line about the enclosing stage under a heading over a table of items does not make the heading an item
(issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Build plan

## 6. STAGE 0 — Foundation

### 0.2 Legal

| ID | Task | Status |
|----|------|--------|
| 0.2.1 | LICENSE file | ☑ |
| 0.2.2 | NOTICE file | ☑ |

### 0.3 CI & gates

| ID | Task | Status |
|----|------|--------|
| 0.3.1 | GitHub Actions workflow | ☑ |
| 0.3.2 | Render smoke job | ☐ |

**Stage 0 exit criteria:** complete when the gates are green.

---
"""


def test_a_stage_line_beside_the_table_leaves_the_heading_a_group() -> None:
    report, items = imported(PLAN)
    assert list(items) == ["0.2.1", "0.2.2", "0.3.1", "0.3.2"]
    assert any("'0.3 CI & gates': holds only a table of items" in ln for ln in report)


def test_a_field_of_its_own_still_makes_the_heading_an_item() -> None:
    _, items = imported(PLAN.replace("**Stage 0 exit criteria:**", "**Owner:** Ana\n\n**Exit criteria:**"))
    assert "0.3" in items


SUMMED = """# Tracker

## Phase 1: Database

### Task 1.5: Adjustment model
| # | Task | Status |
|---|------|--------|
| 1.5.1 | Create the model | ⬜ |
| 1.5.2 | Add the fields | ⬜ |

### Task 1.6: Database migration
| # | Task | Status |
|---|------|--------|
| 1.6.1 | Generate the migration | ⬜ |
| 1.6.2 | Test the migration | ⬜ |

**Phase 1 Summary:**
- Total Tasks: 4
- Completed: 0
- Blocked: 0
"""


def test_a_stage_summary_beside_the_table_leaves_the_heading_a_group() -> None:
    # The counts sum the phase up; "Blocked: 0" is no status of task 1.6, which groups its rows as 1.5 does.
    report, items = imported(SUMMED)
    assert list(items) == ["1.5.1", "1.5.2", "1.6.1", "1.6.2"]
    assert any("'Task 1.6: Database migration': holds only a table of items" in ln for ln in report)
