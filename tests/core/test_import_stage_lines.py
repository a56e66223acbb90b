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
