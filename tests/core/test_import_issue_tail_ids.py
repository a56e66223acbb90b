"""Entries of a board closing on the issue they are ("— GitHub #84") take it as their id (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

BOARD = """# Kanban Board

## backlog

- [Add the assessment submission guard](kanban/backlog/add-guard.md)
- [[RBAC] Mentor module is visible to Mentor roles](kanban/backlog/bug-mentor.md) — GitHub #84
- [[Bug] Training page returns 404](kanban/backlog/bug-training.md) — GitHub #85

## done

- [Fix cohort list display](kanban/done/fix-cohort.md) — GitHub #102
- [Set up the CI](kanban/done/ci.md) — GitHub #103
- [Write the README](kanban/done/readme.md)
"""


def test_an_entry_closing_on_its_issue_is_named_by_it() -> None:
    report, items = imported(BOARD)
    named = {rid: i.status for rid, i in items.items() if rid.startswith("#")}
    assert named == {"#84": "todo", "#85": "todo", "#102": "done", "#103": "done"}, report
    assert len(items) == 6
