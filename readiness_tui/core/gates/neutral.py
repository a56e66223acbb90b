"""Which board changes leave every gate's result as it was: the rule that lets an edit re-evaluate
only the edited items' gates instead of the whole board's."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..records import Change

if TYPE_CHECKING:
    from ..store import BoardStore
    from .session import GateSession


def gate_neutral(change: Change) -> bool:
    """An item-field change that cannot alter any gate's definition (status, owner, title ...).

    Not neutral: anything under ``gate`` (evidence, verify, watch), an item added or removed
    (``*``), a renamed id, and any change to another kind of record (a waiver, the board table).
    """
    return change.kind == "items" and change.field not in ("*", "id") and not change.field.startswith("gate")


def all_gate_neutral(changes: Iterable[Change]) -> bool:
    """Every change is ``gate_neutral`` (and there is at least one)."""
    changes = list(changes)
    return bool(changes) and all(gate_neutral(c) for c in changes)


def take_item_changes(session: GateSession, changes: Iterable[Change], store: BoardStore) -> set[str] | None:
    """The ids of an edit's items, swapped into ``session`` as ``store`` holds them now, when every
    change is ``gate_neutral``: only their gates can look different. None, with nothing taken,
    when the edit may have changed a gate's definition or an item is gone: ``set_board`` then."""
    changes = list(changes)
    if not all_gate_neutral(changes):
        return None
    ids = {c.item for c in changes}
    if not all(store.has_item(i) for i in ids):
        return None
    if not session.update_items((store.item(i) for i in ids), store.board):
        return None
    return ids
