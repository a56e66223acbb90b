"""Boxes drawn as characters (a word processor's checklist pasted as text) are checkbox entries (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Upgrade plan checklist

## Budget & Timing

 **▢** Use the release schedule to plan your next upgrade.

 **▢** Set aside a budget for the upgrade.

## Scope

▢    Agree on budget, timeline, scope.

☑ Gather the project team.

```
▢ not a box: a code block
```
"""


def test_lines_opening_with_a_drawn_box_are_checkbox_entries() -> None:
    report, items = imported(PLAN)
    assert [(i.title, i.status) for i in items.values()] == [
        ("Use the release schedule to plan your next upgrade.", "todo"),
        ("Set aside a budget for the upgrade.", "todo"),
        ("Agree on budget, timeline, scope.", "todo"),
        ("Gather the project team.", "done"),
    ]
    assert "plan.md:11: note: a line opening with ▢ read as a checkbox entry" in report
