"""A line naming one task by its word and number (``**Task 1.1:** Create the types (4 hours)``) over a checklist: the
task is the item, its boxes its steps, as under a task's heading (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported, imported_with

PLAN = """# Sprint Plan

## Sprint 1

#### Day 1-2: Types and patterns
**Priority:** P0 - Blocking other work

**Task 1.1:** Create Enhanced Type Definitions (4 hours)
- [ ] Create `src/types/categories.ts`
- [ ] Define the enums

**Task 1.2:** Implement Centralized Regex Patterns (4 hours)
- [x] Create `src/lib/regex-patterns.ts`
- [ ] Add unit tests for pattern matching
"""


def test_a_task_line_over_boxes_is_the_item_and_its_boxes_its_steps() -> None:
    report, items = imported(PLAN)
    got = {i: (x.title, x.priority, x.status) for i, x in items.items()}
    assert got == {
        "1.1": ("Create Enhanced Type Definitions", "P0", "todo"),
        # One step of two ticked: under way, as a task heading's steps say.
        "1.2": ("Implement Centralized Regex Patterns", "P0", "in_progress"),
    }, report
    assert "- [x] Create `src/lib/regex-patterns.ts`" in items["1.2"].description
    assert items["1.1"].estimate_days is not None


def test_the_recipes_steps_as_items_make_the_boxes_child_items() -> None:
    result = imported_with(PLAN, '[options]\nsteps = "items"\n')
    assert result.board is not None
    assert sorted((str(i.parent), i.id) for i in result.board.items if i.parent) == [
        ("1.1", "1.1.1"),
        ("1.1", "1.1.2"),
        ("1.2", "1.2.1"),
        ("1.2", "1.2.2"),
    ]
