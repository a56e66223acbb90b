"""The walk over the document's sections: each heading's role (``headings``, revised by what the plan around it
shows in ``roles_in_plan``) picks its handler from ``_HANDLERS``. Here: the walk, and the tickets and numbered
headings it meets.

Other handlers: phases in ``phase_headings``; action/task lists, status columns, priority groups and templates in
``heading_lists``; tickets and streams in ``entries.tickets``, milestones/waivers/progress and schedules in
``records``, the plan's own description in ``board_info``; blocks anywhere in ``generic``."""

from __future__ import annotations

import re
from dataclasses import replace

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.assembly.result import Rec
from readiness_tui.core.importers.document.blocks import ListBlock, Section, plain
from readiness_tui.core.importers.entries.streams import handle_stream
from readiness_tui.core.importers.entries.tickets import handle_ticket
from readiness_tui.core.importers.references.ids import title_initials
from readiness_tui.core.importers.references.refs import ids_in_text
from readiness_tui.core.importers.sections.board_info import (
    handle_assumptions,
    handle_definition,
    handle_not_in_scope,
    handle_objectives,
    handle_order,
    handle_scoring,
)
from readiness_tui.core.importers.sections.defaults import section_defaults
from readiness_tui.core.importers.sections.feature_headings import (
    heading_time,
    owned_heading,
    owner_handles,
    timed_heading,
)
from readiness_tui.core.importers.sections.fenced import read_gantts
from readiness_tui.core.importers.sections.generic import (
    handle_notes,
    handle_plain,
    handle_text,
)
from readiness_tui.core.importers.sections.heading_fields import sub_phase_task
from readiness_tui.core.importers.sections.heading_groups import (
    is_group,
    is_prose_heading,
)
from readiness_tui.core.importers.sections.heading_lists import (
    handle_actions,
    handle_board_list,
    handle_prio_group,
    handle_status_group,
    handle_template,
    read_entry_lists,
)
from readiness_tui.core.importers.sections.heading_numbers import (
    STABLE_NUMBER_RE,
    numbered_item_id,
    restarted_number,
    ticket_id,
)
from readiness_tui.core.importers.sections.heading_priority import heading_priority
from readiness_tui.core.importers.sections.heading_words import schedule_unit
from readiness_tui.core.importers.sections.headings import fielded_heading, heading_role, holds_items
from readiness_tui.core.importers.sections.mermaid_kanban import read_kanbans
from readiness_tui.core.importers.sections.mermaid_roadmap import read_flowchart_roadmaps
from readiness_tui.core.importers.sections.milestone_headings import milestone_heading, milestone_lists
from readiness_tui.core.importers.sections.patterns import (
    NUMBERED_HEADING_RE,
    Ctx,
    heading_id_match,
    numbered_heading,
    strip_heading_marks,
)
from readiness_tui.core.importers.sections.phase_headings import handle_phase
from readiness_tui.core.importers.sections.records import (
    handle_milestone_heading,
    handle_milestones,
    handle_progress,
    handle_schedule,
    handle_waivers,
)
from readiness_tui.core.importers.sections.risk_actions import action_headings, closing_risk, heading_risk
from readiness_tui.core.importers.sections.risk_sections import (
    handle_risks,
    named_risk_heading,
    risk_heading,
    risk_heading_id,
)
from readiness_tui.core.importers.sections.roles_in_plan import role_in_plan
from readiness_tui.core.importers.sections.task_groups import epic_id, named_deliverables
from readiness_tui.core.importers.sections.text_gantt import read_text_gantts
from readiness_tui.core.importers.sections.text_trees import read_text_trees


def _ticket_or_group(b: Builder, sec: Section, ctx: Ctx) -> Ctx | None:
    """A ticket heading, unless it is a risk, a group of tickets or a prose section (see ``headings``)."""
    m = heading_id_match(strip_heading_marks(sec.title)[0])
    assert m
    about = closing_risk(m.group("title"))
    actions = action_headings(sec) if about else []
    if about and actions:
        _risk_over_actions(b, sec, ctx, about, actions)
        return None
    risk_id = risk_heading_id(sec, m.group("id"))
    if risk_id is not None:
        risk_heading(b, sec, risk_id, m.group("title"))
        return None
    # "### ML-024 through ML-038" over "- ML-025: Schema evolution", …: the heading names the entries' group.
    if is_group(sec, lambda c: heading_role(c) in ("ticket", "task_group")) or _lists_tickets(sec):
        b.mark(sec)
        b.note(sec.line, f"heading {sec.title!r} groups the items under it; not an item itself")
        # Its own tables and lists are read as anywhere ("## R04 status" over its table of R04-T01 … above the
        # "### r04-c02" tickets): they were left unread, and unreported.
        return handle_plain(b, sec, ctx)
    if is_prose_heading(sec) and not _sub_step(sec, m.group("id")):
        b.note(sec.line, f"heading {sec.title!r} holds only prose: kept as text, not an item")
        return ctx
    _ticket(b, sec, ctx)
    return None


def _risk_over_actions(b: Builder, sec: Section, ctx: Ctx, about: tuple[str, str], actions: list[Section]) -> None:
    """``### P0-1: Event volume (RISK-T001)`` over ``#### Mitigation Actions`` and a heading per action: the heading is
    the risk it names, each action an item (read as any ticket heading) mitigating it."""
    rid, title = about
    made = [_ticket_item(b, head, ctx) for head in actions]
    for child in sec.children:
        if child.children and child.children[0] in actions:
            b.mark(child)
            for blk in child.blocks:
                b.consume(blk, child)
        else:
            walk(b, child, ctx)
    heading_risk(b, sec, {"id": rid, "title": title, "mitigated_by": made})
    b.used(
        sec.line,
        f"heading {sec.title!r}: risk {rid}, the {len(made)} actions under its mitigation the items mitigating it",
    )


def _lists_tickets(sec: Section) -> bool:
    """Whether a ticket heading names several ids (a range, ``ML-024 through ML-038``) over a list of entries with
    ids of their own: the heading is their group, not one item."""
    return len(ids_in_text(sec.title)) >= 2 and holds_items(sec)


def _ticket(b: Builder, sec: Section, ctx: Ctx, given: tuple[str, str] | None = None) -> None:
    """The item of a ticket heading, then the sub-headings that hold items of their own, as its children."""
    _ticket_item(b, sec, ctx, given)


def _ticket_item(b: Builder, sec: Section, ctx: Ctx, given: tuple[str, str] | None = None) -> str:
    """``_ticket``, and the id of the item made."""
    rid, left = handle_ticket(b, sec, ctx, given)
    for child in left:
        b.note(child.line, f"heading {child.title!r} under item {rid}: holds items of its own, not {rid}'s fields")
        walk(b, child, replace(ctx, parent=rid))
    return rid


def _sub_step(sec: Section, rid: str) -> bool:
    """Whether ``1.2`` stands under the step it carries on (``### Step 1``): work described in prose, where under a
    chapter (``## 2. Design``) a numbered heading over prose is the document's text."""
    parent = sec.parent
    if parent is None or parent.heading is None or heading_role(parent) != "numbered_item":
        return False
    return rid.split(".")[0] == numbered_item_id(parent)


def _numbered_or_risk(b: Builder, sec: Section, ctx: Ctx) -> Ctx | None:
    """A numbered heading: a risk right under a heading about risks (``### 1. Vendor outage``), the group of the
    sub-steps under it (``### Krok 1`` over ``#### 1.1``, ``#### 1.2``), else an item."""
    number, title = _numbered(sec)
    number = restarted_number(b, sec, number)
    risk_id = risk_heading_id(sec, number)
    if risk_id is not None:
        risk_heading(b, sec, risk_id, title)
        return None
    if is_group(sec, lambda c: heading_role(c) == "ticket" and (ticket_id(c) or "").startswith(f"{number}.")):
        b.mark(sec)
        b.note(sec.line, f"heading {sec.title!r} groups its numbered sub-steps; not an item itself")
        return handle_plain(b, sec, ctx)
    if is_prose_heading(sec):
        b.note(sec.line, f"heading {sec.title!r} holds only text and code: kept as text, not an item")
        return handle_plain(b, sec, ctx)
    _ticket(b, sec, ctx, given=(number, title))
    return None


def _numbered(sec: Section) -> tuple[str, str]:
    head = strip_heading_marks(sec.title)[0]
    m = numbered_heading(head) or STABLE_NUMBER_RE.match(head)
    number = numbered_item_id(sec)
    assert m and number is not None and number.split(".")[-1] == m.group("num")
    return number, m.group("title")  # "2.1" for step 1 of phase 2 (``numbered_item_id``)


#: ``Milestone 2: Authentication (Weeks 3-4)``, ``BLOCKER #1: No health check``: a word and a number naming the
#: unit, then its title.
_UNIT_RE = re.compile(r"^(?P<word>[A-Za-z]+)\s+#?(?P<num>\d+(?:\.\d+)*)\b\s*(?:[:—–-]\s*)?(?P<title>.*)$")


#: ``Set up CI (ID: superior-apricot-bug)``: a title, then the id the plan's tool gave the work.
_STATED_ID_RE = re.compile(r"^(?P<title>.*\S)\s*\(\s*id\s*[:=]\s*`?(?P<id>[\w.-]+)`?\s*\)$", re.I)
#: The issue a card heading closes on: ``Crear tablas en PostgreSQL — Issue #9``.
_ISSUE_TAIL_RE = re.compile(r"^(?P<title>.*\S)\s+[—–-]\s+(?:issue|ticket)\s+(?P<id>#\d+)$", re.I)


def heading_item(b: Builder, sec: Section) -> tuple[str, str]:
    """(id, title) of a heading a recipe labels as one item: ``Milestone 2: x`` -> MILESTONE-2, an id it
    closes on (``x (ID: hon-teal-guanaco)``) or opens with, else the initials of its words (numbered on when
    taken)."""
    head = strip_heading_marks(sec.bare_title)[0]
    stated = _STATED_ID_RE.match(head) or _ISSUE_TAIL_RE.match(head)
    if stated and stated.group("id") not in b.items:
        return stated.group("id"), stated.group("title")
    m = _UNIT_RE.match(head)
    if m:
        # "## Step 1 — Validate" under a second procedure, after the first's "Step 1": STEP2-1, not the same item.
        word, num = m.group("word").upper(), m.group("num")
        rid, k = f"{word}-{num}", 2
        while rid in b.items:
            rid, k = f"{word}{k}-{num}", k + 1
        return rid, m.group("title") or head
    t = heading_id_match(head)
    if t and any(c.isdigit() for c in t.group("id")):  # "Role-Based Access Control" opens with a word, not an id
        return t.group("id"), t.group("title")
    base, n = title_initials(head) or "ITEM", 1
    while f"{base}-{n}" in b.items:
        n += 1
    # "### 2. Route Editing" among headings numbered again under each priority: the number is the order, no name.
    return f"{base}-{n}", m.group("title") if (m := NUMBERED_HEADING_RE.match(head)) else head


def _record(b: Builder, sec: Section) -> None:
    above = sec.parent.title if sec.parent else ""
    b.note(sec.line, f"heading {sec.title!r}: a record under {above!r}, not work; kept as text")


def _task_group(b: Builder, sec: Section, ctx: Ctx) -> Ctx:
    named = named_deliverables(sec)
    boxed = any(isinstance(blk, ListBlock) for blk in sec.blocks)
    listed = "its named deliverables" if named else ("its tasks as boxes" if boxed else "groups of its tasks")
    b.note(sec.line, f"heading {sec.title!r}: a numbered section listing {listed}; their group")
    before = set(b.items)
    # Named deliverables in a plain list ("- **Core tenant entity** with …") are read as a list of tasks is.
    inner = read_entry_lists(b, sec, ctx, "T", "task") if named else handle_plain(b, sec, ctx)
    # The heading names the boxes' stream of work ("2. **Security**"): without its number; an epic by its id.
    stream = epic_id(sec) or re.sub(r"^[\d.)\s]+", "", plain(sec.bare_title)).strip()
    for rid in [i for i in b.items if i not in before] if stream else []:
        b.items[rid].values.setdefault("workstream", stream)
    return inner


def _heading_item(b: Builder, sec: Section, ctx: Ctx) -> None:
    given = heading_item(b, sec)
    if fielded_heading(sec):
        b.note(sec.line, f"heading {sec.title!r} opens with an item's fields, as its siblings do: item {given[0]}")
    owned = owner_handles(given[1]) if owned_heading(sec) else None
    if owned:
        # "### Condition-handler system (graydon)" beside siblings so written: the work, and who does it.
        given = (given[0], owned[0])
        b.note(sec.line, f"heading {sec.title!r} closes with who does it, as its siblings do: item {given[0]}")
    timed = heading_time(given[1]) if timed_heading(sec) else None
    if timed:
        # "#### Verify the system (2 min):" beside other timed steps: the step, and the time it takes.
        given = (given[0], timed[0])
        b.note(sec.line, f"heading {sec.title!r} closes with the time its work takes, as others do: item {given[0]}")
    _ticket(b, sec, ctx, given=given)
    if timed and given[0] in b.items:
        b.items[given[0]].values.setdefault("estimate_days", timed[1])
    if owned and given[0] in b.items:
        values = b.items[given[0]].values
        if not values.get("owner"):
            values["owner"] = owned[1][0]
            if owned[1][1:]:
                values["contributors"] = [*values.get("contributors", []), *owned[1][1:]]


def walk(b: Builder, sec: Section, ctx: Ctx) -> None:
    role = heading_role(sec)
    if sec.heading is not None and schedule_unit(sec.bare_title):
        b.schedule_headings.add(sec.line)
    if role == "text":  # a recipe's "text": nothing under it is read, not even its defaults or charts
        handle_text(b, sec, ctx, walk)
        return
    if role == "template" and sec.is_title:
        # A recipe's "skip" on the title: the blocks right under it (an intro, badges, a summary) are not imported;
        # the plan under it is read as ever.
        for blk in sec.blocks:
            b.consume(blk)
            b.skipped(blk.line, f"{type(blk).__name__.lower()} under {sec.title!r}: the recipe says skip")
        for child in sec.children:
            walk(b, child, ctx)
        return
    if role in ("risks", "ticket", "plain") and not sec.children and named_risk_heading(b, sec):
        return  # "### Risk T1: Backend API Changes" over its fields and its actions' blocks
    role = role_in_plan(b, sec, role)
    milestone = milestone_heading(sec) if role in ("ticket", "numbered_item", "plain") else None
    if milestone:
        _boxes_milestone(b, sec, ctx, *milestone)
        return
    if role not in ("ticket", "numbered_item", "heading_item", "stream", "template", "title", "root"):
        section_defaults(b, sec)
    if role != "prio_group":  # a priority group heading says its priority as the group it makes
        ctx = heading_priority(b, sec, ctx)
    read_gantts(b, sec, ctx.item_fields(group_phase=True))
    read_kanbans(b, sec, ctx.item_fields(group_phase=True))
    read_flowchart_roadmaps(b, sec, ctx.item_fields(group_phase=True))
    read_text_gantts(b, sec, ctx)
    read_text_trees(b, sec, ctx)
    handler = _HANDLERS.get(role, handle_plain)
    new_ctx = handler(b, sec, ctx)
    if new_ctx is None:  # the handler took the children too
        return
    for child in sec.children:
        walk(b, child, new_ctx)


def _boxes_milestone(b: Builder, sec: Section, ctx: Ctx, number: str, title: str) -> None:
    before = set(b.items)
    b.mark(sec)
    milestone_lists(b, sec, ctx, number)
    for child in sec.children:
        walk(b, child, ctx)
    made = [i for i in b.items if i not in before]
    b.records["milestones"].append(
        Rec("milestones", {"id": number, "title": title, "items": made}, sec.line, "heading")
    )
    b.note(
        sec.line,
        f"heading {sec.title!r} under {sec.parent.title if sec.parent else ''!r}: milestone {number}, holding the work under it",
    )


_HANDLERS = {
    "status_group": handle_status_group,
    "board_list": handle_board_list,
    "ticket": lambda b, s, c: _ticket_or_group(b, s, c),
    "sub_phase_task": lambda b, s, c: _ticket(b, s, c, given=sub_phase_task(s)),
    "numbered_item": lambda b, s, c: _numbered_or_risk(b, s, c),
    "heading_item": lambda b, s, c: _heading_item(b, s, c),
    "record": lambda b, s, c: _record(b, s),
    "task_group": _task_group,
    "notes": lambda b, s, c: handle_notes(b, s, c),
    "stream": lambda b, s, c: handle_stream(b, s, c, walk),
    "phase": handle_phase,
    "prio_group": handle_prio_group,
    "template": handle_template,
    "risks": lambda b, s, c: handle_risks(b, s, c, walk),
    "milestones": handle_milestones,
    "milestone_heading": handle_milestone_heading,
    "waivers": handle_waivers,
    "not_in_scope": handle_not_in_scope,
    "progress": handle_progress,
    "actions": handle_actions,
    "order": handle_order,
    "definition": handle_definition,
    "scoring": handle_scoring,
    "assumptions": handle_assumptions,
    "objectives": handle_objectives,
    "schedule": handle_schedule,
}
