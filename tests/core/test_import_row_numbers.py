"""Tables that number their rows from 1 again under each heading: each row keeps its own work."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown

_TABLE = "| # | Task | Owner |\n|---|---|---|\n"


def _ids(md: str) -> dict[str, str]:
    result = import_markdown(md, "plan.md")
    assert result.board is not None, "\n".join(result.report_lines)
    return {i.id: i.title for i in result.board.items}


def test_rows_numbered_again_under_each_sprint_are_different_items() -> None:
    md = "# Plan\n\n### Sprint 0 — Setup\n\n" + _TABLE + "| 1 | Set up the repo | Ana |\n| 2 | Seed the data | Bo |\n\n"
    md += (
        "### Sprint 1 — Core\n\n"
        + _TABLE
        + "| 1 | Login API | Bo |\n| 2 | Users CRUD | Bo |\n| 3 | Audit log | Ana |\n"
    )
    items = _ids(md)
    assert items == {
        "0.1": "Set up the repo",
        "0.2": "Seed the data",
        "1.1": "Login API",
        "1.2": "Users CRUD",
        "1.3": "Audit log",
    }


def test_headings_without_numbers_number_the_tables_in_order() -> None:
    md = "# Plan\n\n## Backend\n\n" + _TABLE + "| 1 | Login API | Bo |\n| 2 | Users CRUD | Bo |\n\n"
    md += "## Frontend\n\n" + _TABLE + "| 1 | Login page | Ana |\n| 2 | Users page | Ana |\n"
    assert set(_ids(md)) == {"1.1", "1.2", "2.1", "2.2"}


def test_a_table_restating_the_same_rows_keeps_their_numbers() -> None:
    md = "# Plan\n\n## Work\n\n" + _TABLE + "| 1 | Login API | Bo |\n| 2 | Users CRUD | Bo |\n\n"
    md += "## Status\n\n| # | Task | Status |\n|---|---|---|\n| 1 | Login API | Done |\n| 2 | Users CRUD | Todo |\n"
    result = import_markdown(md, "plan.md")
    assert result.board is not None
    assert {i.id: i.status for i in result.board.items} == {"1": "done", "2": "todo"}


def test_a_column_named_for_the_order_of_the_rows_numbers_them() -> None:
    # "Orden" (Spanish: the order): the table's row numbers, read like "#".
    table = "| Orden | Tarea | Responsable |\n|---:|---|---|\n"
    md = "# Plan\n\n### Sprint 1\n\n" + table + "| 1 | API de buques | Dev 2 |\n| 2 | API de modelos | Dev 2 |\n\n"
    md += "### Sprint 2\n\n" + table + "| 1 | API de improntas | Dev 2 |\n| 2 | Subida de fotos | Dev 1 |\n"
    assert _ids(md) == {
        "1.1": "API de buques",
        "1.2": "API de modelos",
        "2.1": "API de improntas",
        "2.2": "Subida de fotos",
    }
