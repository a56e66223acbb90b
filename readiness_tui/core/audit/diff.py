"""What changed between two versions of a board, field by field, as store ``Change`` records."""

from __future__ import annotations

from typing import Any

from readiness_tui.core.model.board import Board
from readiness_tui.core.model.records import RECORD_KEYS, Change


def _flatten(prefix: str, value: Any, out: dict[str, Any]) -> None:
    if isinstance(value, dict) and value:
        for k, v in value.items():
            _flatten(f"{prefix}.{k}", v, out)
    else:
        out[prefix] = value


def _fields(dump: dict[str, Any]) -> dict[str, Any]:
    """A record's fields with sub-tables as dotted leaves (``gate.verify``)."""
    out: dict[str, Any] = {}
    for k, v in dump.items():
        _flatten(k, v, out)
    return out


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _record_changes(key: str, kind: str, old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    a, b = _fields(old), _fields(new)
    out = []
    for f in dict.fromkeys([*a, *b]):
        va, vb = a.get(f), b.get(f)
        # A sub-table that appears or disappears shows as its leaves; empty leaves are no change.
        if va != vb and not (_empty(va) and _empty(vb)):
            out.append(Change(key, f, va, vb, kind=kind))
    return out


def diff_boards(old: Board, new: Board) -> list[Change]:
    """What changed between two versions of a board, as store ``Change`` records.

    Every field of every item (dict fields such as ``gate`` as dotted leaves, ``gate.verify``),
    items added (``field="*"``, old None) and removed (new None); risks, phases and milestones by
    id; waivers, deliverables, progress notes and sections by position; the ``[board]`` table and
    the recorded matrix.
    """
    changes: list[Change] = []
    changes += _diff_keyed("items", "id", old.items, new.items)
    for kind in ("risks", "phases", "milestones"):
        changes += _diff_keyed(kind, RECORD_KEYS[kind], getattr(old, kind), getattr(new, kind))
    for kind in ("waivers", "deliverables", "progress", "sections"):
        a, b = getattr(old, kind), getattr(new, kind)
        for i in range(max(len(a), len(b))):
            ra = a[i] if i < len(a) else None
            rb = b[i] if i < len(b) else None
            if ra is not None and rb is not None and ra == rb:
                continue
            da = ra.model_dump(mode="json", exclude_defaults=True) if ra is not None else None
            db = rb.model_dump(mode="json", exclude_defaults=True) if rb is not None else None
            if ra is None or rb is None:
                changes.append(Change(str(i), "*", da, db, kind=kind))
            else:
                changes += _record_changes(str(i), kind, ra.model_dump(mode="json"), rb.model_dump(mode="json"))
    if old.board != new.board:
        changes += _record_changes(
            "board", "board", old.board.model_dump(mode="json"), new.board.model_dump(mode="json")
        )
    if old.matrix != new.matrix:
        da = old.matrix.model_dump(mode="json") if old.matrix else None
        db = new.matrix.model_dump(mode="json") if new.matrix else None
        changes.append(Change("matrix", "*", da, db, kind="matrix"))
    return changes


def _diff_keyed(kind: str, key: str, old_rows: list[Any], new_rows: list[Any]) -> list[Change]:
    a = {getattr(r, key): r for r in old_rows}
    b = {getattr(r, key): r for r in new_rows}
    out: list[Change] = []
    for k, ra in a.items():
        rb = b.get(k)
        if rb is None:
            out.append(Change(k, "*", ra.model_dump(mode="json", exclude_defaults=True), None, kind=kind))
        elif ra is not rb and ra != rb:  # a reload reuses unchanged rows: identity settles most
            out += _record_changes(k, kind, ra.model_dump(mode="json"), rb.model_dump(mode="json"))
    for k, rb in b.items():
        if k not in a:
            out.append(Change(k, "*", None, rb.model_dump(mode="json", exclude_defaults=True), kind=kind))
    return out
