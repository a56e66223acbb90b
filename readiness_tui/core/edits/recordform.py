"""The record forms' fields (risk, phase, milestone, waiver, deliverable): what a form shows for a
record and how its text is read back and checked, with the same readers and rules as
``readiness set`` (``record_fields``, ``record_edits.check_values``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.edits.record_edits import RecordRef, check_values, find_index
from readiness_tui.core.edits.record_fields import (
    NEW_RECORD_DEFAULTS,
    RECORD_FIELDS,
    FieldSpec,
    Shape,
    parse_record_field,
    show_value,
)
from readiness_tui.core.model.problems import FieldError

#: Shapes a form edits in a multi-line text area.
AREA_SHAPES = frozenset({Shape.LONG, Shape.LINES})


def form_fields(kind: str, existing: bool) -> tuple[FieldSpec, ...]:
    """The fields the form shows: an existing record's id is not edited (items and reports name it)."""
    return tuple(s for s in RECORD_FIELDS[kind] if not (existing and s.name == "id" and kind != "waivers"))


def record_values(store: BoardStore, kind: str, ref: RecordRef | None) -> dict[str, str]:
    """The strings the form starts with (``ref`` None: a new record, with ``NEW_RECORD_DEFAULTS``,
    the defaults ``readiness set --add`` uses too)."""
    if ref is None:
        return {s.name: NEW_RECORD_DEFAULTS.get(kind, {}).get(s.name, "") for s in form_fields(kind, False)}
    row = getattr(store.board, kind)[find_index(store, ref)]
    return {s.name: show_value(s, getattr(row, s.name, None)) for s in form_fields(kind, True)}


def validate_record(
    store: BoardStore, kind: str, ref: RecordRef | None, raw: dict[str, str], now: dt.date | None = None
) -> tuple[dict[str, Any], dict[str, str]]:
    """(values to write, errors by field). For an existing record only the fields that changed are
    returned (None removes a key); for a new one every field given."""
    now = now or store.board.board.today
    index = find_index(store, ref) if ref is not None else None
    row = getattr(store.board, kind)[index] if index is not None else None
    errors: dict[str, str] = {}
    values: dict[str, Any] = {}
    for spec in form_fields(kind, ref is not None):
        text = raw.get(spec.name, "")
        try:
            value = parse_record_field(kind, spec.name, text, now)
        except ValueError as exc:
            errors[spec.name] = str(exc)
            continue
        if row is not None:
            old = getattr(row, spec.name, None)
            if (old if old not in ("", []) else None) == value:
                continue
        if value is not None or row is not None:
            values[spec.name] = value
    for name, value in values.items():
        if name in errors:
            continue
        try:
            check_values(store, kind, index, {name: value}, now)
        except FieldError as exc:
            errors[exc.field] = exc.reason
    if ref is None:
        for spec in RECORD_FIELDS[kind]:
            if spec.required and values.get(spec.name) is None and spec.name not in errors:
                errors[spec.name] = f"{spec.name} is required"
    return ({} if errors else values), errors
