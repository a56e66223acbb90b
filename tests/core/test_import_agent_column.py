"""An "Agent" column (the coding agent a plan hands each row to) is who does the row: its owner."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown


def test_an_agent_column_owns_the_rows() -> None:
    md = (
        "# Backlog\n\n| ID | Module | User story | Agent | Statut |\n| --- | --- | --- | --- | --- |\n"
        "| T-01 | M1 | Je crée une tâche | tasks-planning | fait |\n| T-02 | M1 | Je supprime une tâche | ui-kit | à faire |\n"
    )
    result = import_markdown(md, "BACKLOG.md")
    assert result.board is not None
    assert [(i.id, i.owner, i.status) for i in result.board.items] == [
        ("T-01", "tasks-planning", "done"),
        ("T-02", "ui-kit", "todo"),
    ]
