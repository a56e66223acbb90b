"""The recipe's ``tags = "owner"``: a bracketed tag opening an entry names who does it (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported_with, items_of, report_of

PLAN = "# TODO\n\n## High Priority\n\n- [x] [Thaís] Player movement\n- [ ] [Juan] Create enemy\n- [ ] [_____] Load levels\n"


def test_without_the_option_the_tags_are_tags() -> None:
    items = items_of(imported_with(PLAN, None))
    got = [(i.title, i.owner, i.tags) for i in items.values()]
    assert got == [("Player movement", "", ["Thaís"]), ("Create enemy", "", ["Juan"]), ("[_____] Load levels", "", [])]


def test_with_the_option_each_tag_is_the_owner_and_a_blank_is_no_one() -> None:
    result = imported_with(PLAN, '[options]\ntags = "owner"\n')
    got = [(i.title, i.owner, i.tags) for i in items_of(result).values()]
    assert got == [("Player movement", "Thaís", []), ("Create enemy", "Juan", []), ("Load levels", "", [])]
    assert "a bracketed tag opening an entry names its owner" in report_of(result)


NAMED = "# Planning\n\n### Week 1\n\n- [x] Gail: Start the prototype design\n- [ ] Jake: Get the repository up\n- [ ] Decide on group meetings: Thursdays\n"


def test_with_the_option_a_name_and_a_colon_opening_a_box_is_its_owner() -> None:
    assert [i.owner for i in items_of(imported_with(NAMED, None)).values()] == ["", "", ""]
    items = items_of(imported_with(NAMED, '[options]\ntags = "owner"\n'))
    assert [(i.title, i.owner) for i in items.values()] == [
        ("Start the prototype design", "Gail"),
        ("Get the repository up", "Jake"),
        ("Decide on group meetings: Thursdays", ""),  # more than one word before the colon: no name
    ]
