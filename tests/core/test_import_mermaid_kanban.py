"""A board drawn as a Mermaid kanban diagram (issue 43): each card an item in its column's state."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Project Kanban

```mermaid
kanban
    To do

        Configure run_app in .toml
        card7[Populate the Definition of Done]@{ assigned: 'ronan', priority: 'High' }

    In progress
        Create the project plan

    Done
        Decide which dataset
    Ideas
        Try a dashboard
```
"""


def test_each_card_is_an_item_in_its_columns_state() -> None:
    report, items = imported(PLAN)
    assert [(i.title, i.status, i.owner, i.priority) for i in items.values()] == [
        ("Configure run_app in .toml", "todo", "", None),
        ("Populate the Definition of Done", "todo", "ronan", "P1"),
        ("Create the project plan", "in_progress", "", None),
        ("Decide which dataset", "done", "", None),
        ("Try a dashboard", "todo", "", None),
    ]
    assert "kanban column 'Ideas' names no state: its cards' state is not said" in "\n".join(report)
