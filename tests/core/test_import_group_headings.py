"""A heading with an id over nothing but a table of items with their own ids groups them (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown

TABLE = "| ID | Task | Owner |\n|---|---|---|\n| T01 | Inventory | ana |\n| T02 | Isolate | bo |\n"


def _ids(md: str) -> list[str]:
    result = import_markdown(md, "P.md")
    assert result.board is not None
    return [i.id for i in result.board.items]


def test_a_milestone_heading_over_a_task_table_is_no_item() -> None:
    assert _ids("# P\n\n### M0 — Qualified baseline\n\n" + TABLE) == ["T01", "T02"]


def test_a_ticket_heading_with_its_own_text_stays_an_item() -> None:
    md = "# P\n\n### M0 — Qualified baseline\n\nShip the baseline build.\n\n" + TABLE
    assert _ids(md)[0] == "M0"
