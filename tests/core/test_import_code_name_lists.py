"""A list of names in code alone (``- `ncurses```, ``- `autoconf```) says what a project needs, not work (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Ham log

# Requirements

- `ncurses`
- `autoconf`
- `automake`

# Ideas

- save and load log files
- show the contacts in a list
- support `adif` exports
"""


def test_names_in_code_are_no_items_and_work_naming_code_is() -> None:
    _, items = imported(PLAN)
    assert [i.title for i in items.values()] == [
        "save and load log files",
        "show the contacts in a list",
        "support `adif` exports",
    ]
