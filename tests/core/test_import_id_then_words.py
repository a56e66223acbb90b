"""An id column whose cells carry the id and then the ticket's name (issue 43)."""

from __future__ import annotations

import pytest

from readiness_tui.core.importers import import_markdown


@pytest.mark.parametrize("header", ["ID", "Ticket", "Key"])
def test_cells_opening_with_an_id_give_the_id_and_the_title(header: str) -> None:
    md = (
        f"# Board\n\n| {header} | Owner | Status |\n|---|---|---|\n| T-0001 Scaffold repo | C | DONE |\n"
        "| T-0002: Inheritance package | H | TODO |\n| T-0003 — Contracts module | C | BLOCKED |\n"
    )
    result = import_markdown(md, "P.md")
    assert result.board is not None
    got = [(i.id, i.title, i.status) for i in result.board.items]
    assert got == [
        ("T-0001", "Scaffold repo", "done"),
        ("T-0002", "Inheritance package", "todo"),
        ("T-0003", "Contracts module", "blocked"),
    ]


def test_ids_alone_stay_as_they_are() -> None:
    md = (
        "# Board\n\n| ID | Task | Status |\n|---|---|---|\n| T-1 | Scaffold repo | Done |\n| T-2 | Contracts | Todo |\n"
    )
    result = import_markdown(md, "P.md")
    assert result.board is not None
    assert [(i.id, i.title) for i in result.board.items] == [("T-1", "Scaffold repo"), ("T-2", "Contracts")]


def test_a_ticket_column_of_names_titles_the_rows() -> None:
    md = (
        "# Plan\n\n## Phase 0\n\n| Ticket | Owner | Description |\n|---|---|---|\n"
        "| DB setup & seed data | Engineer A | Postgres setup, run the schema |\n"
        "| Proto compilation | Engineer A | Set up protobuf compilation |\n"
        "| FastAPI project structure | Engineer B | Role-based auth middleware |\n"
    )
    result = import_markdown(md, "P.md")
    assert result.board is not None
    got = [(i.title, i.owner, i.description) for i in result.board.items]
    assert got == [
        ("DB setup & seed data", "Engineer A", "Postgres setup, run the schema"),
        ("Proto compilation", "Engineer A", "Set up protobuf compilation"),
        ("FastAPI project structure", "Engineer B", "Role-based auth middleware"),
    ]


def test_ids_of_phase_track_and_number_name_their_rows() -> None:
    md = (
        "# Phase 1\n\n## 1-A. Parsing\n\n| # | 작업 | 산출물 |\n|---|---|---|\n"
        "| 1-A-1 | PDF parser module | `src/parsers/` |\n| 1-A-2 | Section splitter | `src/splitters/` |\n"
        "| 1-A-15 | Integration test | E2E |\n"
    )
    result = import_markdown(md, "P.md")
    assert result.board is not None
    assert [i.id for i in result.board.items] == ["1-A-1", "1-A-2", "1-A-15"]
