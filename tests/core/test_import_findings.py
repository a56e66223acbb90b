"""Id headings under "Findings" are what a review found, not work items (issue 43)."""

from __future__ import annotations

from pathlib import Path

from readiness_tui.core.importers import import_markdown

PLAN = Path(__file__).resolve().parents[1] / "fixtures" / "corpus" / "findings_then_actions.md"


def test_findings_are_kept_as_text_and_the_actions_are_the_items() -> None:
    result = import_markdown(PLAN.read_text(encoding="utf-8"), PLAN.name)
    assert result.board is not None
    assert [i.id for i in result.board.items] == ["A1", "A2"]
    assert any("offsite copy" in s.body for s in result.board.sections)


def test_id_headings_under_other_headings_stay_items() -> None:
    text = PLAN.read_text(encoding="utf-8").replace("## Findings", "## Fixes")
    result = import_markdown(text, PLAN.name)
    assert result.board is not None
    assert {"F1", "F2"} <= {i.id for i in result.board.items}
