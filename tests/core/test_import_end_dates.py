""" "End Date" is when a task is due; only in a table of waivers is it when the waiver expires (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown
from tests.core.import_plan import imported

TASKS = """## Timeline

| Task | Start Date | End Date | Associated Milestone |
| ---- | ---------- | -------- | -------------------- |
| Set up the development environment | 2026-01-05 | 2026-01-09 | Milestone 1 |
| Create a basic scene with a moveable player | 2026-01-12 | 2026-01-23 | Milestone 2 |
"""

WAIVERS = """# Plan

## Items

| ID | Task | Status |
|----|------|--------|
| T-1 | Pen test | todo |

## Exceptions

| Waiver | Item | End date |
|--------|------|----------|
| W-1 | T-1 | 2026-03-01 |
"""


def test_a_task_table_with_end_dates_is_work_due_then() -> None:
    report, items = imported(TASKS)
    assert [i.title for i in items.values()] == [
        "Set up the development environment",
        "Create a basic scene with a moveable player",
    ]
    assert [i.target for i in items.values()] == ["2026-01-09", "2026-01-23"]
    assert not any("waiver table" in ln for ln in report)


def test_an_end_date_under_exceptions_is_the_waivers_expiry() -> None:
    result = import_markdown(WAIVERS, "plan.md")
    assert result.board is not None
    assert [(w.item, str(w.expires)) for w in result.board.waivers] == [("T-1", "2026-03-01")]
