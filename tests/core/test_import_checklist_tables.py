"""A table numbered 1..n under a checklist heading, where the plan's work rows have named ids, holds checks, not
items (issue 43)."""

from __future__ import annotations

from pathlib import Path

from readiness_tui.core.importers import import_markdown

PLAN = Path(__file__).resolve().parents[1] / "fixtures" / "corpus" / "numbered_checklist_table.md"


def _ids(text: str) -> list[str]:
    result = import_markdown(text, "P.md")
    assert result.board is not None
    return [i.id for i in result.board.items]


def test_a_numbered_go_live_checklist_beside_named_rows_makes_no_items() -> None:
    assert _ids(PLAN.read_text(encoding="utf-8")) == ["K1.1", "K1.2"]


def test_the_same_table_under_another_heading_is_work() -> None:
    text = PLAN.read_text(encoding="utf-8").replace("## Go-live checklist", "## Go-live tasks")
    assert _ids(text) == ["K1.1", "K1.2", "1", "2"]
