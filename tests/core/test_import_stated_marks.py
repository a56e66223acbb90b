"""A plan's status lines that pair a mark with a state word teach what the mark means alone (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers.vocabulary.legends import stated_marks
from tests.core.import_plan import imported

PLAN = """# Task 1: Audit Logging

**Status:** 🔴 Not Started
**Dependencies:** Milestone 2 Complete

## Subtasks

### 1.1 Audit Log Infrastructure 🔴
- Create the storage schema

### 1.2 Event Capture ✅
- Log enforcement actions
"""


def test_a_mark_paired_with_a_state_on_a_status_line_means_that_state_alone() -> None:
    # Before: 🔴 alone read as blocked, while the plan says "🔴 Not Started".
    report, items = imported(PLAN)
    assert [(i.id, i.status) for i in items.values()] == [("1.1", "todo"), ("1.2", "done")]
    assert any("status marks as the plan's status lines pair them: 🔴 todo" in line for line in report)


def test_marks_paired_two_ways_or_as_they_mean_alone_teach_nothing() -> None:
    assert stated_marks(["**Status:** 🔴 Not Started", "**Status:** 🔴 Blocked"]) == (0, {})
    assert stated_marks(["- Status: ✅ Done", "**Priority:** 🔴 High"]) == (0, {})
    assert stated_marks(["text", "- **Status**: 🔴 Not started"]) == (2, {"🔴": "todo"})
