"""A task table inside a plan that says much else about its work (issue 43): the research findings its tasks take up, its
acceptance criteria numbered AC1 …, a checklist of expected behaviour, the method each task follows, and an outline
whose steps name the tasks again. Only the task table is work."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown
from tests.core.import_plan import imported

_BRIEF = """# Phase 2: CRC validation

## Critical Research Findings

| # | Impact | Finding | Action |
|---|--------|---------|--------|
| 01 | Critical | **Data race** on function attributes | Convert the setattr calls to parameters |
| 02 | High | **Session limit** of the encoder | Warn above four sessions |

## Tasks

| Status | ID | Task | Dependencies | Notes |
|--------|----|------|--------------|-------|
| [ ] | T001 | Extract the test vectors | -- | |
| [ ] | T002 | Write the failing tests | T001 | Per Finding 02 |
| [ ] | T003 | Copy the implementation | T002 | Per Finding 01 |

### Objective

**Behavior Checklist** (from Plan Acceptance Criteria):
- [ ] All test vectors pass
- [ ] No compiler warnings

### Acceptance Criteria

- [x] AC1: `--parallel N` is accepted in folder mode
- [ ] AC2: Two encodes run at once

### Test Plan

**RED-GREEN-REFACTOR Workflow**:
1. **RED**: Write a failing test
2. **GREEN**: Make it pass
3. **REFACTOR**: Improve the names

### Step-by-Step Outline

#### Step 1: Extract vectors (T001)
Read the ICD.

#### Step 2: Tests and code (T002-T003)
Red, then green.
"""


def test_only_the_task_table_is_work() -> None:
    result = import_markdown(_BRIEF, "brief.md")
    assert result.board is not None
    assert [(i.id, i.depends_on) for i in result.board.items] == [("T001", []), ("T002", ["T001"]), ("T003", ["T002"])]
    report = "\n".join(result.report_lines)
    # The tasks take the findings up by their numbers ("Per Finding 01"): the findings are what they rest on.
    assert "findings the plan's tasks take up by their numbers, not work" in report
    assert "the method each task follows" in report
    assert "a step over items of the plan (T002, T003)" in report


def test_the_steps_of_a_task_workflow_are_how_the_queue_is_used_not_work() -> None:
    plan = """# Task Queue

## Active

### T-002: Trace normalization UI

**Status:** in-progress

### T-001: Audit packet PDF

**Status:** completed

## Task Workflow

1. **Create Task**: Add to the right priority section
2. **Claim Task**: Set the status to `in-progress`
3. **Complete**: Set the status to `completed`
"""
    report, items = imported(plan)
    assert list(items) == ["T-002", "T-001"]
    assert any("numbered steps under 'Task Workflow': the method each task follows" in line for line in report)
