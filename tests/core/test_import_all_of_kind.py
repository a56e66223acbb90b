"""A dependency on every item of one kind ("All stories complete"): the stories of the plan, not their sub-tasks and
not the other items; with no item of that kind the words stay the item's note."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Sprint 2

#### Story 1: Issue Status Workflow
**Priority**: High

**Subtasks**:
- [ ] Define status values
- [ ] Add transitions

#### Story 2: Assign Issues to Owner
**Dependencies**: Story 1

#### Task D1: Tutorial
**Dependencies**: Story 1

#### Task D4: Update CHANGELOG
**Dependencies**: All stories complete
"""


def test_all_stories_names_each_story() -> None:
    report, items = imported(PLAN)
    assert items["D4"].depends_on == ["STORY-1", "STORY-2"]
    assert any("D4: 'All stories complete' read as every item named STORY" in ln for ln in report)


def test_a_kind_the_plan_has_no_items_of_names_none() -> None:
    _, items = imported(PLAN.replace("All stories complete", "All epics complete"))
    assert items["D4"].depends_on == []
    assert items["D4"].dependency_note == "All epics complete"
