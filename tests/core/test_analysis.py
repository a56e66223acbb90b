"""Dependency analysis on small boards whose answers are known by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from readiness_tui.core.analysis.analyze import Analysis
from readiness_tui.core.board.store import BoardStore

# A -> B -> D, A -> C -> D, D -> E ; F independent; G depends on a missing id.
TEXT = """
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
"""


@pytest.fixture
def a() -> Analysis:
    return Analysis(BoardStore.from_text(TEXT).board, today=dt.date(2026, 2, 20))


def test_ready_waiting_and_blocked(a: Analysis) -> None:
    # Two words for two things: blocked is the status, waiting is open (or unknown) dependencies.
    assert a.ready == ["B", "C"]  # F is marked blocked: not ready though it has no dependency
    assert a.waiting == ["D", "E", "G"]
    assert a.blocked == ["F"]
    assert a.open_dependencies("D") == ["B", "C"]
    assert a.unplaced == {"G": "names an unknown dependency"}


def test_blocking_chain_reaches_root_causes(a: Analysis) -> None:
    assert a.blocking_chain("E") == [["E", "D", "B"]]
    assert a.root_causes("D") == ["B", "C"]
    assert a.blocking_chain("G") == [["G", "T-0"]]
    assert a.unknown_dependencies == [("G", "T-0")]


def test_waves_of_open_work_and_whole_plan(a: Analysis) -> None:
    # G names no item: it is in no wave (it could not start now), the plan lists it as unplaced.
    assert a.waves() == [["B", "C", "F"], ["D"], ["E"]]
    assert a.waves(include_closed=True)[0] == ["A", "F"]


def test_critical_path_with_slack(a: Analysis) -> None:
    cp = a.critical_path
    assert cp.ids == ["B", "D", "E"]
    assert cp.total_days == 9  # A is done: 3 + 4 + 2
    assert cp.schedule["C"].slack == 2  # C (1 day) runs beside B (3 days)
    assert cp.schedule["B"].slack == 0
    assert cp.schedule["D"].es == 3 and cp.schedule["E"].ef == 9
    assert set(cp.unestimated) == {"F"}  # G has no schedule: it names an unknown dependency
    assert cp.unit == "days" and cp.length_text == "9 days"
    assert "G" not in cp.schedule


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
    # From the knot's first item in board order, along each item's dependencies as listed: D names
    # B before C, so the path goes through B.
    assert cycle == ["A", "E", "D", "B", "A"]
    for x, y in zip(cycle, cycle[1:]):
        assert y in a.items[x].depends_on  # each step is a real "depends on"
    assert ("A", "E") in a.cycle_edges
    # Every member of the knot is on the cycle (one path through it may miss C), none gets a wave,
    # none is ready, and the matrix marks (cycle_edges) name exactly the same items.
    assert a.on_cycle == {"A", "B", "C", "D", "E"}
    assert {x for e in a.cycle_edges for x in e} == a.on_cycle
    assert a.waves() == [["F"]]
    assert a.ready == []
    assert a.unplaced == {
        "B": "on a dependency cycle",
        "C": "on a dependency cycle",
        "D": "on a dependency cycle",
        "E": "on a dependency cycle",
        "G": "names an unknown dependency",
    }
    assert a.critical_path.ids == ["F"] and a.critical_path.unit == "items"  # no estimated open work left


def test_behind_a_cycle_and_behind_an_unknown_id_is_unplaced() -> None:
    text = (
        '[[items]]\nid = "X"\ndepends_on = ["Y"]\n[[items]]\nid = "Y"\ndepends_on = ["X"]\n'
        '[[items]]\nid = "Z"\ndepends_on = ["Y"]\n[[items]]\nid = "U"\ndepends_on = ["NOPE-1"]\n'
        '[[items]]\nid = "V"\ndepends_on = ["U"]\n[[items]]\nid = "W"\n'
    )
    a = Analysis(BoardStore.from_text(text).board)
    assert a.unplaced == {
        "X": "on a dependency cycle",
        "Y": "on a dependency cycle",
        "Z": "behind a dependency cycle",
        "U": "names an unknown dependency",
        "V": "behind an unknown dependency",
    }
    assert a.waves() == [["W"]] and a.ready == ["W"]
    assert a.critical_path.ids == ["W"] and a.critical_path.unit == "items"


def test_critical_path_without_estimates_counts_items() -> None:
    text = (
        '[[items]]\nid = "A"\n[[items]]\nid = "B"\ndepends_on = ["A"]\n'
        '[[items]]\nid = "C"\ndepends_on = ["B"]\n[[items]]\nid = "D"\n'
    )
    cp = Analysis(BoardStore.from_text(text).board).critical_path
    assert cp.unit == "items" and cp.ids == ["A", "B", "C"] and cp.total_days == 3
    assert cp.schedule["D"].slack == 2 and cp.schedule["B"].slack == 0
    assert cp.unestimated == []  # units are not "unestimated days": the two are never mixed
    assert cp.length_text == "3 items (no estimates: each open item counts as one unit)"


def test_critical_path_length_is_worded_once() -> None:
    one_day = Analysis(BoardStore.from_text('[[items]]\nid = "A"\nestimate_days = 1\n').board).critical_path
    assert one_day.length_text == "1 day" and one_day.unit_word == "day"
    one_item = Analysis(BoardStore.from_text('[[items]]\nid = "A"\n').board).critical_path
    assert one_item.length_text.startswith("1 item (") and one_item.unit_word == "item"
    assert one_item.headline == f"Critical path ({one_item.length_text}): A"
    none = Analysis(BoardStore.from_text('[[items]]\nid = "A"\nstatus = "done"\n').board).critical_path
    assert none.headline == "Critical path: none (no open work with a place in the plan)"


def test_progress_and_counts(a: Analysis) -> None:
    assert a.progress(["A", "B", "zzz"]) == (1, 2)
    assert a.counts_by_status() == {"done": 1, "todo": 4, "in_progress": 1, "blocked": 1}
    assert a.children == {}


def test_slacks_are_worked_out_once_and_each_caller_gets_its_own(a: Analysis) -> None:
    schedule = a.critical_path.schedule
    first = schedule.slacks()
    assert first == {k: row.slack for k, row in schedule.items()}
    first["B"] = 99.0
    second = schedule.slacks()
    assert second["B"] == schedule["B"].slack != 99.0
    assert second is not schedule.slacks()
