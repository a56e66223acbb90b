"""Edits of a board's other records (risks, phases, milestones, waivers, deliverables) by name.

A record is addressed by a ``RecordRef`` (kind and key: an id, a deliverable's path, a waiver's id
or the item it waives, or ``#N`` for the N-th record of its kind) and found again each time an
edit is applied, so an edit re-applies by name on a board someone else changed meanwhile (see
``writepath``). Every edit here runs inside ``EditController.apply``: it is validated (fields,
item references with a did-you-mean, waiver expiry), and a refused one leaves the store as it was.
Messages name the file, the line and the field.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.edits.editor import EditController, EditResult
from readiness_tui.core.edits.record_fields import (
    KEY_FIELDS,
    KIND_NAMES,
    NEW_RECORD_DEFAULTS,
    RECORD_FIELDS,
    Shape,
    field_spec,
)
from readiness_tui.core.model.board import Board, Item
from readiness_tui.core.model.dates import today
from readiness_tui.core.model.problems import EditError, FieldError, did_you_mean
from readiness_tui.core.model.records import RECORD_KEYS, Change

#: Words accepted before the colon of an address (``risk:R-001``, ``ms:M1``).
KIND_WORDS = {name: kind for kind, name in KIND_NAMES.items()}
KIND_WORDS |= {kind: kind for kind in KIND_NAMES} | {"ms": "milestones"}
#: Kinds a bare id is looked up in, in this order.
BY_ID = ("items", "risks", "phases", "milestones", "waivers")


@dataclass(frozen=True)
class RecordRef:
    kind: str
    key: str

    def __str__(self) -> str:
        return f"{KIND_NAMES[self.kind]}:{self.key}" if self.key else KIND_NAMES[self.kind]


def parse_ref(board: Board, text: str, fields: Iterable[str] = ()) -> RecordRef:
    """``R-001``, ``risk:R-001``, ``A`` (a phase), ``waiver:W-1``, ``waiver:T-003``, ``deliverable:#2``.

    A bare id is looked up among items, risks, phases, milestones and waiver ids; one that two
    kinds share is the one whose records have every field in ``fields`` (``A exit+=...`` is the
    phase when an item is A too), else it must be written with its kind. Raises ``ValueError``
    naming the nearest id."""
    word, sep, key = text.partition(":")
    if sep and word.lower() in KIND_WORDS:
        return RecordRef(KIND_WORDS[word.lower()], key.strip())
    found = [kind for kind in BY_ID if any(_key(kind, r) == text for r in getattr(board, kind))]
    fields = list(fields)
    if len(found) > 1 and fields:
        fitting = [kind for kind in found if all(_has_field(kind, f) for f in fields)]
        found = fitting if len(fitting) == 1 else found
    if len(found) == 1:
        return RecordRef(found[0], text)
    if found:
        options = " or ".join(f"{KIND_NAMES[k]}:{text}" for k in found)
        raise ValueError(f"{text!r} names more than one record; write {options}")
    known = [str(_key(kind, r)) for kind in BY_ID for r in getattr(board, kind) if _key(kind, r)]
    hint = did_you_mean(text, known)
    raise ValueError(f"no item {text!r} (nor a risk, phase, milestone or waiver of that id) on this board{hint}")


def _has_field(kind: str, name: str) -> bool:
    if kind == "items":
        return name.split(".", 1)[0] in Item.model_fields
    return any(s.name == name for s in RECORD_FIELDS[kind])


def _key(kind: str, row: Any) -> Any:
    return getattr(row, "id" if kind == "items" else KEY_FIELDS[kind])


def find_index(store: BoardStore, ref: RecordRef) -> int:
    """The position of the record ``ref`` names now; ``EditError`` when there is none, or several."""
    rows = getattr(store.board, ref.kind)
    name = KIND_NAMES[ref.kind]
    if ref.key.startswith("#") and ref.key[1:].isdigit():
        n = int(ref.key[1:])
        if 1 <= n <= len(rows):
            return n - 1
        raise EditError(f"{store.name}: there is no {name} {ref.key} ({len(rows)} on the board)", store.path)
    hits = [k for k, r in enumerate(rows) if getattr(r, KEY_FIELDS[ref.kind]) == ref.key]
    if not hits and ref.kind == "waivers":  # a waiver without an id is named by the item it waives
        hits = [k for k, r in enumerate(rows) if r.item == ref.key]
    if len(hits) == 1:
        return hits[0]
    if hits:
        where = ", ".join(f"#{k + 1}" for k in hits)
        raise EditError(f"{store.name}: {len(hits)} {ref.kind} match {ref.key!r}; name one: {where}", store.path)
    known = [str(getattr(r, KEY_FIELDS[ref.kind])) for r in rows]
    hint = did_you_mean(ref.key, known)
    raise EditError(f"{store.name}: no {name} {ref.key!r}{hint}", store.path)


def ref_at(board: Board, kind: str, index: int) -> RecordRef:
    """How the record at ``index`` is named: by its key (id, a deliverable's path), else by its
    place among its kind, ``#N`` from 1 (a waiver without an id): the name ``find_index`` and
    ``readiness set`` take back, whatever else shares the item it waives."""
    key = getattr(getattr(board, kind)[index], KEY_FIELDS[kind])
    return RecordRef(kind, str(key) if key else f"#{index + 1}")


def record_refs(board: Board, kind: str, where: Callable[[Any], bool] = lambda row: True) -> list[RecordRef]:
    """The records of ``kind`` that ``where`` keeps, each named as ``ref_at`` names it."""
    return [ref_at(board, kind, n) for n, row in enumerate(getattr(board, kind)) if where(row)]


def change_ref(board: Board, change: Change) -> RecordRef:
    """The name of the record a store ``Change`` is about, as ``ref_at`` gives it. Changes (and
    the history) name waivers and deliverables by position from 0; ``board`` is the board after
    the change (a removed record is named from its old fields)."""
    kind = change.kind
    if kind not in KEY_FIELDS or kind in RECORD_KEYS or not change.item.isdigit():
        return RecordRef(kind, change.item)
    index = int(change.item)
    rows = getattr(board, kind)
    if change.field == "*" and change.new is None:  # removed: its fields are the change's old value
        old = change.old if isinstance(change.old, dict) else {}
        return RecordRef(kind, str(old.get(KEY_FIELDS[kind]) or f"#{index + 1}"))
    return ref_at(board, kind, index) if index < len(rows) else RecordRef(kind, f"#{index + 1}")


def record_label(ref: RecordRef) -> str:
    """How edit labels name a record: ``risk R-001``, ``waiver #2``."""
    return f"{KIND_NAMES[ref.kind]} {ref.key}"


# ---------------------------------------------------------------------- validation
def where_field(store: BoardStore, kind: str, index: int | None, field: str) -> str:
    """``board.toml:42: risks R-001.mitigated_by``: the place a message is about."""
    line = store.line_index().record(kind, index, field) if index is not None else None
    rows = getattr(store.board, kind)
    key = ref_at(store.board, kind, index).key if index is not None and index < len(rows) else "(new)"
    return f"{store.name}{f':{line}' if line else ''}: {KIND_NAMES[kind]} {key}.{field}"


def check_values(
    store: BoardStore, kind: str, index: int | None, values: Mapping[str, Any], now: dt.date | None = None
) -> None:
    """Refuse what the board cannot hold: an unknown field, an empty required one, an item id the
    board lacks (one the record already named may stay: lint reports it), a duplicate key, a
    waiver that would waive nothing. Raises ``FieldError``: where, which field, and why."""
    current = getattr(store.board, kind)[index] if index is not None else None
    now = now or store.board.board.today
    for name, value in values.items():
        reason = _refusal(store, kind, current, name, value, now)
        if reason:
            raise FieldError(where_field(store, kind, index, name), name, reason, store.path)


def _refusal(store: BoardStore, kind: str, current: Any, name: str, value: Any, now: dt.date | None) -> str:
    """Why ``value`` cannot be field ``name`` of ``current`` (None: a new record); "" when it can."""
    try:
        spec = field_spec(kind, name)
    except ValueError as exc:
        return str(exc)
    if spec.required and value in (None, "", []):
        return "is required"
    had = getattr(current, name, None) if current is not None else None
    had_ids = had if isinstance(had, list) else [had]
    refs = value if spec.shape is Shape.REFS else [value] if spec.shape is Shape.REF and value else []
    for ref in refs or []:
        if not store.has_item(ref) and ref not in had_ids:
            ids = sorted(it.id for it in store.board.items)  # only for the hint: an id index is cheap
            return f"no item {ref!r} on this board{did_you_mean(str(ref), ids)}"
    if current is not None and name == "id" and value != had and kind != "waivers":
        return "an id stays as it is (items and reports name it); add a new record and remove this one"
    if name == KEY_FIELDS[kind] and value and value != had:
        if any(getattr(r, name) == value for r in getattr(store.board, kind)):
            return f"{value!r} is taken already"
    if kind == "waivers" and name == "expires" and value is not None and value <= today(now):
        return f"{value} is not after today ({today(now)}): the waiver would waive nothing (remove it to revoke it)"
    return ""


# ---------------------------------------------------------------------- store edits
def set_record(
    store: BoardStore, ref: RecordRef, values: Mapping[str, Any], now: dt.date | None = None
) -> list[Change]:
    index = find_index(store, ref)
    values = {k: (None if v == [] else v) for k, v in values.items()}
    check_values(store, ref.kind, index, values, now)
    return store.set_record_fields(ref.kind, index, values)


def add_record(store: BoardStore, kind: str, values: Mapping[str, Any], now: dt.date | None = None) -> Change:
    order = [s.name for s in RECORD_FIELDS[kind]]
    values = {k: values[k] for k in sorted(values, key=lambda k: order.index(k) if k in order else len(order))}
    values = {k: v for k, v in values.items() if v not in (None, "", [])}
    for spec in RECORD_FIELDS[kind]:
        if spec.required and spec.name not in values:
            raise EditError(f"{store.name}: a new {KIND_NAMES[kind]} needs {spec.name}", store.path)
    check_values(store, kind, None, values, now)
    return store.add_record(kind, values)


def remove_record(store: BoardStore, ref: RecordRef) -> Change:
    return store.remove_record(ref.kind, find_index(store, ref))


# ---------------------------------------------------------------------- through the edit controller
def edit_record(editor: EditController, ref: RecordRef, values: Mapping[str, Any]) -> EditResult:
    label = f"{record_label(ref)}: " + ", ".join(values)
    return editor.apply(label, lambda s: set_record(s, ref, dict(values)))


def new_record_words(kind: str, given: Iterable[str]) -> list[str]:
    """``FIELD=TEXT`` words for the defaults (``NEW_RECORD_DEFAULTS``) of the fields ``given``
    leaves out: what ``readiness set --add`` adds before its own words, as the app's form starts."""
    names = set(given)
    return [f"{name}={text}" for name, text in NEW_RECORD_DEFAULTS.get(kind, {}).items() if name not in names]


def record_key(kind: str, values: Mapping[str, Any]) -> str:
    """The key a new record will be found by (its id, path, or the item a waiver waives)."""
    return str(values.get(KEY_FIELDS[kind]) or values.get("item") or "")


def new_record(editor: EditController, kind: str, values: Mapping[str, Any]) -> EditResult:
    key = record_key(kind, values)
    return editor.apply(f"add {KIND_NAMES[kind]} {key}".rstrip(), lambda s: add_record(s, kind, dict(values)))


def delete_record(editor: EditController, ref: RecordRef) -> EditResult:
    verb = "revoke" if ref.kind == "waivers" else "delete"
    return editor.apply(f"{verb} {record_label(ref)}", lambda s: remove_record(s, ref))
