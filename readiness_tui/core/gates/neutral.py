"""Which board changes leave every gate's result as it was: the rule that lets an edit re-evaluate
only the edited items' gates instead of the whole board's."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from readiness_tui.core.model.records import Change

if TYPE_CHECKING:
    from readiness_tui.core.board.store import BoardStore
    from readiness_tui.core.gates.session import GateSession


#: Records no gate reads (a gate reads its item, the board's waivers and its ``[board]`` table):
#: any change to them leaves every gate's result as it was.
GATE_BLIND = frozenset({"risks", "phases", "milestones", "deliverables", "progress", "sections"})


def gate_neutral(change: Change) -> bool:
    """A change that cannot alter any gate's definition or result: an item field other than its
    gate (status, owner, title ...), or any change to a record no gate reads (``GATE_BLIND``).

    Not neutral: anything under ``gate`` (evidence, verify, watch), an item added or removed
    (``*``), a renamed id, a waiver, the board table, the matrix.
    """
    if change.kind in GATE_BLIND:
        return True
    return change.kind == "items" and change.field not in ("*", "id") and not change.field.startswith("gate")


def all_gate_neutral(changes: Iterable[Change]) -> bool:
    """Every change is ``gate_neutral`` (and there is at least one)."""
    changes = list(changes)
    return bool(changes) and all(gate_neutral(c) for c in changes)


def take_item_changes(session: GateSession, changes: Iterable[Change], store: BoardStore) -> set[str] | None:
    """The ids of an edit's items, swapped into ``session`` as ``store`` holds them now (with the
    board, for the records no gate reads), when every change is ``gate_neutral``: only their gates
    can look different (none, for an edit of those records alone). None, with nothing taken,
    when the edit may have changed a gate's definition or an item is gone: ``set_board`` then."""
    changes = list(changes)
    if not all_gate_neutral(changes):
        return None
    ids = {c.item for c in changes if c.kind == "items"}  # a risk's or a phase's touch no gate
    if not all(store.has_item(i) for i in ids):
        return None
    if not session.update_items((store.item(i) for i in ids), store.board):
        return None
    return ids
