"""Boxes under a box in a phase's list are that box's child items, as in any checklist; the recipe's ``sub_boxes =
"steps"`` keeps them its steps (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported, imported_with, items_of

PLAN = """# Task Breakdown

## Stage 1: MVP
- [ ] Set up local DNS

## Stage X: Bonus
- [ ] Design/implement power management
    - [ ] Implement device safe shutdown during power loss
    - [x] Implement peak pricing usage reduction
"""


def test_boxes_under_a_phase_box_are_its_child_items() -> None:
    items = items_of(imported_with(PLAN, None))
    got = [(i.title, i.status, i.parent and items[i.parent].title, i.phase) for i in items.values()][1:]
    assert got == [
        ("Design/implement power management", "todo", None, "X"),
        ("Implement device safe shutdown during power loss", "todo", "Design/implement power management", "X"),
        ("Implement peak pricing usage reduction", "done", "Design/implement power management", "X"),
    ]


def test_the_recipe_keeps_them_the_boxs_steps() -> None:
    items = items_of(imported_with(PLAN, '[options]\nsub_boxes = "steps"\n'))
    assert len(items) == 2
    assert "safe shutdown" in list(items.values())[1].description


def test_the_same_boxes_under_every_task_are_each_tasks_steps() -> None:
    plan = """# Test plan

### API tests

- [ ] `tests/api/user_test.py` user API tests
\t- [ ] read the API spec
\t- [ ] write the tests
\t- [ ] commit
- [ ] `tests/api/issue_test.py` issue API tests
\t- [ ] read the API spec
\t- [ ] write the tests
\t- [ ] commit

### UI tests

- [ ] `tests/ui/login_test.py` login screen tests
\t- [ ] read the API spec
\t- [ ] write the tests
\t- [ ] commit
- [ ] `tests/ui/board_test.py` board screen tests
\t- [ ] seed a board
\t- [ ] click through the columns
\t- [ ] check the totals
"""
    _, items = imported(plan)
    parents = [i for i in items.values() if not i.parent]
    children = [i.title for i in items.values() if i.parent]
    assert len(parents) == 4
    assert children == ["seed a board", "click through the columns", "check the totals"]
    assert "commit" in parents[0].description
