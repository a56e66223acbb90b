"""The recipe's ``[options] sub_bullets = "items"``: the plain bullets under a box are its child items, where the plan
lists work under each box (issue 43's guided import)."""

from __future__ import annotations

from tests.core.import_plan import imported_with, items_of, report_of

PLAN = """# Host TODO

## Next steps

- [ ] **Plugin loading** - load plugins in the audio thread
  - Create plugin instance management
  - Owner: ana
  - Integrate processing into the JACK callback
- [x] **Setup build system** - Meson files
"""


def test_without_the_option_the_bullets_describe_their_box() -> None:
    items = items_of(imported_with(PLAN, None))
    assert [(i.title, i.owner) for i in items.values()] == [("Plugin loading", "ana"), ("Setup build system", "")]
    assert "Create plugin instance management" in next(iter(items.values())).description


def test_with_the_option_the_bullets_are_its_child_items_and_fields_stay_fields() -> None:
    result = imported_with(PLAN, '[options]\nsub_bullets = "items"\n')
    items = items_of(result)
    got = [(i.title, i.parent, i.owner, i.status) for i in items.values()]
    assert got == [
        ("Plugin loading", None, "ana", "todo"),
        ("Create plugin instance management", "NS-1", "", "todo"),
        ("Integrate processing into the JACK callback", "NS-1", "", "todo"),
        ("Setup build system", None, "", "done"),
    ]
    assert "NS-1: the 2 bullets under it are its child items (recipe)" in report_of(result)
