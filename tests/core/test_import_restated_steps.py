"""A numbered list of bold titles that names the plan's items again is not more work (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

ROWS = """# Sprint backlog

## Backlog

| ID | Task | Status |
|----|------|--------|
| BE-001 | Phase 4.2.1: Error Types Package | ✅ Done |
| BE-002 | Phase 4.2.2: Retry Package | ✅ Done |
| BE-003 | Phase 4.2.3: Graceful Degradation Package | ✅ Done |
| QA-001 | Phase 4.2.8: Error Handling Unit Tests | ✅ Done |

## Deliverables

1. **Error Types Package** - internal/errors/errors.go
2. **Retry Package** - internal/retry/retry.go
3. **Graceful Degradation Package** - internal/degradation/degradation.go
4. **Unit Tests** - test coverage for error handling
"""


def test_deliverables_that_restate_the_items_by_title_are_not_items() -> None:
    report, items = imported(ROWS)
    assert list(items) == ["BE-001", "BE-002", "BE-003", "QA-001"]
    assert any("names items of the plan by their titles: not items" in ln for ln in report)


def test_steps_of_new_work_are_still_items() -> None:
    text = ROWS.replace("**Error Types Package**", "**Write the runbook**").replace(
        "**Retry Package**", "**Train the on-call team**"
    )
    _, items = imported(text)
    assert list(items) == ["BE-001", "BE-002", "BE-003", "QA-001", "1", "2", "3", "4"]


CITED = """# Sprint

## Day 1

| ID | Task | Owner |
|----|------|-------|
| #8 | [SPIKE] Agent design | Ana |
| #21 | [FRONTEND] Timeline editor | Bo |
| #25 | [FRONTEND] Export | Bo |

## Phase 2 features

### Optional features (safe to defer)
1. **Agent automation** (Issue #8)
   - Manual assignment is MVP
2. **Advanced export formats** (Issue #25)
3. **Drag-and-drop editing** (Issue #21)
"""


def test_a_numbered_list_citing_the_plan_s_items_in_every_entry_is_a_view() -> None:
    report, items = imported(CITED)
    assert list(items) == ["#8", "#21", "#25"]
    assert any("cites items of the plan in every entry: not items" in ln for ln in report)
