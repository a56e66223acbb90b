"""Parse ``FIELD=VALUE`` edit expressions (``readiness set``) into typed values for the store."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .model import ITEM_LIST_FIELDS, Item, normalize_priority, normalize_status
from .dates import normalize_target

#: Item fields a user may set from the command line, and how their text is read.
_FLOAT_FIELDS = {"estimate_days"}
_INT_FIELDS = {"score"}
_GATE_LIST = {"gate.evidence", "gate.watch"}
_GATE_TEXT = {"gate.exit_criteria", "gate.verify"}


@dataclass(frozen=True)
class Assignment:
    field: str
    op: str  # "=", "+=", "-="
    value: Any


def parse_assignment(text: str) -> Assignment:
    """``status=done``, ``depends_on+=M-02``, ``owner=`` (clears), ``score_factors.urgency=4``."""
    for op in ("+=", "-=", "="):
        field, sep, raw = text.partition(op)
        if sep and field and "=" not in field:
            field = field.strip()
            return Assignment(field, op, coerce(field, raw.strip(), op))
    raise ValueError(f"expected FIELD=VALUE, FIELD+=VALUE or FIELD-=VALUE, got {text!r}")


def coerce(field: str, raw: str, op: str = "=") -> Any:
    """Read ``raw`` as the type ``field`` holds; empty text with ``=`` clears the field (None)."""
    if field == "id":
        raise ValueError("ids are changed with rename, not set")
    if raw == "" and op == "=":
        return None
    if field in ITEM_LIST_FIELDS or field in _GATE_LIST:
        values = [v.strip() for v in raw.split(",") if v.strip()]
        return values
    if op != "=":
        raise ValueError(f"{field} is not a list; use {field}=VALUE")
    if field == "status":
        return normalize_status(raw)
    if field == "priority":
        return normalize_priority(raw)
    if field == "target":
        return normalize_target(raw)
    if field in _FLOAT_FIELDS:
        try:
            value = float(raw.rstrip("dD"))
        except ValueError:
            raise ValueError(f"{field} must be a number of days, got {raw!r}") from None
        if value < 0:
            raise ValueError(f"{field} cannot be negative")
        return value
    if field in _INT_FIELDS or field.startswith("score_factors."):
        try:
            return int(raw)
        except ValueError:
            raise ValueError(f"{field} must be a whole number, got {raw!r}") from None
    if field == "gate.timeout_s":
        return float(raw)
    if field in _GATE_TEXT or field.startswith("custom."):
        return raw
    if field in Item.model_fields:
        return raw
    raise ValueError(f"unknown field {field!r}")


def apply_assignments(current: Item, assignments: list[Assignment]) -> dict[str, Any]:
    """Fold assignments into the field values to hand to ``BoardStore.set_fields``."""
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
        if a.op == "+=":
            base = base + [v for v in a.value if v not in base]
        else:
            base = [v for v in base if v not in a.value]
        values[a.field] = base
    return values
