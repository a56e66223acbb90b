"""Dependency analysis on small boards whose answers are known by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from readiness_tui.core.analysis import Analysis
from readiness_tui.core.store import BoardStore

# A -> B -> D, A -> C -> D, D -> E ; F independent; G depends on a missing id.
TEXT = '''
[board]
title = "t"

[[items]]
id = "A"
status = "done"
estimate_days = 2
priority = "P1"

[[items]]
id = "B"
depends_on = ["A"]
estimate_days = 3
priority = "P0"
target = "2026-W07"

[[items]]
id = "C"
depends_on = ["A"]
estimate_days = 1
priority = "P0"
score_factors = { impact = 5, risk = 5 }

[[items]]
id = "D"
depends_on = ["B", "C"]
estimate_days = 4
status = "in_progress"

[[items]]
id = "E"
depends_on = ["D"]
estimate_days = 2
target = "2026-12-31"

[[items]]
id = "F"
status = "blocked"

[[items]]
id = "G"
depends_on = ["T-0"]

[[risks]]
id = "R1"
mitigated_by = ["B", "C"]

[[risks]]
id = "R2"

[[risks]]
id = "R3"
mitigated_by = ["A"]

[[risks]]
id = "R4"
mitigated_by = ["nope"]

[matrix]
order = ["A", "B", "C"]
rows = ["000", "100", "110"]
'''


@pytest.fixture
def a() -> Analysis:
    return Analysis(BoardStore.from_text(TEXT).board, today=dt.date(2026, 2, 20))


def test_ready_and_blocked(a: Analysis) -> None:
    assert a.ready == ["B", "C", "F"]
    assert a.blocked == ["D", "E", "G"]
    assert a.open_dependencies("D") == ["B", "C"]


def test_blocking_chain_reaches_root_causes(a: Analysis) -> None:
    assert a.blocking_chain("E") == [["E", "D", "B"]]
    assert a.root_causes("D") == ["B", "C"]
    assert a.blocking_chain("G") == [["G", "T-0"]]
    assert a.unknown_dependencies == [("G", "T-0")]


def test_waves_of_open_work_and_whole_plan(a: Analysis) -> None:
    assert a.waves() == [["B", "C", "F", "G"], ["D"], ["E"]]
    assert a.waves(include_closed=True)[0] == ["A", "F", "G"]


def test_critical_path_with_slack(a: Analysis) -> None:
    cp = a.critical_path
    assert cp.ids == ["B", "D", "E"]
    assert cp.total_days == 9  # A is done: 3 + 4 + 2
    assert cp.schedule["C"].slack == 2  # C (1 day) runs beside B (3 days)
    assert cp.schedule["B"].slack == 0
    assert cp.schedule["D"].es == 3 and cp.schedule["E"].ef == 9
    assert set(cp.unestimated) == {"F", "G"}


def test_dependents_and_closure(a: Analysis) -> None:
    assert sorted(a.dependents("A")) == ["B", "C"]
    assert a.dependents_closure("B") == {"D", "E"}
    assert a.dependents_closure("E") == set()


def test_overdue_against_today(a: Analysis) -> None:
    assert a.overdue == ["B"]  # 2026-W07 ended on 2026-02-15


def test_ranking_priority_then_score_then_dependents(a: Analysis) -> None:
    assert a.ranking[:2] == ["C", "B"]  # both P0; C has score 10
    assert a.ranking.index("D") < a.ranking.index("F")  # unprioritised: D unblocks E


def test_risk_coverage(a: Analysis) -> None:
    states = {r.id: r.state for r in a.risk_status}
    assert states == {"R1": "open", "R2": "uncovered", "R3": "mitigated", "R4": "uncovered"}
    assert a.uncovered_risks == ["R2", "R4"]
    assert a.risk_status[3].unknown == ["nope"]
    assert a.risks_for("B") == ["R1"]


def test_matrix_derived_and_disagreement(a: Analysis) -> None:
    assert a.derived_matrix(["A", "B", "C"]) == [[0, 0, 0], [1, 0, 0], [1, 0, 0]]
    (d,) = a.matrix_disagreements
    assert (d.row, d.col, d.recorded, d.derived) == ("C", "B", 1, 0)


def test_cycles_found_with_full_path() -> None:
    text = TEXT.replace('id = "A"\nstatus = "done"', 'id = "A"\nstatus = "done"\ndepends_on = ["E"]')
    a = Analysis(BoardStore.from_text(text).board)
    assert len(a.cycles) == 1
    cycle = a.cycles[0]
    assert cycle[0] == cycle[-1]
    assert set(cycle) in ({"A", "B", "D", "E"}, {"A", "C", "D", "E"})
    for x, y in zip(cycle, cycle[1:]):
        assert y in a.items[x].depends_on  # each step is a real "depends on"
    assert ("A", "E") in a.cycle_edges
    # A is done, so the open work is still orderable; the schedule leaves out what the cycle knots.
    assert a.waves() == [["B", "C", "F", "G"], ["D"], ["E"]]
    assert a.critical_path.ids == []
    b = Analysis(BoardStore.from_text(text.replace('status = "done"', 'status = "todo"', 1)).board)
    assert b.waves() == [["F", "G"]]  # an open cycle: nothing on or behind it gets a wave


def test_progress_and_counts(a: Analysis) -> None:
    assert a.progress(["A", "B", "zzz"]) == (1, 2)
    assert a.counts_by_status() == {"done": 1, "todo": 4, "in_progress": 1, "blocked": 1}
    assert a.children == {}
