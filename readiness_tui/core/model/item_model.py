"""An item (stream, task, ticket, tracker row, checklist entry, action) and its gate."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any

from pydantic import Field, field_validator, model_validator

from readiness_tui.core.model.check_model import Check
from readiness_tui.core.model.dates import normalize_target, target_due
from readiness_tui.core.model.record_base import Record, StrList, check_number, id_text
from readiness_tui.core.model.statuses import (
    CLOSED,
    PRIORITIES,
    STATUSES,
    Priority,
    Status,
    normalize_priority,
    normalize_status,
)

_STATUS_SET = frozenset(STATUSES)
_PRIORITY_SET = frozenset(PRIORITIES)
_target_cached = lru_cache(maxsize=4096)(normalize_target)


class Gate(Record):
    """What makes an item verifiably done: exit criteria, a verify command, evidence paths,
    declarative checks over the repo's files and reports, and the readiness level it counts for."""

    exit_criteria: str = ""
    verify: str = ""
    evidence: StrList = Field(default_factory=list)
    watch: StrList = Field(default_factory=list)
    timeout_s: float | None = None
    #: Declarative checks (``core.model.check_model``): they run no code, so they need no trust.
    checks: list[Check] = Field(default_factory=list)
    #: The board level (``[board] levels``) this gate counts for.
    level: str | None = None

    @field_validator("timeout_s")
    @classmethod
    def _timeout(cls, v: float | None) -> float | None:
        return check_number(v, "a gate timeout", minimum=0.0, allow_zero=False)

    @property
    def is_empty(self) -> bool:
        return not (self.exit_criteria or self.verify or self.evidence or self.checks)


class Item(Record):
    """A stream, task, ticket, tracker row, checklist entry or action: one model with a ``kind``."""

    id: str
    title: str = ""
    kind: str = "task"
    description: str = ""
    status: Status = "todo"
    priority: Priority | None = None
    #: The score a plan recorded; when ``score_factors`` are given the total is their sum.
    score: int | None = None
    score_factors: dict[str, int] = Field(default_factory=dict)
    owner: str = ""
    role: str = ""
    contributors: list[str] = Field(default_factory=list)
    workstream: str = ""
    estimate_days: float | None = None
    target: str | None = None
    depends_on: list[str] = Field(default_factory=list)
    #: Ordering preferences that do not block ("Stream 2 recommended before production rollout").
    soft_depends_on: list[str] = Field(default_factory=list)
    dependency_note: str = ""
    parent: str | None = None
    phase: str | None = None
    milestone: str | None = None
    tags: list[str] = Field(default_factory=list)
    links: list[str] = Field(default_factory=list)
    inputs: list[str] = Field(default_factory=list)
    outputs: list[str] = Field(default_factory=list)
    deliverables: list[str] = Field(default_factory=list)
    acceptance: list[str] = Field(default_factory=list)
    source_refs: list[str] = Field(default_factory=list)
    notes: str = ""
    gate: Gate | None = None
    #: Fields a plan had that have no home of their own (importer keeps unmapped columns here).
    custom: dict[str, Any] = Field(default_factory=dict)
    #: What the Markdown importer last read for each field (value or short hash), so that a
    #: re-import updates only the fields nobody edited in the board since.
    imported: dict[str, Any] = Field(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _normalize(cls, data: Any) -> Any:
        # One Python call per item folds every hand-written variant (one pass is much cheaper than
        # a validator per field). Only the keys the item has are looked at, and the item's table
        # is copied only when something is folded (most items are written canonically).
        if not isinstance(data, dict):
            return data
        folded: dict[str, Any] = {}
        v = data.get("id")
        if type(v) is not str:
            v = id_text(v)
        if isinstance(v, str):
            stripped = v.strip()
            if not stripped:
                raise ValueError("an item id may not be empty")
            if stripped != data["id"] or type(data["id"]) is not str:
                folded["id"] = stripped
        # Fold what we recognise; leave the rest for the field's own type to reject, so the error
        # names the field (an error raised here would only name the item).
        # Only strings are folded: a list or table is left for the field's type to reject with its
        # location (``in`` on a frozenset would raise TypeError for an unhashable value).
        # ``try`` rather than ``contextlib.suppress``: no call of its own for each item.
        v = data.get("status")
        if isinstance(v, str) and v not in _STATUS_SET:
            try:
                folded["status"] = normalize_status(v)
            except ValueError:
                pass
        v = data.get("priority")
        if isinstance(v, (str, int)) and not isinstance(v, bool) and v not in _PRIORITY_SET:
            if v == "":
                folded["priority"] = None
            else:
                try:
                    folded["priority"] = normalize_priority(v)
                except ValueError:
                    pass
        v = data.get("target")
        if v is not None:
            if v == "":
                folded["target"] = None
            else:
                try:
                    target = _target_cached(v) if isinstance(v, str) else normalize_target(v)
                except (ValueError, TypeError):
                    pass
                else:
                    if target != v:
                        folded["target"] = target
        for key in _LIST_OR_ID_KEYS.intersection(data):
            v = data[key]
            if key in _ID_KEYS:
                if v == "":
                    folded[key] = None
                elif type(v) is not str:
                    folded[key] = id_text(v)
            elif isinstance(v, str):
                folded[key] = [v] if v.strip() else []
        return {**data, **folded} if folded else data

    @field_validator("estimate_days")
    @classmethod
    def _estimate(cls, v: float | None) -> float | None:
        return check_number(v, "an estimate", minimum=0.0, allow_zero=True)

    @field_validator("target")
    @classmethod
    def _target(cls, v: str | None) -> str | None:
        # Already canonical when the normaliser understood it; this reports what it did not.
        return None if v is None else _target_cached(v)

    @property
    def is_closed(self) -> bool:
        return self.status in CLOSED

    @property
    def due(self) -> dt.date | None:
        # Not cached on the record: ``target_due`` keeps each distinct target's date (a board has
        # a few dozen for thousands of items), and a cached value would be one more key per record.
        return target_due(self.target)

    @property
    def total_score(self) -> int | None:
        if self.score_factors:
            return sum(self.score_factors.values())
        return self.score


#: The item fields that hold a list of strings (taken from the model, so a new list field is one
#: of them): they take ``+=``/``-=`` edits and a single string where a list is expected.
ITEM_LIST_FIELDS: tuple[str, ...] = tuple(
    name for name, info in Item.model_fields.items() if info.annotation == list[str]
)
#: The ids of other records an item names: written as a number, read as its text; empty, as none.
_ID_KEYS = frozenset({"parent", "phase", "milestone"})
_LIST_OR_ID_KEYS = frozenset(ITEM_LIST_FIELDS) | _ID_KEYS
