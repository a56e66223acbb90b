"""A table row whose only cell is a bold label names the rows below it, not an item (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Tracker

### Phase 1: Registration (Week 1)

| Task | Assignee | Status | Due Date |
|------|----------|--------|----------|
| **Registration UI** |  |  |  |
| Create the form component | Ana | ✅ Completed | 2026-01-05 |
| Create the register page |  | 🟡 In Progress | 2026-01-06 |
| **API Integration** |  |  |  |
| Test the agents endpoint |  | Not Started | 2026-01-07 |
| **Document the endpoint** | Bo | Not Started | 2026-01-08 |
"""


def test_bold_label_rows_with_empty_cells_are_not_items() -> None:
    report, items = imported(PLAN)
    titles = [i.title for i in items.values()]
    assert titles == [
        "Create the form component",
        "Create the register page",
        "Test the agents endpoint",
        "Document the endpoint",
    ]
    assert any("'Registration UI' labels the rows below it" in ln for ln in report)
