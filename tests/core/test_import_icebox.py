"""An "## Icebox" heading (a tracker's backlog of work not yet scheduled) lists work, as "## Backlog" does (issue 43):
its entries are items, where before the section was kept as text."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Backlog

## Up Next
- [ ] Pick the mockup direction

## Backlog
- Android dev environment setup guide

## Icebox
- iOS version
- Widgets
- Notifications and reminders
"""


def test_the_icebox_lists_work() -> None:
    _, items = imported(PLAN)
    titles = [i.title for i in items.values()]
    assert titles[-3:] == ["iOS version", "Widgets", "Notifications and reminders"]
    assert all(i.status == "todo" for i in items.values())
