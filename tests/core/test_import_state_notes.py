"""A state cell that says the state, a semicolon, then a note ("Complete; contract fixes applied", "In progress;
final CI and merge pending") is that state: the note's words do not make it another."""

from __future__ import annotations

import pytest

from readiness_tui.core.importers import import_markdown
from readiness_tui.core.importers.vocabulary.statuses import parse_status


@pytest.mark.parametrize(
    ("cell", "state"),
    [
        ("Complete; contract fixes applied", "done"),
        ("In progress; final CI and merge pending", "in_progress"),
        ("Blocked; waiting on legal", "blocked"),
    ],
)
def test_the_state_before_a_semicolon_wins(cell: str, state: str) -> None:
    assert parse_status(cell) == state


def test_rows_of_a_task_record_take_their_state() -> None:
    md = (
        "# Record\n\n| ID | Task | Owner | Status |\n|---|---|---|---|\n| T1 | Write it | Ana | Complete; contract fixes "
        "applied |\n| T2 | Ship it | Bo | In progress; final CI and merge pending |\n"
    )
    result = import_markdown(md, "RECORD.md")
    assert result.board is not None
    assert [i.status for i in result.board.items] == ["done", "in_progress"]
