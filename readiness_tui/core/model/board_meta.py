"""The ``[board]`` table: title, dates, scope, scoring model, status aliases, lint rules and the
go/no-go rule."""

from __future__ import annotations

import datetime as dt

from pydantic import Field, field_validator

from readiness_tui.core.model.record_base import Record, StrList, id_text, str_list
from readiness_tui.core.model.statuses import normalize_priority, normalize_status


class ScoreFactor(Record):
    key: str
    name: str = ""
    description: str = ""


class Scoring(Record):
    """A priority score built from factors rated on a scale (seed 000: four factors, 1-5, max 20)."""

    formula: str = ""
    factors: list[ScoreFactor] = Field(default_factory=list)
    min: int = 1
    max: int = 5

    @property
    def max_total(self) -> int:
        return self.max * len(self.factors)


class GoNoGo(Record):
    """When the board recommends go (``[board.go_no_go]``; see ``core.gonogo`` for the rule).

    Scope: the items of ``milestone`` or ``phase`` when one is named, else the items of
    ``priorities``; without ``priorities`` P0 when the board uses priorities, else every item.
    """

    priorities: list[str] | None = None
    milestone: str | None = None
    phase: str | None = None
    #: Every item, whatever its priority (the settings' ``[go_no_go] scope = "all"``).
    every_item: bool = False
    require_done: bool = True
    require_gates: bool = True
    #: No-go while a high or critical risk has no mitigating item, or only open ones.
    require_risks: bool = True
    #: No-go while a milestone (in scope) is past its due date with open items.
    require_milestones: bool = True
    risk_severities: list[str] = Field(default_factory=lambda: ["high", "critical"])
    #: No-go until the board reaches this level (one of ``[board] levels``).
    require_level: str | None = None

    @field_validator("priorities", mode="before")
    @classmethod
    def _prio(cls, v: object) -> object:
        if v is None:
            return None
        values = str_list(v)
        if not isinstance(values, list):
            raise ValueError(f"expected a list of priorities, got {v!r}")
        return [normalize_priority(p) for p in values]

    @field_validator("milestone", "phase", mode="before")
    @classmethod
    def _id(cls, v: object) -> object:
        return id_text(v)


class Rules(Record):
    """Board-specific lint rules, e.g. seed 001's "every task must have a source reference"."""

    require_fields: list[str] = Field(default_factory=list)
    require_fields_kinds: list[str] = Field(default_factory=list)


class BoardMeta(Record):
    title: str = "Untitled board"
    date: dt.date | None = None
    scope_start: dt.date | None = None
    scope_end: dt.date | None = None
    objective: str = ""
    source: str = ""
    tracking_model: str = ""
    #: What "production-ready" means for this plan, area -> definition (seed 003).
    production_definition: dict[str, str] = Field(default_factory=dict)
    scoring: Scoring | None = None
    status_aliases: dict[str, str] = Field(default_factory=dict)
    today: dt.date | None = None
    repo_root: str | None = None
    not_in_scope: StrList = Field(default_factory=list)
    assumptions: StrList = Field(default_factory=list)
    constraints: StrList = Field(default_factory=list)
    suggested_order: StrList = Field(default_factory=list)
    rules: Rules = Field(default_factory=Rules)
    go_no_go: GoNoGo = Field(default_factory=GoNoGo)
    #: Readiness levels, lowest first (``["bronze", "silver", "gold"]``); gates name theirs.
    levels: StrList = Field(default_factory=list)

    @field_validator("levels")
    @classmethod
    def _levels(cls, v: list[str]) -> list[str]:
        names = [x.strip() for x in v]
        if any(not x for x in names):
            raise ValueError("a level name may not be empty")
        dup = next((x for x in names if names.count(x) > 1), None)
        if dup is not None:
            raise ValueError(f"level {dup!r} is named twice")
        return names

    @field_validator("status_aliases", mode="before")
    @classmethod
    def _aliases(cls, v: object) -> object:
        if isinstance(v, dict):
            return {str(k): normalize_status(s) for k, s in v.items()}
        return v
