"""A backlog ranked by a "Priority" column of 1..N, and named in a "Backlog" column (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown

_ROWS = [
    ("Understanding Requirements", "Completed"),
    ("Writing Object Classes", "Completed"),
    ("Writing Main Class", "In progress"),
    ("Planning and Writing Unit Tests", "Not started"),
    ("Test Driven Development", "Not started"),
    ("Test Coverage Metric", "Not started"),
]


def _plan(header: str = "Priority") -> str:
    rows = "".join(f"| {n} | {t} | Diya | 2 | {s} |\n" for n, (t, s) in enumerate(_ROWS, 1))
    return f"# Sprint\n\n| {header} | Backlog | Owner | Estimate (Hours) | Status |\n|---|---|---|---|---|\n{rows}"


def test_a_priority_column_counting_the_rows_is_their_rank_and_names_them() -> None:
    result = import_markdown(_plan(), "P.md")
    assert result.board is not None
    items = result.board.items
    assert [i.id for i in items] == ["1", "2", "3", "4", "5", "6"]
    assert [i.title for i in items] == [t for t, _ in _ROWS]
    assert [i.status for i in items][:4] == ["done", "done", "in_progress", "todo"]
    # A rank of six is no level on a scale of four: no item is given a priority by it.
    assert {i.priority for i in items} == {None}
    assert {i.owner for i in items} == {"Diya"}


def test_priority_levels_down_a_column_stay_priorities() -> None:
    md = "# P\n\n| Priority | Backlog | Status |\n|---|---|---|\n" + "".join(
        f"| {p} | Task {n} | Done |\n" for n, p in enumerate(["1", "2", "2", "3", "1", "3"])
    )
    result = import_markdown(md, "P.md")
    assert result.board is not None
    assert [i.priority for i in result.board.items] == ["P1", "P2", "P2", "P3", "P1", "P3"]
