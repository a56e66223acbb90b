"""Re-import a revised document into an existing board, keeping what was edited in the board since.

How a field is decided (per item, per field the document gives or gave):

* the board already holds what the document now says: nothing to do;
* the board still holds what the previous import wrote (its ``[items.imported]`` fingerprint
  matches): the field comes from the document, so it is updated (or removed, if the document no
  longer gives it);
* the board holds something else: it was edited since (a status or owner set in the app), so it
  is kept, and the report says what the document would have set.

Without an ``imported`` record (a board written by hand), a field whose board value is the model's
default counts as unedited. The ``imported`` fingerprints are refreshed to the new document on every
merge. New items are added (after the item that precedes them in the document), items gone from the
document are reported and kept, never deleted. Risks gain new mappings; new phases, milestones,
waivers, deliverables, progress notes and sections are added; differing ones are reported and kept.
All edits go through ``BoardStore`` so the board's comments and layout survive.
"""

from __future__ import annotations

from typing import Any

from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.importers.assembly.result import (
    IMPORTED_KEY,
    ImportResult,
    decode_fingerprints,
    encode_fingerprints,
    field_path,
    fingerprint,
    jsonable,
    same,
)
from readiness_tui.core.model.board import Item
from readiness_tui.core.model.problems import EditError

_ITEM_DEFAULTS = Item(id="x").model_dump(mode="json")


def value_at(dump: dict[str, Any], flat_key: str) -> Any:
    path = field_path(flat_key).split(".")
    cur: Any = dump
    for key in path:
        if not isinstance(cur, dict):
            return None
        cur = cur.get(key)
    return cur


def is_default(flat_key: str, value: Any) -> bool:
    if value in (None, "", [], {}):
        return True
    return "." not in field_path(flat_key) and _ITEM_DEFAULTS.get(flat_key) == value


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def merge_into(store: BoardStore, result: ImportResult) -> list[str]:
    """Apply a fresh import of a document to the board it was imported into; the changes, described."""
    if result.board is None:
        raise EditError(f"{result.source}: the import produced no valid board to merge")
    out: list[str] = []
    doc_items = result.board.items
    doc_ids = [it.id for it in doc_items]
    pending_deps: list[tuple[str, list[str]]] = []
    for n, new in enumerate(doc_items):
        new_dump = new.model_dump(mode="json")
        fps = result.imported.get(new.id, {})
        if store.has_item(new.id):
            out += _merge_item(store, new.id, new_dump, fps, pending_deps)
            continue
        values = {k: v for k, v in new.model_dump(mode="json", exclude_defaults=True).items()}
        values["id"] = new.id
        values.setdefault("status", new.status)
        deps = values.pop("depends_on", [])
        values[IMPORTED_KEY] = encode_fingerprints(fps)
        after = next((doc_ids[k] for k in range(n - 1, -1, -1) if store.has_item(doc_ids[k])), None)
        try:
            store.add_item(values, after=after)
        except EditError as exc:
            out.append(f"{new.id}: new in the document but could not be added: {exc}")
            continue
        out.append(f"{new.id}: added ({new.title or new.kind})")
        if deps:
            pending_deps.append((new.id, deps))
    for item_id, deps in pending_deps:
        try:
            store.set_fields(item_id, {"depends_on": deps})
        except EditError as exc:
            out.append(f"{item_id}: dependencies {deps} not set: {exc}")
    doc_set = set(doc_ids)
    for it in store.board.items:
        if it.id not in doc_set and it.imported:
            out.append(f"{it.id}: no longer in the document; kept in the board (remove it there if it is gone)")
    out += _merge_records(store, result)
    return out


def _merge_item(
    store: BoardStore,
    item_id: str,
    new_dump: dict[str, Any],
    fps: dict[str, Any],
    pending_deps: list[tuple[str, list[str]]],
) -> list[str]:
    cur = store.item(item_id)
    cur_dump = cur.model_dump(mode="json")
    prev = decode_fingerprints(cur.imported)
    out: list[str] = []
    updates: dict[str, Any] = {}
    for key in list(fps) + [k for k in prev if k not in fps]:
        new_v = value_at(new_dump, key)
        cur_v = value_at(cur_dump, key)
        if fingerprint(jsonable(cur_v)) == fingerprint(jsonable(new_v)) or (
            is_default(key, new_v) and is_default(key, cur_v)
        ):
            continue
        if key in prev:
            edited = not same(prev[key], cur_v)
        else:
            edited = not is_default(key, cur_v)
        path = field_path(key)
        if edited:
            if key in prev and key in fps and same(prev[key], new_v):
                continue  # edited in the board, unchanged in the document: nothing to say
            out.append(
                f"{item_id}.{path}: kept the board's {_short(cur_v)} (edited since the import); "
                f"the document says {_short(new_v)}"
            )
            continue
        updates[path] = new_v
        out.append(f"{item_id}.{path}: {_short(cur_v)} -> {_short(new_v)}")
    bookkeeping: dict[str, Any] = (
        {IMPORTED_KEY: encode_fingerprints(fps)} if cur.imported != encode_fingerprints(fps) else {}
    )
    deps = updates.pop("depends_on", None)
    if updates or bookkeeping:
        try:
            store.set_fields(item_id, {**updates, **bookkeeping})
        except EditError as exc:
            out.append(f"{item_id}: update refused: {exc}")
    if deps is not None:
        pending_deps.append((item_id, deps))
    return out


def _merge_records(store: BoardStore, result: ImportResult) -> list[str]:
    assert result.board is not None
    out: list[str] = []
    board = store.board
    doc = result.board
    # Risks: new risks added, new mappings added, dropped mappings reported.
    have = {r.id: (n, r) for n, r in enumerate(board.risks)}
    for risk in doc.risks:
        if risk.id not in have:
            store.add_record("risks", risk.model_dump(mode="json", exclude_defaults=True))
            out.append(f"risk {risk.id}: added (mitigated by {', '.join(risk.mitigated_by) or 'nothing'})")
            continue
        n, old = have[risk.id]
        added = [t for t in risk.mitigated_by if t not in old.mitigated_by]
        gone = [t for t in old.mitigated_by if t not in risk.mitigated_by]
        if added:
            store.set_record_fields("risks", n, {"mitigated_by": [*old.mitigated_by, *added]})
            out.append(f"risk {risk.id}: now also mitigated by {', '.join(added)}")
        if gone:
            out.append(f"risk {risk.id}: the document no longer maps it to {', '.join(gone)}; kept in the board")
    for kind, key in (("phases", "id"), ("milestones", "id"), ("deliverables", "path"), ("sections", "title")):
        existing = {getattr(r, key): r for r in getattr(board, kind)}
        for rec in getattr(doc, kind):
            k = getattr(rec, key)
            if k not in existing:
                store.add_record(kind, rec.model_dump(mode="json", exclude_defaults=True))
                out.append(f"{kind[:-1]} {k}: added")
            elif existing[k].model_dump(mode="json") != rec.model_dump(mode="json") and kind != "sections":
                old = existing[k]
                new_items = [i for i in getattr(rec, "items", []) if i not in getattr(old, "items", [])]
                if new_items:
                    index = getattr(board, kind).index(old)
                    store.set_record_fields(kind, index, {"items": [*old.items, *new_items]})
                    out.append(f"{kind[:-1]} {k}: now also lists {', '.join(new_items)}")
                rest_old = old.model_dump(mode="json", exclude={"items"})
                rest_new = rec.model_dump(mode="json", exclude={"items"})
                if rest_old != rest_new:
                    out.append(f"{kind[:-1]} {k}: differs from the document; the board's version is kept")
    waivers = {(w.item, w.expires) for w in board.waivers}
    for w in doc.waivers:
        if (w.item, w.expires) not in waivers:
            store.add_record("waivers", w.model_dump(exclude_defaults=True))
            out.append(f"waiver for {w.item}: added" + (f" (expires {w.expires})" if w.expires else ""))
    notes = {(p.date, p.text) for p in board.progress}
    for p in doc.progress:
        if (p.date, p.text) not in notes:
            store.add_record("progress", p.model_dump(exclude_defaults=True) | {"text": p.text})
            out.append(f"progress note added: {p.text[:60]}")
    if doc.matrix and (board.matrix is None or board.matrix.model_dump() != doc.matrix.model_dump()):
        store.set_matrix(doc.matrix.order, doc.matrix.rows)
        out.append(f"matrix: {'replaced' if board.matrix else 'added'} ({len(doc.matrix.order)} ids)")
    meta_new = doc.board.model_dump(mode="json", exclude_defaults=True)
    meta_old = board.board.model_dump(mode="json", exclude_defaults=True)
    fill = {k: v for k, v in doc.board.model_dump(exclude_defaults=True).items() if k not in meta_old}
    if fill:
        store.set_board_fields(fill)
        out.append(f"board: set {', '.join(sorted(fill))}")
    for k, v in meta_new.items():
        if k in meta_old and meta_old[k] != v:
            out.append(f"board.{k}: differs from the document; the board's value is kept")
    return out
