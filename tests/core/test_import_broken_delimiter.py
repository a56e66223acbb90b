"""A table whose delimiter row miscounts its columns (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown

_PLAN = """# Tracker

## Month 1 Tasks

| Task ID | Task | Owner | Status | Start Date | Target Date | Notes |
|---------|------|--------|--------|------------|-------|
| M1-T1 | Appoint CISO | Executive | ⬜ Not Started | | |
| M1-T2 | Establish Steering Committee | CISO | ✅ Done | | 2026-03-01 | |
| M1-T3 | Approve Budget | Executive | 🔄 In progress | | | | extra |
"""


def test_the_rows_are_read_as_a_well_formed_table_would_be() -> None:
    result = import_markdown(_PLAN, "P.md")
    assert result.board is not None
    got = [(i.id, i.title, i.owner, i.status, i.target) for i in result.board.items]
    assert got == [
        ("M1-T1", "Appoint CISO", "Executive", "todo", None),
        ("M1-T2", "Establish Steering Committee", "CISO", "done", "2026-03-01"),
        ("M1-T3", "Approve Budget", "Executive", "in_progress", None),
    ]
