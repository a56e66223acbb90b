"""How the text a person types for an item field becomes the value the board holds.

One reader for every way of editing: ``readiness set`` (``FIELD=VALUE``), the app's edit form and
its one-field prompts. Each raises ``ValueError`` with a message that can be shown as it is.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from readiness_tui.core.model.board import ITEM_LIST_FIELDS, Item, normalize_priority, normalize_status
from readiness_tui.core.model.dates import normalize_target
from readiness_tui.core.model.problems import did_you_mean

if TYPE_CHECKING:
    from readiness_tui.core.board.store import BoardStore

#: Gate fields that hold a list of paths, and those that hold free text.
GATE_LIST_FIELDS = frozenset({"gate.evidence", "gate.watch"})
GATE_TEXT_FIELDS = frozenset({"gate.exit_criteria", "gate.verify"})
#: Item lists of sentences: one entry per line, since a criterion's commas belong to it.
LINE_LIST_FIELDS = frozenset({"acceptance"})
#: The longest estimate or timeout we take (a decade of days / a day of seconds): beyond is a typo.
MAX_DAYS = 3650.0
MAX_TIMEOUT_S = 86400.0


def split_list(text: str) -> list[str]:
    """``a, b`` or one per line -> ``["a", "b"]``."""
    return [p.strip() for p in text.replace("\n", ",").split(",") if p.strip()]


def split_lines(text: str) -> list[str]:
    """One entry per line (blank lines dropped): ``"a, b\nc"`` -> ``["a, b", "c"]``."""
    return [p.strip() for p in text.splitlines() if p.strip()]


def finite_number(text: str, field: str, *, low: float, high: float, low_open: bool = False, unit: str = "") -> float:
    """A finite number in range; ``nan``, ``inf`` and ``1e400`` are refused with a message."""
    try:
        value = float(text)
    except ValueError:
        raise ValueError(f"{field} must be a number{unit}, got {text!r}") from None
    if not math.isfinite(value):
        raise ValueError(f"{field} must be a finite number{unit}, got {text!r}")
    if value < low or (low_open and value == low):
        raise ValueError(f"{field} must be {'more than' if low_open else 'at least'} {low:g}, got {text!r}")
    if value > high:
        raise ValueError(f"{field} must be at most {high:g}, got {text!r}")
    return value


def whole_number(text: str, field: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise ValueError(f"{field} must be a whole number, got {text!r}") from None


def parse_field(field: str, raw: str, aliases: dict[str, str] | None = None) -> Any:
    """Read ``raw`` as the value ``field`` holds. Empty text clears the field (None).

    ``aliases`` are the board's own status words (``[board].status_aliases``), read like the
    built-in ones wherever a status is typed.
    """
    if field == "id":
        raise ValueError("ids are changed with rename, not set")
    if raw == "":
        return None
    if field in LINE_LIST_FIELDS:
        return split_lines(raw)
    if field in ITEM_LIST_FIELDS or field in GATE_LIST_FIELDS:
        return split_list(raw)
    if field == "status":
        return normalize_status(raw, aliases)
    if field == "priority":
        return normalize_priority(raw)
    if field == "target":
        return normalize_target(raw)
    if field == "estimate_days":
        return finite_number(raw.rstrip("dD"), field, low=0.0, high=MAX_DAYS, unit=" of days")
    if field == "gate.timeout_s":
        return finite_number(raw.rstrip("sS"), field, low=0.0, high=MAX_TIMEOUT_S, low_open=True, unit=" of seconds")
    if field == "score" or field.startswith("score_factors."):
        return whole_number(raw, field)
    if field in GATE_TEXT_FIELDS or field.startswith("custom."):
        return raw
    if field in Item.model_fields:
        return raw
    known = [*Item.model_fields, *GATE_TEXT_FIELDS, *GATE_LIST_FIELDS, "gate.timeout_s"]
    raise ValueError(f"unknown field {field!r}{did_you_mean(field, known)}")


def check_field(field: str, raw: str, aliases: dict[str, str] | None = None) -> str | None:
    """The message ``parse_field`` would raise for ``raw``, or None when it reads."""
    try:
        parse_field(field, raw.strip(), aliases)
    except ValueError as exc:
        return str(exc)
    return None


#: Item fields no edit may leave empty or blank, and why (lint's ``missing-title`` on a file).
REQUIRED_ITEM_FIELDS: dict[str, str] = {"title": "an item needs a title"}


def blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def required_refusal(store: BoardStore, item_id: str, values: Mapping[str, Any], *, new: bool) -> str | None:
    """Why ``values`` would leave item ``item_id`` without a required field (``new``: an item being
    added, which must give each), located as ``board.toml:42: T-002.title: ...``; None when fine.
    The one rule the app's form, ``set``, ``add`` and the agent tools meet through the editor."""
    for name, why in REQUIRED_ITEM_FIELDS.items():
        if (new or name in values) and blank(values.get(name)):
            k = None if new else store.item_position(item_id)
            line = store.line_index().record("items", k, name) if k is not None else None
            where = f"{store.name}:{line}" if line else store.name
            return f"{where}: {item_id}.{name}: {why}; an empty {name} is refused"
    return None
