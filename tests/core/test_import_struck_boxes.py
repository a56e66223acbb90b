"""A check box struck through with its text is work called off: a cancelled item (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Sync plan

## Task Sync Tasks

1. **Database Schema Changes**

   - [x] Create the provider model
   - [ ] Add indexes for lookup

2. **Data Migration** (no longer needed)

   - ~~[x] Write the migration script~~
   - ~~[ ] Create the admin endpoint~~
"""


def test_struck_boxes_are_cancelled_items_and_their_entry_still_groups_boxes() -> None:
    report, items = imported(PLAN)
    by_title = {i.title: i for i in items.values()}
    assert by_title["Write the migration script"].status == "cancelled"
    assert by_title["Create the admin endpoint"].status == "cancelled"
    assert by_title["Add indexes for lookup"].status == "todo"
    # The numbered entries name groups of boxes; none of them is an item.
    assert "Data Migration" not in by_title and "Database Schema Changes" not in by_title
    assert any("'Data Migration" in line and "group of the items under it" in line for line in report)


def test_a_strike_after_the_box_calls_only_that_box_off() -> None:
    _, items = imported("# P\n\n## Tasks\n\n- [ ] Keep this\n- [ ] ~~Struck after the box~~\n- [ ] And this\n")
    # The box's words struck through: that work called off; its neighbours stay to do.
    assert [(i.title, i.status) for i in items.values()] == [
        ("Keep this", "todo"),
        ("Struck after the box", "cancelled"),
        ("And this", "todo"),
    ]


def test_an_open_box_struck_through_is_called_off_and_a_comment_is_no_part_of_its_title() -> None:
    md = (
        "# Roadmap\n\n## v1.1\n\n- [ ] ~Custom Category Names~ <!-- Strikethrough: we're not doing it anymore -->\n"
        "- [ ] ~~Old idea~~\n- [x] ~~Shipped early~~\n- [ ] Real task <!-- keep short -->\n"
    )
    _, items = imported(md)
    assert [(i.title, i.status) for i in items.values()] == [
        ("Custom Category Names", "cancelled"),
        ("Old idea", "cancelled"),
        ("Shipped early", "done"),
        ("Real task", "todo"),
    ]
