"""An issue template's boxes that offer the states of the work to tick one (``1. [ ] Not started``, ``2. [ ] In
progress``, ``3. [x] Done``) under each task's heading or collapsible summary: the task is the item, in the state
ticked (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Phase 0

## Things to do in phase 0

<details>
  <summary>Set up the GitHub repository</summary>

  1. [ ] Not started
  2. [ ] In progress
  3. [X] Done
</details>

<details>
  <summary>Design the UML for the game logic</summary>

  1. [ ] Not started
  2. [ ] In progress
  3. [ ] Done
</details>

### Write the map loader

- [ ] شروع نشده
- [x] در حال انجام
- [ ] تمام شده
"""


def test_each_heading_is_one_item_in_the_state_its_ticked_box_names() -> None:
    _, items = imported(PLAN)
    assert [(i.title, i.status) for i in items.values()] == [
        ("Set up the GitHub repository", "done"),
        ("Design the UML for the game logic", "todo"),
        ("Write the map loader", "in_progress"),
    ]


def test_one_such_list_alone_is_no_template_of_states() -> None:
    # A single list of states under "## Status" is no task's state (the plan's own key or status line): its heading
    # is no item.
    _, items = imported("# P\n\n## Status\n\n- [ ] Not started\n- [x] In progress\n- [ ] Done\n")
    assert all(i.title != "Status" for i in items.values())
