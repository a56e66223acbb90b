"""A column of positions beside title cells that open with a bold id: the bold id names the row, the position is
another name dependencies cite it by; a heading's "after W0" waits on the items under the heading W0 names."""

from __future__ import annotations

from pathlib import Path

from readiness_tui.core.importers import import_markdown

PLAN = Path(__file__).resolve().parents[1] / "fixtures" / "corpus" / "position_column_marked_ids.md"


def _deps(text: str) -> dict[str, list[str]]:
    result = import_markdown(text, "P.md")
    assert result.board is not None
    return {i.id: i.depends_on for i in result.board.items}


def test_bold_ids_name_the_rows_and_positions_in_dependency_cells_name_them_too() -> None:
    deps = _deps(PLAN.read_text(encoding="utf-8"))
    assert set(deps) == {"KIT-01", "KIT-02", "KIT-03", "KIT-04", "KIT-05", "KIT-06"}
    assert deps["KIT-06"] == ["KIT-05"]  # '1.3', in a table of one row
    assert set(deps["KIT-05"]) >= {"KIT-03", "KIT-04"}


def test_a_heading_waiting_after_a_group_waits_on_the_items_under_that_groups_heading() -> None:
    deps = _deps(PLAN.read_text(encoding="utf-8"))
    assert deps["KIT-03"] == ["KIT-01", "KIT-02"] and deps["KIT-01"] == []


def test_without_bold_ids_the_position_column_keeps_naming_the_rows() -> None:
    deps = _deps(
        "# P\n\n| Order | Item | Depends on |\n|---|---|---|\n| 1.1 | KIT-01 strip | — |\n| 1.2 | paint | 1.1 |\n"
    )
    assert deps == {"1.1": [], "1.2": ["1.1"]}
