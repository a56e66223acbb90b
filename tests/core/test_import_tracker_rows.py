"""An id-less table that gives each row an owner and a status, under a heading naming a tracker, is work: its
first column names each row, the heading's initials name the ids (issue 43)."""

from __future__ import annotations

from pathlib import Path

from readiness_tui.core.importers import import_markdown

PLAN = Path(__file__).resolve().parents[1] / "fixtures" / "corpus" / "tracker_rows_no_ids.md"


def _items(text: str) -> dict[str, tuple[str, str | None]]:
    result = import_markdown(text, "P.md")
    assert result.board is not None
    return {i.id: (i.title, i.owner) for i in result.board.items}


def test_tracker_rows_are_items_named_from_the_heading() -> None:
    items = _items(PLAN.read_text(encoding="utf-8"))
    assert items == {"PT-1": ("City hall", "Rosa"), "PT-2": ("Fire brigade", "Rosa"), "PT-3": ("Police", "Ivo")}


def test_without_an_owner_column_the_rows_are_a_registry_not_work() -> None:
    table = "# P\n\n## Service tracker\n\n| Service | Purpose | Status |\n|---|---|---|\n| Mail | Out | live |\n"
    table += "| Desk | Questions | live |\n"
    assert _items(table) == {}


def test_under_a_heading_that_names_no_work_the_rows_are_not_items() -> None:
    table = "# P\n\n## Systems\n\n| System | Owner | Status |\n|---|---|---|\n| Mail | Rosa | live |\n"
    table += "| Desk | Ivo | live |\n"
    assert _items(table) == {}
