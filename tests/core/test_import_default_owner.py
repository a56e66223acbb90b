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
