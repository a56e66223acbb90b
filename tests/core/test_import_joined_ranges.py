"""Two ids joined by a dash in a dependency cell (``T3-T10``) are a range of items (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown

TABLE = "# P\n\n| ID | Task | Depends on |\n|---|---|---|\n"


def _deps(rows: str) -> dict[str, list[str]]:
    result = import_markdown(TABLE + rows, "P.md")
    assert result.board is not None
    return {i.id: i.depends_on for i in result.board.items}


def test_a_joined_range_names_every_item_between_in_plan_order() -> None:
    rows = "| T3 | a | — |\n| T4 | b | — |\n| T4B | c | — |\n| T5 | d | — |\n| T9 | e | T3-T5 |\n"
    assert _deps(rows)["T9"] == ["T3", "T4", "T4B", "T5"]


def test_an_id_with_a_dash_that_is_an_item_stays_one_id() -> None:
    rows = "| S2 | a | — |\n| S2-T1 | b | — |\n| T1 | c | — |\n| X1 | d | S2-T1 |\n"
    assert _deps(rows)["X1"] == ["S2-T1"]


def test_ids_of_two_kinds_joined_are_no_range() -> None:
    rows = "| A1 | a | — |\n| B1 | b | — |\n| C1 | c | A1-B1 |\n"
    assert _deps(rows)["C1"] == ["A1-B1"]


def test_ids_alone_reads_a_step_of_ids_and_asides_and_nothing_more() -> None:
    from readiness_tui.core.importers.references.refs import ids_alone

    known = {"T027", "T028", "T029", "T-001.1", "T-001.2", "T-001.3"}
    assert ids_alone(known, "T027 (storage)") == ["T027"]
    assert ids_alone(known, "T-001.1-T-001.3") == ["T-001.1", "T-001.2", "T-001.3"]
    assert ids_alone(known, "T028, T029") == ["T028", "T029"]
    assert ids_alone(known, "T027 and then deploy") is None  # words beside the ids: a sentence, not a step
    assert ids_alone(known, "T027, T999") is None  # an id the plan has not made
