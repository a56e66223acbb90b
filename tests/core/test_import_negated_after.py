"""Ids denied after they are named ("B2 not required") are no dependencies (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown
from readiness_tui.core.importers.references.refs import parse_refs


def test_ids_followed_by_not_required_are_negated() -> None:
    refs = parse_refs("B1; B2 not required")
    assert refs.ids == ["B1"] and refs.negated == ["B2"]
    assert parse_refs("T3, T4 are not needed").negated == ["T3", "T4"]


def test_a_required_id_stays_a_dependency() -> None:
    assert parse_refs("B2 required first").ids == ["B2"]


def test_a_denied_row_is_no_dependency_on_the_board() -> None:
    text = "# P\n\n| ID | Action | Depends On |\n|---|---|---|\n| B2 | a | — |\n| B3 | b | B2 not required |\n"
    result = import_markdown(text, "P.md")
    assert result.board is not None
    assert {i.id: i.depends_on for i in result.board.items}["B3"] == []
