"""Ticked boxes under "What's done", beside rows with ids, are a log of finished work, not items (issue 43)."""

from __future__ import annotations

from pathlib import Path

from readiness_tui.core.importers import import_markdown

PLAN = Path(__file__).resolve().parents[1] / "fixtures" / "corpus" / "done_log_beside_rows.md"


def _ids(text: str) -> list[str]:
    result = import_markdown(text, "P.md")
    assert result.board is not None
    return [i.id for i in result.board.items]


def test_a_done_log_beside_id_rows_is_kept_as_text() -> None:
    assert _ids(PLAN.read_text(encoding="utf-8")) == ["1", "2"]


def test_an_open_box_makes_the_list_work_again() -> None:
    text = PLAN.read_text(encoding="utf-8").replace("- [x] Theme switch", "- [ ] Theme switch")
    assert len(_ids(text)) == 5


def test_without_rows_of_ids_the_done_boxes_are_the_plans_items() -> None:
    text = PLAN.read_text(encoding="utf-8").split("## Order")[0]
    assert len(_ids(text)) == 3
