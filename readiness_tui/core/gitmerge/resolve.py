"""Resolving a ``[[conflicts]]`` record left by the board merge driver: apply one side's value, drop the record."""

from __future__ import annotations

from typing import Any

from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.gitmerge.fields import flatten
from readiness_tui.core.model.board import MergeConflict
from readiness_tui.core.model.problems import EditError
from readiness_tui.core.model.records import RECORD_KEYS, Change

SIDES = ("ours", "theirs", "base")


def conflicts(store: BoardStore) -> list[MergeConflict]:
    """The conflicts recorded in the board, in file order (``n`` below is the 0-based position)."""
    return list(store.board.conflicts)


def resolve_conflict(store: BoardStore, n: int, side: str) -> list[Change]:
    """Set the conflicted field (or whole record) to ``side``'s value and remove conflict ``n``.

    ``side`` is ``ours``, ``theirs`` or ``base``; an absent value removes the field (or deletes the
    record, for ``*``). Nothing is saved: the caller saves the store and records the changes.
    Raises ``EditError`` for an unknown conflict or side, or when the value cannot be applied.
    """
    if side not in SIDES:
        raise EditError(f"side must be one of {', '.join(SIDES)}, got {side!r}", store.path)
    rows = store.board.conflicts
    if not 0 <= n < len(rows):
        raise EditError(f"no conflict {n + 1} in {store.name} (it has {len(rows)})", store.path)
    c = rows[n]
    value = getattr(c, side)
    snap = store.snapshot()
    try:
        changes = _apply(store, c, value)
        changes.append(store.remove_record("conflicts", n))
    except EditError:
        store.restore(snap)
        raise
    return changes


def _index(store: BoardStore, kind: str, rid: str) -> int | None:
    key = RECORD_KEYS.get(kind)
    if key is None:
        return None
    for i, row in enumerate(getattr(store.board, kind)):
        if str(getattr(row, key)) == rid:
            return i
    return None


def _whole(current: dict[str, Any], value: dict[str, Any]) -> dict[str, Any]:
    """Field assignments turning ``current`` into ``value`` (``None`` removes a field)."""
    want = flatten(value)
    have = flatten(current)
    out: dict[str, Any] = {f: v for f, v in want.items() if have.get(f) != v}
    for f in have:
        if f not in want and not any(w.startswith(f + ".") for w in want):
            out[f] = None
    out.pop("id", None)
    return out


def _apply(store: BoardStore, c: MergeConflict, value: Any) -> list[Change]:
    kind = c.kind
    if kind == "board":
        return store.set_board_fields({c.field: value})
    if kind == "matrix" and c.field in ("order", "rows") and store.board.matrix is not None:
        m = store.board.matrix
        order = list(value or []) if c.field == "order" else list(m.order)
        rows = list(value or []) if c.field == "rows" else list(m.rows)
        store.set_matrix(order, rows)
        return [Change("matrix", c.field, getattr(m, c.field), value, kind="matrix")]
    if kind not in RECORD_KEYS:
        raise EditError(
            f"conflict {c.describe()}: resolve it by editing the file, then remove its [[conflicts]] record", store.path
        )
    i = _index(store, kind, c.id)
    if c.field == "*":
        if value is None:
            if i is None:
                return []
            return store.remove_item(c.id) if kind == "items" else [store.remove_record(kind, i)]
        if not isinstance(value, dict):
            raise EditError(f"conflict on {c.id}: the {kind} record is not a table", store.path)
        if i is None:
            row = {"id": c.id, **value}
            return [store.add_item(row) if kind == "items" else store.add_record(kind, row)]
        current = getattr(store.board, kind)[i].model_dump(mode="json", exclude_defaults=True)
        values = _whole(current, value)
    else:
        if i is None:
            raise EditError(f"conflict on {c.id}.{c.field}: no {kind} record {c.id!r} in {store.name}", store.path)
        values = {c.field: value}
    if not values:
        return []
    if kind == "items":
        return store.set_fields(c.id, values)
    return store.set_record_fields(kind, i, values)
