"""What ``readiness set`` does, without the shell: read its words into one edit, and describe the
result as the versioned JSON of ``set --json``.

The JSON contract (``format_version`` 1; keys are added, never renamed or removed, without
raising it)::

    {"format_version": 1, "board": "boards/plan.toml", "action": "set" | "add" | "remove",
     "record": {"kind": "risks", "id": "R-001"}, "dry_run": false,
     "saved": "saved" | "unchanged" | "off",
     "changes": [{"kind": "risks", "id": "R-001", "ref": "R-001", "field": "mitigated_by",
                  "old": ["T-001"], "new": ["T-001", "T-002"]}],
     "history": [<each record appended to BOARD.history.jsonl, as written>]}

A change's ``id`` is the history's name for the record: a waiver's or a deliverable's position from
0 (as ``"2"``), an id for every other kind. ``ref`` (added in the same version) is the name the text
output and ``record`` use: the waiver's id, the deliverable's path, ``#N`` for one without either.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from readiness_tui.core import audit
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.edits.expressions import (
    Assignment,
    apply_assignments,
    assigned_values,
    parse_assignments,
    split_assignment,
)
from readiness_tui.core.edits.record_edits import (
    KIND_WORDS,
    RecordRef,
    change_ref,
    find_index,
    new_record_words,
    parse_ref,
    where_field,
)
from readiness_tui.core.edits.record_fields import KEY_FIELDS, field_spec, parse_record_field
from readiness_tui.core.model.problems import EditError
from readiness_tui.core.model.records import Change

SET_FORMAT_VERSION = 1
#: Exit codes of a refused ``set``: 1 the board refuses it, 2 the words cannot be read.
REFUSED, UNREADABLE = 1, 2


class SetError(Exception):
    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


@dataclass
class SetOp:
    ref: RecordRef
    action: str  # "set", "add", "remove"
    values: dict[str, Any] = field(default_factory=dict)
    #: How words were read other than as written (an alias), for the command to say.
    notes: list[str] = field(default_factory=list)


def plan_set(store: BoardStore, record: str, words: list[str], *, adding: bool, removing: bool) -> SetOp:
    """Read ``set``'s words into one edit; ``SetError`` says why not, with its exit code."""
    if adding:
        return _plan_add(store, record, words)
    try:
        ref = parse_ref(store.board, record, _field_names(words))
    except ValueError as exc:
        raise SetError(str(exc), REFUSED) from None
    if removing:
        if ref.kind == "items":
            raise SetError(f"{record} is an item: delete items in the app (X), records here", UNREADABLE)
        if words:
            raise SetError("--remove takes no FIELD=VALUE", UNREADABLE)
        _locate(store, ref)
        return SetOp(ref, "remove")
    if not words:
        raise SetError("nothing to set: give FIELD=VALUE (FIELD+=VALUE, FIELD-=VALUE for lists)", UNREADABLE)
    if ref.kind == "items":
        return SetOp(ref, "set", *_item_values(store, ref.key, words))
    index = _locate(store, ref)
    row = getattr(store.board, ref.kind)[index]
    return SetOp(ref, "set", _fold(row, _record_assignments(store, ref.kind, words, index)))


def _fold(current: Any, assignments: Iterable[tuple[str, str, Any]]) -> dict[str, Any]:
    """A record's ``(field, op, value)`` words folded by the same rule as an item's."""
    return apply_assignments(current, [Assignment(name, op, value) for name, op, value in assignments])


def _field_names(words: list[str]) -> list[str]:
    names = []
    for word in words:
        try:
            names.append(split_assignment(word)[0])
        except ValueError:
            continue  # reported when the words are read
    return names


def _locate(store: BoardStore, ref: RecordRef) -> int:
    try:
        return find_index(store, ref)
    except EditError as exc:
        raise SetError(str(exc), REFUSED) from None


def _item_values(store: BoardStore, item_id: str, words: list[str]) -> tuple[dict[str, Any], list[str]]:
    try:
        parsed = parse_assignments(words, store.board)
    except ValueError as exc:
        raise SetError(str(exc), UNREADABLE) from None
    try:
        values = assigned_values(store.board, store.item(item_id), parsed)
    except (EditError, ValueError) as exc:
        raise SetError(str(exc), REFUSED) from None
    return values, [f"{item_id}.{a.note}" for a in parsed if a.note]


def _record_assignments(
    store: BoardStore, kind: str, words: list[str], index: int | None = None
) -> list[tuple[str, str, Any]]:
    out = []
    for word in words:
        name = ""
        try:
            name, op, raw = split_assignment(word)
            spec = field_spec(kind, name)
            if op != "=" and not spec.is_list:
                raise ValueError(f"{name} is not a list; use {name}=VALUE")
            value = parse_record_field(kind, name, raw, store.board.board.today)
        except ValueError as exc:
            where = f"{where_field(store, kind, index, name)}: " if name else ""
            raise SetError(f"{where}{exc}", UNREADABLE) from None
        out.append((name, op, value if value is not None or op == "=" else []))
    return out


def _plan_add(store: BoardStore, record: str, words: list[str]) -> SetOp:
    word, _, key = record.partition(":")
    kind = KIND_WORDS.get(word.lower())
    if kind is None or kind == "items":
        hint = "add items with `readiness add`" if kind == "items" else "write risk:ID, phase:ID, milestone:ID, "
        hint += "" if kind == "items" else "waiver[:ID] or deliverable:PATH"
        raise SetError(f"--add needs the kind of record to add: {hint}", UNREADABLE)
    # What the words leave out starts as in the app's form (a waiver: +30d from today).
    words = new_record_words(kind, _field_names(words)) + words
    values = _fold(None, _record_assignments(store, kind, words))
    if key:
        values = {KEY_FIELDS[kind]: key.strip(), **values}
    return SetOp(RecordRef(kind, key.strip()), "add", values)


def set_result(
    store: BoardStore, op: SetOp, changes: list[Change], saved: str, dry_run: bool, head: str
) -> dict[str, Any]:
    """The ``set --json`` document (see the module docstring). ``head``: the history's head hash
    before the edit (the records after it are this edit's)."""
    return {
        "format_version": SET_FORMAT_VERSION,
        "board": str(store.path),
        "action": op.action,
        "record": {"kind": op.ref.kind, "id": op.ref.key},
        "dry_run": dry_run,
        "saved": saved,
        "changes": [
            {
                "kind": c.kind,
                "id": c.item,
                "ref": change_ref(store.board, c).key,
                "field": c.field,
                "old": _plain(c.old),
                "new": _plain(c.new),
            }
            for c in changes
        ],
        "history": [] if dry_run or store.path is None else _appended(store.path, head),
    }


def _appended(board: Path, head: str) -> list[dict[str, Any]]:
    records = [r.data for r in audit.read(board)]
    for n, data in enumerate(records):
        if data.get("prev") == head:
            return records[n:]
    return []


def _plain(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value
