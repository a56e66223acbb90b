"""A group word ('MVP') that no heading opens with names the one heading holding it, not one placed after it
(issue 43)."""

from __future__ import annotations

from pathlib import Path

from readiness_tui.core.importers import import_markdown

PLAN = Path(__file__).resolve().parents[1] / "fixtures" / "corpus" / "group_named_inside_heading.md"


def _deps(text: str) -> dict[str, list[str]]:
    result = import_markdown(text, "P.md")
    assert result.board is not None
    return {i.id: sorted(i.depends_on) for i in result.board.items}


def test_mvp_names_the_items_under_the_heading_that_holds_it() -> None:
    deps = _deps(PLAN.read_text(encoding="utf-8"))
    assert deps["P1"] == ["M1", "M2"] and deps["P2"] == ["M1", "M2", "P1"]


def test_two_headings_apart_naming_the_word_name_no_group() -> None:
    text = PLAN.read_text(encoding="utf-8").replace("## 2. Work after MVP", "## 2. The second MVP")
    assert _deps(text)["P1"] == []
