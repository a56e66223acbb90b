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


PLAIN = """# Product roadmap

## Q2 2025

- AI suggestion engine
- Predictive scheduling

## Future Horizons

- Voice assistant integration
- Emotional intelligence layer
  - Stress-aware scheduling
  - Focus time optimization
  - Owner: ana
"""


def test_without_the_option_bullets_under_a_plain_entry_describe_it() -> None:
    items = items_of(imported_with(PLAIN, None))
    layer = next(i for i in items.values() if i.title == "Emotional intelligence layer")
    assert "Stress-aware scheduling" in layer.description
    assert "Stress-aware scheduling" not in [i.title for i in items.values()]


def test_with_the_option_bullets_under_a_plain_entry_are_its_child_items() -> None:
    result = imported_with(PLAIN, '[options]\nsub_bullets = "items"\n')
    items = items_of(result)
    layer = next(i for i in items.values() if i.title == "Emotional intelligence layer")
    kids = [(i.title, i.parent) for i in items.values() if i.parent]
    assert kids == [("Stress-aware scheduling", layer.id), ("Focus time optimization", layer.id)]
    assert layer.owner == "ana" and "Stress-aware scheduling" not in layer.description
    assert f"{layer.id}: the 2 bullets under it are its child items (recipe)" in report_of(result)


INBOX = """# Tool

## Inbox

- export to HTML
- create an agenda
    - indicate a due date to a task
    - remind me on the day
"""


def test_under_a_section_labelled_items_the_option_makes_sub_bullets_child_items() -> None:
    labelled = '[sections]\n"Inbox" = "items"\n'
    alone = items_of(imported_with(INBOX, labelled))
    assert [i.title for i in alone.values()] == ["export to HTML", "create an agenda"]
    items = items_of(imported_with(INBOX, labelled + '[options]\nsub_bullets = "items"\n'))
    agenda = next(i for i in items.values() if i.title == "create an agenda")
    assert [(i.title, i.parent) for i in items.values() if i.parent] == [
        ("indicate a due date to a task", agenda.id),
        ("remind me on the day", agenda.id),
    ]
    assert "remind me" not in agenda.description


TASKS = """# Webhook delivery

## Tasks

1. **Delivery System**

   - Implement webhook sender service
   - Add retry queue

2. **Authentication Handler**

   - Implement OAuth2 authentication
"""


def test_with_groups_the_bullets_are_the_items_and_the_entry_their_group() -> None:
    alone = items_of(imported_with(TASKS, None))
    assert [i.title for i in alone.values()] == ["Delivery System", "Authentication Handler"]
    items = items_of(imported_with(TASKS, '[options]\nsub_bullets = "groups"\n'))
    assert [(i.title, i.workstream, i.parent) for i in items.values()] == [
        ("Implement webhook sender service", "Delivery System", None),
        ("Add retry queue", "Delivery System", None),
        ("Implement OAuth2 authentication", "Authentication Handler", None),
    ]


PLAIN_GROUPS = """# Roadmap

## Later

- Voice assistant integration
- Emotional intelligence layer
  - Stress-aware scheduling
  - Focus time optimization
"""


def test_with_groups_in_a_plain_list_of_work_the_entry_over_bullets_is_no_item() -> None:
    items = items_of(imported_with(PLAIN_GROUPS, '[options]\nsub_bullets = "groups"\n'))
    assert [(i.title, i.workstream) for i in items.values()] == [
        ("Voice assistant integration", "Later"),
        ("Stress-aware scheduling", "Emotional intelligence layer"),
        ("Focus time optimization", "Emotional intelligence layer"),
    ]


DEEP = """# Kanban roadmap

## Upcoming

- card enhancements
  - checklists with inline progress
    - add checklist items within a card
    - reorder checklist items
- keyboard shortcuts
"""


def test_with_the_option_bullets_are_child_items_at_every_level() -> None:
    items = items_of(imported_with(DEEP, '[sections]\n"Upcoming" = "items"\n[options]\nsub_bullets = "items"\n'))
    by_title = {i.title: i for i in items.values()}
    checklists = by_title["checklists with inline progress"]
    assert checklists.parent == by_title["card enhancements"].id
    assert by_title["add checklist items within a card"].parent == checklists.id
    assert by_title["reorder checklist items"].parent == checklists.id
    assert "reorder" not in checklists.description


NAMED = """# Planning

## College Searcher

- Future plan (two modes)
    - **Find**: Find information on specific colleges based on the full name the user gives
        - Input full name of college into search bar
        - Collect info from each college
    - Mode specified as flag
    - Owner: ana
    - see: the scholarship finder for how the flag is parsed and then validated
- Create YAML template file (separate from personal file)
    - Login credentials (required)
- MVP plan (one mode)
    - Apply parameters provided by user
"""


def test_a_bold_named_bullet_saying_what_to_do_is_a_child_item_not_a_field() -> None:
    # "**Find**: Find information …" names work; "Owner: ana" and "see: …" (no name in bold) are fields.
    items = items_of(imported_with(NAMED, '[options]\nsub_bullets = "items"\n'))
    plan = next(i for i in items.values() if i.title.startswith("Future plan"))
    find = next(i for i in items.values() if i.title == "Find")
    kids = {i.title: i.parent for i in items.values() if i.parent}
    assert kids == {
        "Find": plan.id,
        "Input full name of college into search bar": find.id,
        "Collect info from each college": find.id,
        "Mode specified as flag": plan.id,
        "Login credentials (required)": next(i.id for i in items.values() if i.title.startswith("Create YAML")),
        "Apply parameters provided by user": next(i.id for i in items.values() if i.title.startswith("MVP plan")),
    }
    assert plan.owner == "ana" and "find" not in plan.custom  # a child item, not a field of its parent too
