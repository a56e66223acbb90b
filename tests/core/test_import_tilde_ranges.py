"""Ranges written with a tilde (``T1~T6``, ``W02〜W04``) and ids with a CJK particle written onto them (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown
from readiness_tui.core.importers.references.refs import ids_in_text, parse_refs, unglue

TABLE = "# P\n\n| ID | 작업 | 의존 |\n|---|---|---|\n"


def _deps(rows: str) -> dict[str, list[str]]:
    result = import_markdown(TABLE + rows, "P.md")
    assert result.board is not None
    return {i.id: i.depends_on for i in result.board.items}


def test_a_tilde_joins_a_range_of_ids() -> None:
    assert parse_refs("T1~T6").ids == ["T1", "T2", "T3", "T4", "T5", "T6"]
    assert parse_refs("T-2〜T-4").ids == ["T-2", "T-3", "T-4"]
    assert ids_in_text("after A-1～A-3 land") == ["A-1", "A-2", "A-3"]


def test_a_tilde_before_a_number_alone_is_no_range() -> None:
    assert parse_refs("~5 days").ids == []


def test_a_particle_written_onto_an_id_is_parted_from_it() -> None:
    assert unglue("K1의 설정") == "K1 의 설정"
    assert unglue("T3完了後") == "T3 完了後"
    assert parse_refs("K1의 설정").ids == ["K1"]


def test_the_korean_dependency_header_reads_week_like_ids_of_the_plan() -> None:
    # W02..W04 look like weeks; they are items of this plan, so the range names them.
    rows = "| W01 | a | - |\n| W02 | b | W01의 기준 |\n| W03 | c | - |\n| W04 | d | - |\n| W05 | e | W02~W04 |\n"
    deps = _deps(rows)
    assert deps["W02"] == ["W01"]
    assert deps["W05"] == ["W02", "W03", "W04"]
