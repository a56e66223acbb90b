"""Parents (items with children) are containers of work, not units of it: the schedule and the
critical path count their children only."""

from __future__ import annotations

from readiness_tui.core.analysis.analyze import Analysis
from readiness_tui.core.board.store import BoardStore

HEAD = '[board]\ntitle = "streams"\ntoday = 2026-02-20\n\n'


def board(*items: str) -> Analysis:
    return Analysis(BoardStore.from_text(HEAD + "\n".join(f"[[items]]\n{it}\n" for it in items)).board)


def test_without_estimates_a_parent_is_not_a_unit_on_top_of_its_children() -> None:
    a = board(
        'id = "S1"\nkind = "stream"',
        'id = "S1-T1"\nparent = "S1"',
        'id = "S1-T2"\nparent = "S1"\ndepends_on = ["S1-T1"]',
        'id = "S2"\nkind = "stream"',
    )
    cp = a.critical_path
    assert cp.unit == "items"
    assert cp.ids == ["S1-T1", "S1-T2"] and cp.total_days == 2
    assert cp.schedule["S1"].duration == 0
    assert cp.schedule["S2"].duration == 1  # a stream with no children is work of its own
    assert a.parents == frozenset({"S1"})


def test_a_parents_estimate_is_not_added_to_its_childrens() -> None:
    a = board(
        'id = "S1"\nkind = "stream"\nestimate_days = 10',
        'id = "T1"\nparent = "S1"\nestimate_days = 2',
        'id = "T2"\nparent = "S1"\nestimate_days = 3\ndepends_on = ["T1"]',
    )
    cp = a.critical_path
    assert cp.total_days == 5 and cp.ids == ["T1", "T2"]
    assert "S1" not in cp.ids and cp.schedule["S1"].duration == 0


def test_a_parent_alone_with_estimates_does_not_make_the_unit_days() -> None:
    a = board('id = "S1"\nestimate_days = 4', 'id = "T1"\nparent = "S1"', 'id = "T2"\nparent = "S1"')
    assert a.critical_path.unit == "items" and a.critical_path.total_days == 1
