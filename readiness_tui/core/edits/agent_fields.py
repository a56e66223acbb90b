"""The item fields an agent sets by name, typed, so that a tool's input schema offers the enums,
numbers and patterns the board holds (``set_fields``, ``add_item`` of ``readiness mcp``).

Each given field becomes the same ``Assignment`` a ``FIELD=VALUE`` word does and is read by the
same rule (``edits.fields.parse_field``): typing the input changes what an agent is offered, not
what the board accepts. A field left out is left as it is; ``null`` clears one that may be empty.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from pydantic.json_schema import SkipJsonSchema

from readiness_tui.core.edits.expressions import Assignment, coerce
from readiness_tui.core.edits.fields import MAX_DAYS
from readiness_tui.core.model.statuses import Priority, Status
from readiness_tui.core.model.text_limits import TEXT_MAX, TITLE_MAX

#: An ISO week (``2026-W09``) or a date (``2026-02-20``), as ``core.model.dates`` reads targets.
TARGET_PATTERN = r"^\d{4}-([Ww]\d{2}|\d{2}-\d{2})$"

Short = Annotated[str, Field(max_length=TITLE_MAX)]
Prose = Annotated[str, Field(max_length=TEXT_MAX)]
Ids = list[Annotated[str, Field(max_length=TITLE_MAX)]]
#: ``FIELD=VALUE`` words, as ``readiness set`` takes them (``FIELD+=VALUE``, ``FIELD-=VALUE`` for lists).
Assignments = list[Annotated[str, Field(pattern=r"^[A-Za-z_][A-Za-z0-9_.]*\s*(\+=|-=|=)", max_length=TEXT_MAX)]]


class ItemFields(BaseModel):
    """Fields of an item, each optional: only those given are set."""

    model_config = ConfigDict(extra="forbid")

    # Neither a title nor a status can be empty: their schemas offer no null.
    title: Short | SkipJsonSchema[None] = None
    status: Status | SkipJsonSchema[None] = Field(default=None, description="The item's status.")
    priority: Priority | None = Field(default=None, description="P0 (most urgent) to P3; null clears.")
    owner: Short | None = Field(default=None, description="Who owns it, e.g. @ana; null clears.")
    estimate_days: float | None = Field(default=None, ge=0, le=MAX_DAYS, description="Days of work; null clears.")
    target: str | None = Field(
        default=None, pattern=TARGET_PATTERN, description="An ISO week (2026-W09) or a date (2026-02-20); null clears."
    )
    depends_on: Ids | None = Field(default=None, description="Ids of the items this one waits on (replaces the list).")
    soft_depends_on: Ids | None = Field(default=None, description="Preferred order, not blocking (replaces the list).")
    parent: Short | None = Field(default=None, description="The id of the parent item; null clears.")
    phase: Short | None = None
    milestone: Short | None = None
    workstream: Short | None = None
    tags: Ids | None = None
    acceptance: list[Prose] | None = Field(default=None, description="Acceptance criteria, one per entry (replaces).")
    description: Prose | None = None
    notes: Prose | None = None


def field_assignments(fields: ItemFields | None, aliases: dict[str, str] | None = None) -> list[Assignment]:
    """The ``FIELD=VALUE`` assignments ``fields`` stands for, read by ``parse_field`` (``ValueError``
    names the field that cannot be read, a real ISO week say)."""
    if fields is None:
        return []
    out = []
    for name in [n for n in ItemFields.model_fields if n in fields.model_fields_set]:
        value: Any = getattr(fields, name)
        if value is None:
            if name in ("title", "status"):
                raise ValueError(f"{name} cannot be cleared")
            out.append(Assignment(name, "=", None))
        elif isinstance(value, list):
            # Entries are taken whole: a criterion's commas belong to it.
            out.append(Assignment(name, "=", [v.strip() for v in value if v.strip()]))
        else:
            text = value if isinstance(value, str) else repr(value)
            try:
                out.append(Assignment(name, "=", coerce(name, text.strip(), "=", aliases)))
            except ValueError as exc:
                raise ValueError(f"{name}: {exc}") from None
    return out


#: ``fields`` of a tool: may be left out, but its schema offers no null (an object or nothing).
GivenFields = ItemFields | SkipJsonSchema[None]


def input_refusal(tool: str, exc: BaseException | None) -> str:
    """Arguments refused by their types (a pydantic ``ValidationError``; else ``""``), one part per
    field an agent got wrong: ``set_fields: fields.status: Input should be 'todo', ... (got 'wip')``.
    The branches of an optional value
    (``ItemFields | None``) are left out of the path, and their "should be None" when another
    branch says what was wrong."""
    if not isinstance(exc, ValidationError):
        return ""
    errors = exc.errors(include_url=False)
    real = [e for e in errors if e["type"] != "none_required"] or errors
    said = []
    for e in real:
        # pydantic names each branch of a union in the path: keep the argument's own names.
        where = ".".join(str(p) for p in e["loc"] if not (isinstance(p, str) and (p[:1].isupper() or "[" in p)))
        got = repr(e["input"])
        if len(got) > 80:  # a 2 MB title is not said back in full
            size = f"{len(e['input']):,} characters" if isinstance(e["input"], str) else "..."
            got = f"{got[:40]}... ({size})"
        said.append(f"{where or 'arguments'}: {e['msg']} (got {got})")
    return f"{tool}: " + "; ".join(dict.fromkeys(said)) + "; nothing was done"
