"""The board model: every concept of a readiness plan, as pydantic v2 models.

A board file is TOML with one ``[board]`` table and arrays of tables for items, risks, phases,
milestones, waivers, deliverables, progress notes and free-text sections, plus an optional recorded
dependency ``[matrix]``. Unknown keys are allowed everywhere (``extra="allow"``) so that a board
written by a newer version, or hand-annotated, loads and survives a save untouched; ``lint`` warns
about them because they are usually typos.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
from functools import cached_property, lru_cache
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator

from .dates import normalize_target, target_due, today

Status = Literal["todo", "in_progress", "blocked", "review", "done", "cancelled"]
STATUSES: tuple[str, ...] = ("todo", "in_progress", "blocked", "review", "done", "cancelled")
#: Statuses that no longer hold up the items that depend on them.
CLOSED: frozenset[str] = frozenset({"done", "cancelled"})
#: What ``s`` walks an item through, in the backlog and the standup alike. Blocked and cancelled
#: are set directly (``S``); from there ``s`` leads back into the cycle.
STATUS_CYCLE: dict[str, str] = {
    "todo": "in_progress",
    "in_progress": "review",
    "review": "done",
    "done": "todo",
    "blocked": "in_progress",
    "cancelled": "todo",
}


def next_status(status: str) -> str:
    """The status ``s`` moves an item to from ``status``."""
    return STATUS_CYCLE.get(status, "todo")


PRIORITIES: tuple[str, ...] = ("P0", "P1", "P2", "P3")

Priority = Literal["P0", "P1", "P2", "P3"]

#: Words and marks that plans use for statuses, folded to the canonical six.
STATUS_ALIASES: dict[str, str] = {
    "todo": "todo",
    "to do": "todo",
    "to-do": "todo",
    "open": "todo",
    "new": "todo",
    "not started": "todo",
    "planned": "todo",
    "pending": "todo",
    "backlog": "todo",
    "[ ]": "todo",
    "⬜": "todo",
    "☐": "todo",
    "🔲": "todo",
    "⏳": "in_progress",
    "in progress": "in_progress",
    "in-progress": "in_progress",
    "in_progress": "in_progress",
    "wip": "in_progress",
    "doing": "in_progress",
    "started": "in_progress",
    "active": "in_progress",
    "ongoing": "in_progress",
    "🚧": "in_progress",
    "🔄": "in_progress",
    "partial": "in_progress",
    "blocked": "blocked",
    "on hold": "blocked",
    "stuck": "blocked",
    "⛔": "blocked",
    "🚫": "blocked",
    "❌": "blocked",
    "🛑": "blocked",
    "review": "review",
    "in review": "review",
    "needs review": "review",
    "qa": "review",
    "👀": "review",
    "verifying": "review",
    "done": "done",
    "complete": "done",
    "completed": "done",
    "closed": "done",
    "finished": "done",
    "resolved": "done",
    "shipped": "done",
    "pass": "done",
    "passed": "done",
    "✅": "done",
    "✔": "done",
    "✔️": "done",
    "☑": "done",
    "☑️": "done",
    "[x]": "done",
    "✓": "done",
    "cancelled": "cancelled",
    "canceled": "cancelled",
    "dropped": "cancelled",
    "won't do": "cancelled",
    "wontfix": "cancelled",
    "obsolete": "cancelled",
    "n/a": "cancelled",
    "🗑": "cancelled",
}


def normalize_status(value: object, extra: dict[str, str] | None = None) -> str:
    """Fold a status word or mark (``Done``, ``✅``, ``Not started``) to a canonical status."""
    if not isinstance(value, str):
        raise ValueError(f"expected a status ({', '.join(STATUSES)}), got {value!r}")
    key = value.strip().lower()
    if extra:
        for k, v in extra.items():
            if k.strip().lower() == key:
                return v
    if key in STATUS_ALIASES:
        return STATUS_ALIASES[key]
    # "✅ Done", "Done ✅", "Done (2026-02-16)": take the first word or mark we know.
    for token in key.replace("(", " ").replace(")", " ").split():
        if token in STATUS_ALIASES:
            return STATUS_ALIASES[token]
    raise ValueError(f"unknown status {value!r}; expected one of {', '.join(STATUSES)} or a known alias")


def normalize_priority(value: object) -> str:
    text = str(value).strip().upper()
    if text.isdigit():
        text = "P" + text
    if text not in PRIORITIES:
        raise ValueError(f"expected a priority P0, P1, P2 or P3, got {value!r}")
    return text


_STATUS_SET = frozenset(STATUSES)
_PRIORITY_SET = frozenset(PRIORITIES)
_target_cached = lru_cache(maxsize=4096)(normalize_target)


#: The largest estimate (days) or timeout (seconds) a board may state; beyond it is a typo.
MAX_NUMBER = 100_000.0


def check_number(v: float | None, what: str, *, minimum: float, allow_zero: bool) -> float | None:
    """A finite number in range, or a ValueError that says which rule it breaks (nan and inf are
    refused: they poison sums, and strict JSON cannot carry them)."""
    if v is None:
        return v
    if not math.isfinite(v):
        raise ValueError(f"{what} must be a finite number, got {v!r}")
    if v < minimum or (v == minimum and not allow_zero):
        raise ValueError(f"{what} must be {'at least' if allow_zero else 'greater than'} {minimum:g}, got {v:g}")
    if v > MAX_NUMBER:
        raise ValueError(f"{what} of {v:g} is out of range (at most {MAX_NUMBER:g})")
    return v


def _str_list(value: object) -> object:
    # A single string where a list is expected is a common hand edit; accept it.
    if isinstance(value, str):
        return [value] if value.strip() else []
    return value


#: A list of strings where a single string is also accepted (a common hand edit).
StrList = Annotated[list[str], BeforeValidator(_str_list)]
#: A status given as any known word or mark, stored as the canonical word.
StatusIn = Annotated[Status, BeforeValidator(lambda v: _fold_status(v))]


def _fold_status(value: object) -> object:
    # Leave what is not recognised for the Literal to reject, so the error names the field.
    try:
        return normalize_status(value)
    except ValueError:
        return value


class _Model(BaseModel):
    # Records are replaced, never mutated: caches, undo snapshots and the write path rely on it.
    model_config = ConfigDict(extra="allow", validate_assignment=False, populate_by_name=True, frozen=True)

    def unknown_keys(self) -> list[str]:
        return sorted((self.model_extra or {}).keys())


class ScoreFactor(_Model):
    key: str
    name: str = ""
    description: str = ""


class Scoring(_Model):
    """A priority score built from factors rated on a scale (seed 000: four factors, 1-5, max 20)."""

    formula: str = ""
    factors: list[ScoreFactor] = Field(default_factory=list)
    min: int = 1
    max: int = 5

    @property
    def max_total(self) -> int:
        return self.max * len(self.factors)


class GoNoGo(_Model):
    """When the board recommends go (``[board.go_no_go]``; see ``core.gonogo`` for the rule).

    Scope: the items of ``milestone`` or ``phase`` when one is named, else the items of
    ``priorities``; without ``priorities`` P0 when the board uses priorities, else every item.
    """

    priorities: list[str] | None = None
    milestone: str | None = None
    phase: str | None = None
    require_done: bool = True
    require_gates: bool = True
    #: No-go while a high or critical risk has no mitigating item, or only open ones.
    require_risks: bool = True
    #: No-go while a milestone (in scope) is past its due date with open items.
    require_milestones: bool = True
    risk_severities: list[str] = Field(default_factory=lambda: ["high", "critical"])

    @field_validator("priorities", mode="before")
    @classmethod
    def _prio(cls, v: object) -> object:
        if v is None:
            return None
        values = _str_list(v)
        if not isinstance(values, list):
            raise ValueError(f"expected a list of priorities, got {v!r}")
        return [normalize_priority(p) for p in values]

    @field_validator("milestone", "phase", mode="before")
    @classmethod
    def _id(cls, v: object) -> object:
        return str(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else v


class Rules(_Model):
    """Board-specific lint rules, e.g. seed 001's "every task must have a source reference"."""

    require_fields: list[str] = Field(default_factory=list)
    require_fields_kinds: list[str] = Field(default_factory=list)


class BoardMeta(_Model):
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

    @field_validator("status_aliases", mode="before")
    @classmethod
    def _aliases(cls, v: object) -> object:
        if isinstance(v, dict):
            return {str(k): normalize_status(s) for k, s in v.items()}
        return v


class Gate(_Model):
    """What makes an item verifiably done: exit criteria, a verify command, evidence paths."""

    exit_criteria: str = ""
    verify: str = ""
    evidence: StrList = Field(default_factory=list)
    watch: StrList = Field(default_factory=list)
    timeout_s: float | None = None

    @field_validator("timeout_s")
    @classmethod
    def _timeout(cls, v: float | None) -> float | None:
        return check_number(v, "a gate timeout", minimum=0.0, allow_zero=False)

    @property
    def is_empty(self) -> bool:
        return not (self.exit_criteria or self.verify or self.evidence)


ITEM_LIST_FIELDS = (
    "depends_on",
    "soft_depends_on",
    "contributors",
    "tags",
    "links",
    "inputs",
    "outputs",
    "deliverables",
    "acceptance",
    "source_refs",
)


class Item(_Model):
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
        # One Python call per item folds every hand-written variant (one pass is ~10x cheaper than
        # a validator per field on a 10,000-item board).
        if not isinstance(data, dict):
            return data
        data = dict(data)
        v = data.get("id")
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            data["id"] = str(v)
        elif isinstance(v, str):
            if not v.strip():
                raise ValueError("an item id may not be empty")
            data["id"] = v.strip()
        # Fold what we recognise; leave the rest for the field's own type to reject, so the error
        # names the field (an error raised here would only name the item).
        # Only strings are folded: a list or table is left for the field's type to reject with its
        # location (``in`` on a frozenset would raise TypeError for an unhashable value).
        v = data.get("status")
        if isinstance(v, str) and v not in _STATUS_SET:
            with contextlib.suppress(ValueError):
                data["status"] = normalize_status(v)
        v = data.get("priority")
        if isinstance(v, (str, int)) and not isinstance(v, bool) and v not in _PRIORITY_SET:
            if v == "":
                data["priority"] = None
            else:
                with contextlib.suppress(ValueError):
                    data["priority"] = normalize_priority(v)
        v = data.get("target")
        if v is not None:
            if v == "":
                data["target"] = None
            else:
                with contextlib.suppress(ValueError, TypeError):
                    data["target"] = _target_cached(v) if isinstance(v, str) else normalize_target(v)
        for key in ITEM_LIST_FIELDS:
            v = data.get(key)
            if isinstance(v, str):
                data[key] = [v] if v.strip() else []
        for key in ("parent", "phase", "milestone"):
            v = data.get(key)
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                data[key] = str(v)
            elif v == "":
                data[key] = None
        return data

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

    @cached_property
    def due(self) -> dt.date | None:
        return target_due(self.target)

    @property
    def total_score(self) -> int | None:
        if self.score_factors:
            return sum(self.score_factors.values())
        return self.score


class Risk(_Model):
    id: str
    title: str = ""
    severity: str = ""
    likelihood: str = ""
    owner: str = ""
    source: str = ""
    notes: str = ""
    mitigated_by: StrList = Field(default_factory=list)


class Phase(_Model):
    id: str
    title: str = ""
    window: str = ""
    entrance: StrList = Field(default_factory=list)
    exit: StrList = Field(default_factory=list)
    items: StrList = Field(default_factory=list)

    @field_validator("id", mode="before")
    @classmethod
    def _id(cls, v: object) -> object:
        return str(v) if isinstance(v, (int, float)) else v


class Milestone(_Model):
    id: str
    title: str = ""
    due: str | None = None
    #: The plan's own words for the due date when they are relative ("end of week 2").
    due_text: str = ""
    items: StrList = Field(default_factory=list)

    @field_validator("due", mode="before")
    @classmethod
    def _due(cls, v: object) -> object:
        if v is None or v == "":
            return None
        return normalize_target(v)

    @property
    def due_date(self) -> dt.date | None:
        return target_due(self.due)


class Waiver(_Model):
    """An approved exception for an item's gate, valid until (not including) ``expires``."""

    id: str = ""
    item: str
    reason: str = ""
    approved_by: str = ""
    expires: dt.date | None = None


class Deliverable(_Model):
    path: str
    item: str = ""
    purpose: str = ""
    status: StatusIn = "todo"


class Progress(_Model):
    """A dated progress note ("Stream 2 hardened: ...")."""

    date: dt.date | None = None
    item: str = ""
    status: StatusIn = "done"
    text: str


class Section(_Model):
    """Free text a plan carries that is not a structure of its own (playbooks, cadence, appendix)."""

    title: str
    body: str = ""


class Matrix(_Model):
    """A dependency matrix as a plan recorded it: ``rows[i][j] == "1"`` when order[i] depends on order[j]."""

    order: list[str] = Field(default_factory=list)
    rows: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _shape(self) -> Matrix:
        n = len(self.order)
        if len(self.rows) != n:
            raise ValueError(f"matrix has {len(self.rows)} rows for {n} ids in order")
        for i, row in enumerate(self.rows):
            cells = row.replace(" ", "")
            if len(cells) != n or set(cells) - {"0", "1"}:
                raise ValueError(f"matrix row {i + 1} ({self.order[i] if i < n else '?'}) must be {n} cells of 0/1")
        return self

    def cells(self) -> set[tuple[str, str]]:
        out: set[tuple[str, str]] = set()
        for i, row in enumerate(self.rows):
            for j, c in enumerate(row.replace(" ", "")):
                if c == "1":
                    out.add((self.order[i], self.order[j]))
        return out


class MergeConflict(_Model):
    """A field both sides of a git merge changed differently (written by the board merge driver).

    ``kind``/``id`` name the record (``items`` and an item id, ``board`` ...), ``field`` the dotted
    field (``*`` for the whole record: deleted on one side, edited on the other). A value that is
    absent (the record deleted on that side, the key removed) is an absent key.
    """

    kind: str
    id: str
    field: str
    ours: Any = None
    theirs: Any = None
    base: Any = None
    ours_side: str = "ours"
    theirs_side: str = "theirs"

    def describe(self) -> str:
        what = "the record" if self.field == "*" else self.field
        where = self.id if self.kind == "items" else f"{self.kind} {self.id}"

        def show(v: Any) -> str:
            return "(deleted)" if v is None else repr(v)

        return (
            f"{where}: merge conflict on {what}: {self.ours_side} has {show(self.ours)}, "
            f"{self.theirs_side} has {show(self.theirs)} (was {show(self.base)})"
        )


class Board(_Model):
    # The container whose record lists the store swaps; the records themselves are frozen.
    model_config = ConfigDict(extra="allow", validate_assignment=False, populate_by_name=True, frozen=False)

    board: BoardMeta = Field(default_factory=BoardMeta)
    items: list[Item] = Field(default_factory=list)
    risks: list[Risk] = Field(default_factory=list)
    phases: list[Phase] = Field(default_factory=list)
    milestones: list[Milestone] = Field(default_factory=list)
    waivers: list[Waiver] = Field(default_factory=list)
    deliverables: list[Deliverable] = Field(default_factory=list)
    progress: list[Progress] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    matrix: Matrix | None = None
    conflicts: list[MergeConflict] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _board_aliases(cls, data: Any) -> Any:
        # Board-specific status aliases apply to every status in the file; fold them before the
        # per-field validators see the values.
        if not isinstance(data, dict):
            return data
        meta = data.get("board")
        aliases = meta.get("status_aliases") if isinstance(meta, dict) else None
        if not aliases or not isinstance(aliases, dict):
            return data
        for key in ("items", "deliverables", "progress"):
            rows = data.get(key)
            if isinstance(rows, list):
                for row in rows:
                    if isinstance(row, dict) and isinstance(row.get("status"), str):
                        try:
                            row["status"] = normalize_status(row["status"], aliases)
                        except ValueError:
                            pass  # the field validator reports it with its location
        return data

    def item_map(self) -> dict[str, Item]:
        return {it.id: it for it in self.items}

    def children_of(self, item_id: str) -> list[Item]:
        return [it for it in self.items if it.parent == item_id]

    def phase_items(self, phase: Phase) -> list[str]:
        """Items of a phase: those it lists and those that name it, in board order."""
        listed = list(dict.fromkeys(phase.items))
        seen = set(listed)
        for it in self.items:
            if it.phase == phase.id and it.id not in seen:
                listed.append(it.id)
                seen.add(it.id)
        return listed

    def today(self) -> dt.date:
        return today(self.board.today)
