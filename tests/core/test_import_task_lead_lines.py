"""A line naming one task by its word and number (``**Task 1.1:** Create the types (4 hours)``) over a checklist: the
task is the item, its boxes its steps, as under a task's heading (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

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
    tops = {i: (x.title, x.priority) for i, x in items.items() if not x.parent}
    assert tops == {
        "1.1": ("Create Enhanced Type Definitions", "P0"),
        "1.2": ("Implement Centralized Regex Patterns", "P0"),
    }, report
    steps = sorted((x.parent, x.title, x.status) for x in items.values() if x.parent)
    assert steps == [
        ("1.1", "Create `src/types/categories.ts`", "todo"),
        ("1.1", "Define the enums", "todo"),
        ("1.2", "Add unit tests for pattern matching", "todo"),
        ("1.2", "Create `src/lib/regex-patterns.ts`", "done"),
    ], report
    assert items["1.1"].estimate_days is not None
