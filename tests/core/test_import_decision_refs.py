"""A dependency cell naming a decision (DEC-004, ADR-0012, D-7) that is no item keeps it as a note (issue 43)."""

from __future__ import annotations

from pathlib import Path

from readiness_tui.core.importers import import_markdown

PLAN = Path(__file__).resolve().parents[1] / "fixtures" / "corpus" / "decision_refs_not_deps.md"


def test_decisions_are_kept_in_the_note_not_as_dependencies() -> None:
    result = import_markdown(PLAN.read_text(encoding="utf-8"), PLAN.name)
    assert result.board is not None
    items = {i.id: i for i in result.board.items}
    assert {i: it.depends_on for i, it in items.items()} == {"BIL-1": [], "BIL-2": ["BIL-1"], "BIL-3": ["BIL-2"]}
    assert "DEC-004" in (items["BIL-1"].dependency_note or "")


def test_a_decision_the_plan_makes_an_item_stays_a_dependency() -> None:
    text = "# P\n\n| ID | Work item | Dependencies |\n|---|---|---|\n| D-1 | Decide the provider | — |\n"
    text += "| T-2 | Integrate it | D-1 |\n"
    result = import_markdown(text, "P.md")
    assert result.board is not None
    assert {i.id: i.depends_on for i in result.board.items}["T-2"] == ["D-1"]
