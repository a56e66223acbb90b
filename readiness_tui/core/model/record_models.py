"""The board's other records: risks, phases, milestones, waivers, deliverables, progress notes,
free-text sections, the recorded dependency matrix and the conflicts a git merge left."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import Field, field_validator, model_validator

from readiness_tui.core.model.dates import normalize_target, target_due
from readiness_tui.core.model.record_base import Record, StatusIn, StrList, id_text


class Risk(Record):
    id: str
    title: str = ""
    severity: str = ""
    likelihood: str = ""
    owner: str = ""
    source: str = ""
    notes: str = ""
    mitigated_by: StrList = Field(default_factory=list)


class Phase(Record):
    id: str
    title: str = ""
    window: str = ""
    entrance: StrList = Field(default_factory=list)
    exit: StrList = Field(default_factory=list)
    items: StrList = Field(default_factory=list)

    @field_validator("id", mode="before")
    @classmethod
    def _id(cls, v: object) -> object:
        return id_text(v)


class Milestone(Record):
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


class Waiver(Record):
    """An approved exception for an item's gate, valid until (not including) ``expires``. With
    ``rules`` it excuses only those SARIF rule ids in the item's sarif checks, not the whole gate."""

    id: str = ""
    item: str
    reason: str = ""
    approved_by: str = ""
    expires: dt.date | None = None
    rules: StrList = Field(default_factory=list)


class Deliverable(Record):
    path: str
    item: str = ""
    purpose: str = ""
    status: StatusIn = "todo"


class Progress(Record):
    """A dated progress note ("Stream 2 hardened: ...")."""

    date: dt.date | None = None
    item: str = ""
    status: StatusIn = "done"
    text: str


class Section(Record):
    """Free text a plan carries that is not a structure of its own (playbooks, cadence, appendix)."""

    title: str
    body: str = ""


class Matrix(Record):
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


class MergeConflict(Record):
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
