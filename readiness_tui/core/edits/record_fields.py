"""The fields of a board's other records (risks, phases, milestones, waivers, deliverables): what
each holds and how typed text becomes its value.

One reader for ``readiness set BOARD R-001 FIELD=VALUE`` and for the app's record forms, as
``fields.parse_field`` is for items. Each raises ``ValueError`` with a message that can be shown
as it is.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from readiness_tui.core.edits.fields import split_lines, split_list
from readiness_tui.core.model.board import normalize_status
from readiness_tui.core.model.dates import normalize_target, today


class Shape(StrEnum):
    """What a field holds, which decides how its text is read."""

    TEXT = "text"  # one line
    LONG = "long"  # free text, may span lines
    LINES = "lines"  # a list of sentences: one entry per line (commas belong to the sentence)
    REFS = "refs"  # a list of item ids: "a, b" or one per line
    REF = "ref"  # one item id
    DATE = "date"  # an ISO date, or +30d / +4w from today
    DUE = "due"  # an ISO week or a date
    SEVERITY = "severity"
    STATUS = "status"


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label: str
    shape: Shape = Shape.TEXT
    required: bool = False

    @property
    def is_list(self) -> bool:
        return self.shape in (Shape.LINES, Shape.REFS)


SEVERITIES = ("low", "medium", "high", "critical")

#: Record kind -> its editable fields, in the order a form shows them.
RECORD_FIELDS: dict[str, tuple[FieldSpec, ...]] = {
    "risks": (
        FieldSpec("id", "Id", required=True),
        FieldSpec("title", "Title"),
        FieldSpec("severity", "Severity (low..critical)", Shape.SEVERITY),
        FieldSpec("likelihood", "Likelihood"),
        FieldSpec("owner", "Owner"),
        FieldSpec("mitigated_by", "Mitigated by (item ids, a, b)", Shape.REFS),
        FieldSpec("notes", "Notes", Shape.LONG),
    ),
    "phases": (
        FieldSpec("id", "Id", required=True),
        FieldSpec("title", "Title"),
        FieldSpec("window", "Window (e.g. 2026-W08..W10)"),
        FieldSpec("entrance", "Entrance (one per line)", Shape.LINES),
        FieldSpec("exit", "Exit (one per line)", Shape.LINES),
        FieldSpec("items", "Items (ids, a, b)", Shape.REFS),
    ),
    "milestones": (
        FieldSpec("id", "Id", required=True),
        FieldSpec("title", "Title"),
        FieldSpec("due", "Due (2026-W09 or 2026-02-27)", Shape.DUE),
        FieldSpec("due_text", "Due, in the plan's words"),
        FieldSpec("items", "Items (ids, a, b)", Shape.REFS),
    ),
    "waivers": (
        FieldSpec("id", "Id (optional)"),
        FieldSpec("item", "Item waived", Shape.REF, required=True),
        FieldSpec("reason", "Reason", Shape.LONG),
        FieldSpec("approved_by", "Approved by"),
        FieldSpec("expires", "Expires (date, +30d, +4w)", Shape.DATE, required=True),
    ),
    "deliverables": (
        FieldSpec("path", "Path", required=True),
        FieldSpec("item", "Item", Shape.REF),
        FieldSpec("purpose", "Purpose"),
        FieldSpec("status", "Status", Shape.STATUS),
    ),
}
#: The singular word for a record kind ("risk"), as commands and messages say it.
KIND_NAMES = {"items": "item", "risks": "risk", "phases": "phase", "milestones": "milestone"}
KIND_NAMES |= {"waivers": "waiver", "deliverables": "deliverable"}
#: The field a record of each kind is addressed by (waivers by id, else by the item they waive).
KEY_FIELDS = {"risks": "id", "phases": "id", "milestones": "id", "waivers": "id", "deliverables": "path"}

#: What a new record starts with, as the text a form field holds (read by ``parse_record_field``):
#: a waiver lasts 30 days unless told otherwise, a deliverable is still to do. The app's new-record
#: form shows these; ``readiness set --add`` uses them for a field its words leave out.
NEW_RECORD_DEFAULTS: dict[str, dict[str, str]] = {
    "waivers": {"expires": "+30d"},
    "deliverables": {"status": "todo"},
}

_RELATIVE = re.compile(r"^\+(\d{1,4})\s*([dw])$", re.IGNORECASE)


def field_spec(kind: str, name: str) -> FieldSpec:
    """The spec of ``name`` in records of ``kind``; an unknown field names the nearest one."""
    specs = {s.name: s for s in RECORD_FIELDS[kind]}
    if name in specs:
        return specs[name]
    from difflib import get_close_matches  # a mistake's hint: no edit that is right needs it

    near = get_close_matches(name, list(specs), n=1)
    hint = f"; did you mean {near[0]}?" if near else f" (fields: {', '.join(specs)})"
    raise ValueError(f"a {KIND_NAMES[kind]} has no field {name!r}{hint}")


def parse_date(raw: str, field: str, now: dt.date | None = None) -> dt.date:
    """An ISO date, or ``+30d`` / ``+4w`` counted from today."""
    m = _RELATIVE.match(raw.strip())
    if m:
        n = int(m.group(1)) * (7 if m.group(2).lower() == "w" else 1)
        return today(now) + dt.timedelta(days=n)
    try:
        return dt.date.fromisoformat(raw.strip())
    except ValueError:
        raise ValueError(f"{field} must be a date like 2026-04-30 (or +30d, +4w), got {raw!r}") from None


def parse_record_field(kind: str, name: str, raw: str, now: dt.date | None = None) -> Any:
    """Read ``raw`` as the value field ``name`` of a ``kind`` record holds. Empty text clears it
    (None), which a required field refuses."""
    spec = field_spec(kind, name)
    raw = raw.strip() if spec.shape is not Shape.LONG else raw.rstrip()
    if raw == "":
        if spec.required:
            raise ValueError(f"{name} is required for a {KIND_NAMES[kind]}")
        return None
    if spec.shape is Shape.REFS:
        return split_list(raw)
    if spec.shape is Shape.LINES:
        return split_lines(raw)
    if spec.shape is Shape.REF and any(c.isspace() for c in raw):
        raise ValueError(f"{name} is one item id, got {raw!r}")
    if spec.shape is Shape.DATE:
        return parse_date(raw, name, now)
    if spec.shape is Shape.DUE:
        return normalize_target(raw)
    if spec.shape is Shape.STATUS:
        return normalize_status(raw)
    if spec.shape is Shape.SEVERITY:
        word = raw.lower()
        if word not in SEVERITIES:
            from difflib import get_close_matches

            near = get_close_matches(word, SEVERITIES, n=1)
            hint = f"; did you mean {near[0]}?" if near else ""
            raise ValueError(f"severity must be one of {', '.join(SEVERITIES)}, got {raw!r}{hint}")
        return word
    return raw


def show_value(spec: FieldSpec, value: Any) -> str:
    """The text a form shows for a stored value (read back by ``parse_record_field``)."""
    if value is None:
        return ""
    if isinstance(value, list):
        return ("\n" if spec.shape is Shape.LINES else ", ").join(str(v) for v in value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)
