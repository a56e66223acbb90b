"""A task table row titled in bold over rows whose titles open with a dash (``**Section 1: Basic Information**`` over
``- Scenario Name input``): the bold row's sub-tasks, its child items, titled without the dash."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Risk register implementation

### Create/Edit Risk Modal

| Task | Status | File |
|------|--------|------|
| Create RiskFormModal component | Done | `RiskFormModal.tsx` |
| **Section 1: Basic Information** | Done | `RiskFormModal.tsx` |
| - Scenario Name input* | Done | `RiskFormModal.tsx` |
| - Category dropdown* | Done | `RiskFormModal.tsx` |
| Add modal overlay | Done | `RiskFormModal.tsx` |
| - Not under a bold row | Todo | `x.tsx` |
"""


def test_dashed_rows_under_a_bold_row_are_its_children() -> None:
    _, items = imported(PLAN)
    got = [(i.title, items[i.parent].title if i.parent else None) for i in items.values()]
    assert got == [
        ("Create RiskFormModal component", None),
        ("Section 1: Basic Information", None),
        ("Scenario Name input*", "Section 1: Basic Information"),
        ("Category dropdown*", "Section 1: Basic Information"),
        ("Add modal overlay", None),
        ("- Not under a bold row", None),
    ]
