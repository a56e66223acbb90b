"""``export -f json``'s items, built a column at a time, are each item's fields and answers."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings

from readiness_tui.core.analysis.analyze import Analysis
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.model.board import Item
from readiness_tui.core.outputs.export import to_json_data

from .test_surfaces_agree import boards


def one_item(it: Item, a: Analysis, phase: str | None) -> dict[str, Any]:
    """An item as the contract describes it, read field by field."""
    gate = it.gate
    return {
        "id": it.id,
        "title": it.title,
        "kind": it.kind,
        "status": it.status,
        "priority": it.priority,
        "score": it.total_score,
        "owner": it.owner,
        "workstream": it.workstream,
        "depends_on": list(it.depends_on),
        "estimate_days": it.estimate_days,
        "target": it.target,
        "phase": it.phase or phase,
        "milestone": it.milestone,
        "parent": it.parent,
        "tags": list(it.tags),
        "links": list(it.links),
        "ready": it.id in a.ready,
        "blocked": it.id in a.blocked,
        "waiting": it.id in a.waiting,
        "unplaced": a.unplaced.get(it.id),
        "slack": None if it.is_closed else a.critical_path.schedule.slacks().get(it.id),
        "gate": {
            "exit_criteria": gate.exit_criteria if gate else "",
            "verify": gate.verify if gate else "",
            "evidence": list(gate.evidence) if gate else [],
        },
    }


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=boards())
def test_every_exported_item_is_its_fields_and_its_answers(text: str) -> None:
    board = BoardStore.from_text(text).board
    a = Analysis(board)
    got = to_json_data(board, a)["items"]
    assert got == [one_item(it, a, None) for it in board.items]
    assert [list(d) for d in got] == [list(one_item(it, a, None)) for it in board.items]  # key order too


def test_items_of_the_bundled_boards_with_phases_and_gates() -> None:
    from pathlib import Path

    boards_dir = Path(__file__).resolve().parents[2] / "boards"
    for path in sorted(boards_dir.glob("*.toml")):
        board = BoardStore.load(path).board
        a = Analysis(board)
        phase_of: dict[str, str] = {}
        for ph in board.phases:
            for ref in ph.items:
                phase_of.setdefault(ref, ph.id)
        want = [one_item(it, a, phase_of.get(it.id)) for it in board.items]
        assert to_json_data(board, a)["items"] == want, path.name


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=boards())
def test_the_critical_paths_slack_is_every_open_scheduled_items(text: str) -> None:
    board = BoardStore.from_text(text).board
    a = Analysis(board)
    got = to_json_data(board, a)["analysis"]["critical_path"]["slack"]
    by_id = {it.id: it for it in board.items}
    slacks = a.critical_path.schedule.slacks()
    assert got == {k: v for k, v in slacks.items() if not by_id[k].is_closed}
    assert a.closed == {it.id for it in board.items if it.is_closed}
