"""Parse ``FIELD=VALUE`` edit expressions (``readiness set``) into typed values for the store."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from readiness_tui.core.edits.fields import GATE_LIST_FIELDS, parse_field
from readiness_tui.core.model.board import ITEM_LIST_FIELDS, Board, Item
from readiness_tui.core.model.problems import did_you_mean
from readiness_tui.core.model.statuses import status_reading


@dataclass(frozen=True)
class Assignment:
    field: str
    op: str  # "=", "+=", "-="
    value: Any
    #: How a word was read when it was not taken as written (``status 'wontfix' read as 'cancelled'``).
    note: str = ""


def parse_assignment(text: str, aliases: dict[str, str] | None = None) -> Assignment:
    """``status=done``, ``depends_on+=M-02``, ``owner=`` (clears), ``score_factors.urgency=4``.

    ``aliases``: the board's own status words, accepted as the app accepts them.
    """
    field, op, raw = split_assignment(text)
    value = coerce(field, raw.strip(), op, aliases)
    note = status_reading(raw, value) if field == "status" and isinstance(value, str) else ""
    return Assignment(field, op, value, note)


def split_assignment(text: str) -> tuple[str, str, str]:
    """``FIELD=VALUE`` -> (field, op, raw text); the op is ``=``, ``+=`` or ``-=``."""
    for op in ("+=", "-=", "="):
        field, sep, raw = text.partition(op)
        if sep and field and "=" not in field:
            return field.strip(), op, raw
    raise ValueError(f"expected FIELD=VALUE, FIELD+=VALUE or FIELD-=VALUE, got {text!r}")


def coerce(field: str, raw: str, op: str = "=", aliases: dict[str, str] | None = None) -> Any:
    """Read ``raw`` as the type ``field`` holds; empty text with ``=`` clears the field (None)."""
    if op != "=" and field not in ITEM_LIST_FIELDS and field not in GATE_LIST_FIELDS:
        raise ValueError(f"{field} is not a list; use {field}=VALUE")
    value = parse_field(field, raw, aliases)
    return [] if value is None and op != "=" else value


def check_references(known: Iterable[str], current: Item, values: dict[str, Any]) -> None:
    """Refuse a dependency on an item that does not exist, with the nearest id as a hint.

    An unknown id the item already had may stay (lint reports it): editing another dependency
    should not be held up by it.
    """
    ids = set(known)
    for key in ("depends_on", "soft_depends_on"):
        had = set(getattr(current, key))
        for ref in values.get(key) or []:
            if ref not in ids and ref not in had:
                hint = did_you_mean(ref, sorted(ids))
                raise ValueError(f"{key}: no item {ref!r} on this board{hint}")


def apply_assignments(current: Any, assignments: Iterable[Assignment]) -> dict[str, Any]:
    """Fold assignments into the field values to hand to the store: ``current`` is the item or
    record they apply to (``None`` for a new record, whose lists start empty)."""
    values: dict[str, Any] = {}
    for a in assignments:
        if a.op == "=":
            values[a.field] = a.value
            continue
        base = values.get(a.field)
        if base is None:
            obj: Any = current
            for part in a.field.split("."):
                obj = getattr(obj, part, None) if obj is not None else None
            base = list(obj or [])
        given = a.value or []
        if a.op == "+=":
            base = base + [v for v in given if v not in base]
        else:
            base = [v for v in base if v not in given]
        values[a.field] = base
    return values


def parse_assignments(words: Iterable[str], board: Board) -> list[Assignment]:
    """Every ``FIELD=VALUE`` word read with the board's own status words; ``ValueError`` names the
    first that cannot be read."""
    return [parse_assignment(w, board.board.status_aliases) for w in words]


def assigned_values(board: Board, current: Item, parsed: list[Assignment]) -> dict[str, Any]:
    """The field values ``parsed`` gives ``current``, with its references checked against the
    board: the one rule ``set``, ``add`` and the agent tools share. ``ValueError`` when refused."""
    values = apply_assignments(current, parsed)
    check_references((it.id for it in board.items), current, values)
    return values


def new_item_values(board: Board, new_id: str, title: str, parsed: list[Assignment]) -> dict[str, Any]:
    """The values of a new item (``add``): its id and title, what ``parsed`` assigns, no empty field."""
    blank = Item(id=new_id, title=title)
    values = {"id": new_id, "title": title, **assigned_values(board, blank, parsed)}
    return {k: v for k, v in values.items() if v not in (None, [], "")}
