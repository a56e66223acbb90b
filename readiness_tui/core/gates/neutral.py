"""Which board changes leave every gate's result as it was: the rule that lets an edit re-evaluate
only the edited items' gates instead of the whole board's."""

from __future__ import annotations

from collections.abc import Iterable

from ..records import Change


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
