"""A dependency naming the parent of numbered parts (``S2`` of S2.1, S2.2) names them all (issue 43)."""

from __future__ import annotations

from pathlib import Path

from readiness_tui.core.importers import import_markdown

PLAN = Path(__file__).resolve().parents[1] / "fixtures" / "corpus" / "dotted_parent_refs.md"


def _deps(text: str) -> dict[str, list[str]]:
    result = import_markdown(text, "P.md")
    assert result.board is not None
    return {i.id: i.depends_on for i in result.board.items}


def test_a_parent_id_names_its_numbered_parts() -> None:
    assert _deps(PLAN.read_text(encoding="utf-8"))["S3"] == ["S2.1", "S2.2"]


def test_a_bare_number_is_no_parent() -> None:
    text = "# P\n\n| ID | Work | Depends |\n|---|---|---|\n| 1.1 | a | — |\n| 1.2 | b | — |\n| 2.1 | c | 1 |\n"
    assert _deps(text)["2.1"] == ["1"]
