"""A sentence giving one owner to every row that names none ("DRI is X unless a row names someone else")
(issue 43)."""

from __future__ import annotations

from pathlib import Path

from readiness_tui.core.importers import import_markdown

PLAN = Path(__file__).resolve().parents[1] / "fixtures" / "corpus" / "default_owner_sentence.md"


def _owners(text: str) -> dict[str, str | None]:
    result = import_markdown(text, "P.md")
    assert result.board is not None
    return {i.id: i.owner for i in result.board.items}


def test_rows_without_an_owner_take_the_one_the_sentence_gives() -> None:
    assert _owners(PLAN.read_text(encoding="utf-8")) == {"SH-1": "mira", "SH-2": "tomas", "SH-3": "mira"}


def test_two_such_sentences_give_no_default() -> None:
    text = PLAN.read_text(encoding="utf-8") + "\nLater the owner is bob unless told otherwise.\n"
    assert not _owners(text)["SH-1"]


def test_a_phases_fields_line_set_in_italics_gives_its_items_their_priority() -> None:
    md = (
        "# Neovim roadmap\n\n## Development Phases\n\n### Phase 1: Foundation (Q1 2025)\n"
        "*Priority: High | Effort: Medium*\n\n#### 1.1 Testing\n- [ ] **Add automated testing framework**\n"
        "- [ ] **Enhance error handling**\n\n### Phase 2: Productivity (Q2 2025)\n_Priority: Low_\n\n"
        "#### 2.1 AI\n- [ ] **Expand MCPHub integrations**\n"
    )
    result = import_markdown(md, "plan.md")
    assert result.board is not None
    assert {i.title: i.priority for i in result.board.items} == {"Testing": "P1", "AI": "P3"}
