"""Boxes written in brackets with no list marker (``[X] seller creates auctions <br/>``, ``---[] removes bids``), their
depth drawn with dashes: the checklist they draw (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# AuctionSite

Checklist

I. Auctions <br/>
 [X] seller creates auctions and posts items for sale <br/>
    ---[X] set closing date and time <br/>
    ---[] set a hidden minimum price (reserve) <br/>
 [] a buyer should be able to bid <br/>
     ---[] let the buyer set a new bid <br/>
     ------[x] alert other buyers <br/>
"""


def test_each_box_is_an_item_nested_by_its_dashes() -> None:
    report, items = imported(PLAN)
    got = [(i.title, i.status, items[i.parent].title if i.parent else None) for i in items.values()]
    assert got == [
        ("seller creates auctions and posts items for sale", "done", None),
        ("set closing date and time", "done", "seller creates auctions and posts items for sale"),
        ("set a hidden minimum price (reserve)", "todo", "seller creates auctions and posts items for sale"),
        ("a buyer should be able to bid", "todo", None),
        ("let the buyer set a new bid", "todo", "a buyer should be able to bid"),
        ("alert other buyers", "done", "let the buyer set a new bid"),
    ]
    assert any("6 lines opening with a box in brackets" in line for line in report)


def test_boxes_led_in_as_a_definition_of_done_stay_text() -> None:
    plan = (
        "Story 1: User Registration\nAs a new user, I want an account\nPriority: Must-Have\n\n"
        "Definition of Done:\n    [ ] Account created in the console.\n    [ ] UI displays toasts.\n"
    )
    report, items = imported(plan)
    assert not any("box in brackets" in line for line in report)
    assert not any(i.title.startswith(("Account created", "UI displays")) for i in items.values())


def test_one_bracketed_line_is_no_checklist() -> None:
    report, _ = imported("# Notes\n\n[x] marks the spot on the map we drew\n")
    assert not any("box in brackets" in line for line in report)
