"""A sprint's table of user stories and their points (``| User story | Story points |`` over ``| US 2.01 - View My
Bookings | 2 |``): each row a story named by its id, its points kept beside it (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported


def test_a_table_of_stories_and_their_points_makes_items() -> None:
    plan = (
        "# Sprint plan\n\n## Sprint 3\n\n| User story | Story points |\n|---|---|\n"
        "| US 10.01 - Bookings Page UI/UX | 3 |\n| US 2.01 - View My Bookings | 2 |\n| US 2.02 - Create Asset Fields | 1 |\n"
    )
    report, items = imported(plan)
    # "US 10.01 - …": the story's id, written with a space (the board's is US-10.01), then its title.
    assert sorted((i, x.title, x.custom.get("story_points")) for i, x in items.items()) == [
        ("US-10.01", "Bookings Page UI/UX", "3"),
        ("US-2.01", "View My Bookings", "2"),
        ("US-2.02", "Create Asset Fields", "1"),
    ], report


def test_a_table_of_names_and_numbers_alone_stays_unread() -> None:
    report, items = imported("# Team\n\n| Name | Age |\n|---|---|\n| Ana | 31 |\n| Luis | 40 |\n")
    assert items == {}, report
