"""A heading that opens with an item's own fields (``- **Status**: Not Started``, ``**Priority:** High``): what
those fields say, whether the heading is shaped as one item, and whether it is one of a series of such items.
"""

from __future__ import annotations

import re

from readiness_tui.core.importers.document.blocks import ListBlock, Paragraph, Section, Table, plain
from readiness_tui.core.importers.document.fields import field_parts
from readiness_tui.core.importers.sections.heading_numbers import document_fact, numbered_item_id, ticket_id
from readiness_tui.core.importers.sections.lead_ins import lists_tasks
from readiness_tui.core.importers.sections.patterns import PHASE_RE, strip_heading_marks
from readiness_tui.core.importers.tables.cells import names_field_columns
from readiness_tui.core.importers.vocabulary.headers import WORK_FIELDS, header_field
from readiness_tui.core.importers.vocabulary.statuses import parse_status


def opening_fields(sec: Section) -> bool:
    """Whether a section opens with lines of an item's fields, two of them at least (``- **Status**: Not
    Started``, ``- **Assignee**: TBD``; or ``**Priority:** High`` lines of a paragraph), or its state and what
    the work is (``**Status:** Planned`` over ``**Description:** Allow users to drag waypoints``) or when it is done
    (``- **Status:** In Progress`` over ``- **Completion Condition:** Requirements approved``)."""
    work = _work_fields(sec)
    if len(work) >= 2:
        return True
    return "status" in work and bool({"description", "gate.exit_criteria"} & set(_opening_fields(sec)))


def _work_fields(sec: Section) -> dict[str, str]:
    """The fields of work the lines a section opens with state (field -> value as written)."""
    # What a person tracks about work, and when it is due; not a document's description (a version, a file).
    return {f: v for f, v in _opening_fields(sec).items() if f in WORK_FIELDS or f == "target"}


def _opening_fields(sec: Section) -> dict[str | None, str]:
    """Every field the lines a section opens with state (field -> value as written)."""
    if not sec.blocks:
        return {}
    first = sec.blocks[0]
    if isinstance(first, ListBlock):
        lines = [it.text for it in first.items]
    elif isinstance(first, Paragraph):
        lines = first.text.splitlines()
    elif isinstance(first, Table) and names_field_columns(first):
        # "| Field | Value |" (or an HTML table of one record written down): a field and its value a row.
        return {header_field(plain(r.cells[0]).strip("* ")): r.cells[1] for r in first.rows if len(r.cells) == 2}
    else:
        return {}
    # ``**Priority:** Critical | **Effort:** 4 hours``: a line may join several fields.
    return {header_field(key): value for line in lines for key, value in field_parts(line)}


def states_dependencies(sec: Section) -> bool:
    """Whether a line of the section's own prose names what its work waits on (``**Dependencies:** 1.1, 1.2``), its
    value filled in: the section is an item, whatever boxes it lists."""
    return any(
        header_field(key) == "depends_on" and not _UNFILLED.search(plain(value))
        for blk in sec.blocks
        if isinstance(blk, Paragraph)
        for line in blk.text.splitlines()
        for key, value in field_parts(line)
    )


#: A value still to be filled in: ``<owner>``, ``[P0-P3]``, ``TBD``, nothing.
_UNFILLED = re.compile(r"^\W*$|[<\[][^>\]]*[>\]]|^\W*(?:tbd|tba|n/?a|x+|\?+)\W*$", re.I)


def one_of_a_series(sec: Section) -> bool:
    """Whether a heading states its own fields of work, filled in (``**Status**: Proposed``, ``**Priority**: High``),
    beside a sibling heading that opens with such fields: one item of a series, whatever its words say ("Expense
    Templates", "Expense Reminders" are features to build, not a template or a section of notes)."""
    if sec.parent is None or not item_shaped(sec):
        return False
    if any(_UNFILLED.search(plain(value)) for value in _work_fields(sec).values()):
        return False
    return any(c is not sec and c.level == sec.level and item_shaped(c) for c in sec.parent.children)


def item_shaped(sec: Section) -> bool:
    # A heading over a table ("## Sprint 1" with its target and status, then its stories) groups the table's rows,
    # and one over headings of items ("### Task 1.1") groups those.
    if not opening_fields(sec) or any(isinstance(blk, Table) and not names_field_columns(blk) for blk in sec.blocks):
        return False
    # And one over a heading that lists its tasks as boxes ("## Q2 2026" with its status and priority, over "###
    # Milestone 2" and its "**Features:**" boxes; "## Epic 1.1" over "### Sprint 1.1" and its boxes) groups them.
    return not any(
        ticket_id(c) or numbered_item_id(c) or item_shaped(c) or lists_tasks(c) or c.holds_boxes
        for c in sec.walk()
        if c is not sec
    )


#: A heading over the plan's legend ("## Task Status Legend" over "- ✅ **Done**: Completed and verified"): its lines
#: say what the marks mean, in the shape of a status field.
_LEGEND = re.compile(r"\b(?:legends?|legende|leyenda|l[ée]gende|legenda|status\s+key)\b|凡例|图例|圖例|범례", re.I)


def stated_beside_tickets(sec: Section) -> bool:
    """Whether a heading with no id, over no heading of its own, opens with its own state, filled in (``- **Status:**
    ⏸️ Waiting - depends on TASK-034``), beside a sibling heading that is a ticket with an id: one more ticket."""
    if sec.parent is None or sec.children or ticket_id(sec) is not None or _LEGEND.search(sec.bare_title):
        return False
    state = _work_fields(sec).get("status")
    if state is None or _UNFILLED.search(plain(state)) or parse_status(state) is None:
        return False
    # Asked once for the heading above: each of a thousand such siblings reading every other was quadratic.
    up, level = sec.parent, sec.level
    return document_fact(
        up, f"ticket headings at {level}", lambda: any(c.level == level and ticket_id(c) for c in up.children)
    )


def sub_phase_task(sec: Section) -> tuple[str, str] | None:
    """``(number, title)`` of a sub-phase written as a task: ``### Phase 9.1 — Exporter ✅`` right under ``## Phase 9``,
    opening with its own fields (``**Status:** Complete``, ``**Dependencies:** 9.0``). The plan tracks it as work, by
    its number; a sub-phase without such fields is a phase of its own."""
    up = sec.parent
    m = PHASE_RE.match(strip_heading_marks(sec.bare_title)[0])
    if m is None or "." not in m.group("num") or up is None or up.heading is None:
        return None
    outer = PHASE_RE.match(strip_heading_marks(up.bare_title)[0])
    if outer is None or m.group("num").rsplit(".", 1)[0] != outer.group("num") or not opening_fields(sec):
        return None
    return m.group("num"), m.group("title").strip() or m.group("num")
