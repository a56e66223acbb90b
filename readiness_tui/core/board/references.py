"""Which records name an item, which dependencies would close a cycle, and keeping references
whole when an item is renamed or removed (through the store's public edits)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from readiness_tui.core.model.board import Board
from readiness_tui.core.model.records import Change

if TYPE_CHECKING:  # the store calls in here; only its type is needed
    from readiness_tui.core.board.store import BoardStore


def references_to(board: Board, item_id: str) -> list[tuple[str, str, str]]:
    """(kind, record key, field) of every record that names ``item_id``."""
    refs: list[tuple[str, str, str]] = []
    for it in board.items:
        for field in ("depends_on", "soft_depends_on"):
            if item_id in getattr(it, field):
                refs.append(("items", it.id, field))
        if it.parent == item_id:
            refs.append(("items", it.id, "parent"))
    for n, r in enumerate(board.risks):
        if item_id in r.mitigated_by:
            refs.append(("risks", str(n), "mitigated_by"))
    for n, p in enumerate(board.phases):
        if item_id in p.items:
            refs.append(("phases", str(n), "items"))
    for n, m in enumerate(board.milestones):
        if item_id in m.items:
            refs.append(("milestones", str(n), "items"))
    for n, w in enumerate(board.waivers):
        if w.item == item_id:
            refs.append(("waivers", str(n), "item"))
    for n, d in enumerate(board.deliverables):
        if d.item == item_id:
            refs.append(("deliverables", str(n), "item"))
    return refs


def find_cycle_path(board: Board, item_id: str, deps: Iterable[str]) -> list[str] | None:
    """The cycle ``item_id`` would close if it depended on ``deps``: [item, dep, ..., item]."""
    items = board.item_map()
    for start in deps:
        if start == item_id:
            return [item_id, item_id]
        # Depth-first search along depends_on from the new dependency back to item_id.
        stack: list[tuple[str, list[str]]] = [(start, [item_id, start])]
        seen = {start}
        while stack:
            node, path = stack.pop()
            it = items.get(node)
            if it is None:
                continue
            for d in it.depends_on:
                if d == item_id:
                    return [*path, item_id]
                if d not in seen:
                    seen.add(d)
                    stack.append((d, [*path, d]))
    return None


def _reference_edit(store: BoardStore, kind: str, key: str, field: str, fn: Callable[[Any], Any]) -> list[Change]:
    """Replace one reference field with ``fn`` of its value, through the edit that validates it."""
    if kind == "items":
        cur = getattr(store.item(key), field)
        new = fn(cur)
        if field == "depends_on":
            return store.set_dependencies(key, new)
        return store.set_fields(key, {field: new})
    index = int(key)
    cur = getattr(getattr(store.board, kind)[index], field)
    new = fn(cur)
    return store.set_record_fields(kind, index, {field: new})


def drop_reference(store: BoardStore, kind: str, key: str, field: str, item_id: str) -> list[Change]:
    """Remove ``item_id`` from one reference (a list loses the entry, a single reference is cleared)."""
    return _reference_edit(
        store, kind, key, field, lambda cur: [x for x in cur if x != item_id] if isinstance(cur, list) else None
    )


def swap_reference(store: BoardStore, kind: str, key: str, field: str, old: str, new: str) -> list[Change]:
    """Point one reference at ``new`` instead of ``old``."""
    return _reference_edit(
        store, kind, key, field, lambda cur: [new if x == old else x for x in cur] if isinstance(cur, list) else new
    )
