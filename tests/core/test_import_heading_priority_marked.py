"""A phase heading that gives its priority in brackets with a mark before the word ("(🔴 High Priority)"), over
feature headings whose boxes are the work: every item under it takes the priority, and the boxes stay the feature's
child items, since a priority the enclosing heading gives is no field the feature's own heading states."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Game roadmap

## Upcoming Phases

### Phase 11: Essential Gameplay UX (🔴 High Priority)

#### UX-4 Smart Cell Highlighting

- [x] Add highlighting of the selected cell's row
- [x] Add highlighting of cells with the same fruit

### Phase 12: Engagement Features (🟡 Medium Priority)

#### UX-5 Hint System

- [ ] Add a hint button
- [ ] Implement a limit of hints per game
"""


def test_a_marked_bracketed_priority_reaches_every_item_under_the_phase() -> None:
    _, items = imported(PLAN)
    assert {i.id: i.priority for i in items.values() if i.parent is None} == {"UX-4": "P1", "UX-5": "P2"}


def test_boxes_under_a_heading_that_states_no_field_of_its_own_are_its_child_items() -> None:
    _, items = imported(PLAN)
    kids = {i.title: (i.parent, i.priority) for i in items.values() if i.parent}
    assert kids == {
        "Add highlighting of the selected cell's row": ("UX-4", "P1"),
        "Add highlighting of cells with the same fruit": ("UX-4", "P1"),
        "Add a hint button": ("UX-5", "P2"),
        "Implement a limit of hints per game": ("UX-5", "P2"),
    }
