"""Tags written as code spans: a bracket of them closing an entry (``Masking (`interface` `secondary`)``) labels
the work, and a list naming the plan's tags (``Severity: `urgent` `important` ``) is their legend (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# TODO list

## Tags

- Severity (highest to lowest): `urgent` `important` `mainline` `secondary`
- Draft: `draft`
- Components: `desktop` `web` `server`

## List

- [ ] Give the game an actual name
- [ ] Masking (`interface` `secondary`)
- [ ] Android build (`android` `mainline`)
- [ ] Refactor the loader (`load_board`)
"""


def test_a_bracket_of_code_tags_labels_the_entry_and_the_tags_legend_is_no_work() -> None:
    report, items = imported(PLAN)
    assert {i.title: i.tags for i in items.values()} == {
        "Give the game an actual name": [],
        "Masking": ["interface", "secondary"],
        "Android build": ["android", "mainline"],
        # A name in code (a function's) is what the work is about, not a tag.
        "Refactor the loader (`load_board`)": [],
    }, report
