"""The walk over the document's sections: each heading's role (``headings``) picks its handler from
``_HANDLERS``. Here: the walk, the tickets and numbered headings it meets, and phases.

Other handlers: action/task lists, status columns, priority groups and templates in ``heading_lists``; tickets and
streams in ``entries.tickets``, milestones/waivers/progress and schedules in
``records``, the plan's own description in ``board_info``; blocks anywhere in ``generic``."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.assembly.result import Rec
from readiness_tui.core.importers.document.blocks import ListBlock, Section, Table, plain
from readiness_tui.core.importers.entries.inline import title_initials
from readiness_tui.core.importers.entries.lists import ids_given
from readiness_tui.core.importers.entries.phase_lists import phase_fields, phase_key, phase_value
from readiness_tui.core.importers.entries.streams import handle_stream
from readiness_tui.core.importers.entries.tickets import handle_ticket
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
from readiness_tui.core.importers.sections.fenced import read_gantts
from readiness_tui.core.importers.sections.generic import (
    handle_notes,
    handle_plain,
    handle_text,
)
from readiness_tui.core.importers.sections.heading_groups import (
    cites_items,
    groups_a_list,
    groups_a_table,
    groups_boxes,
    groups_by_id,
    groups_checklists,
    groups_marked,
    is_group,
    is_prose_heading,
)
from readiness_tui.core.importers.sections.heading_lists import (
    handle_actions,
    handle_prio_group,
    handle_status_group,
    handle_template,
    read_entry_lists,
)
from readiness_tui.core.importers.sections.heading_numbers import (
    after_heading_item,
    is_outline_number,
    numbered_item_id,
    outline_section,
    restarted_number,
    ticket_id,
)
from readiness_tui.core.importers.sections.heading_priority import heading_priority
from readiness_tui.core.importers.sections.headings import fielded_heading, heading_role, holds_items
from readiness_tui.core.importers.sections.lead_ins import introduces_the_plan, names_a_checklist, schedule_unit
from readiness_tui.core.importers.sections.mermaid_kanban import read_kanbans
from readiness_tui.core.importers.sections.milestone_headings import milestone_heading, milestone_lists
from readiness_tui.core.importers.sections.patterns import (
    NUMBERED_HEADING_RE,
    PHASE_RE,
    Ctx,
    heading_id_match,
    numbered_heading,
    strip_heading_marks,
)
from readiness_tui.core.importers.sections.phase_work import phase_label_lists, phase_task_entries
from readiness_tui.core.importers.sections.records import (
    handle_milestone_heading,
    handle_milestones,
    handle_progress,
    handle_schedule,
    handle_waivers,
)
from readiness_tui.core.importers.sections.risk_sections import (
    handle_risks,
    named_risk_heading,
    risk_heading,
    risk_heading_id,
)
from readiness_tui.core.importers.sections.task_groups import epic_id, named_deliverables
from readiness_tui.core.importers.sections.text_gantt import read_text_gantts
from readiness_tui.core.importers.sections.text_trees import read_text_trees

#: The words after an id that make a heading a report on that group's work, or its criteria: "M0 Burnup", "Sprint 3
#: velocity", "M0 Exit Criteria".
_REPORT = re.compile(
    r"^(?:burn-?ups?|burn-?downs?|velocity|metrics|stats|statistics|retro(?:spective)?|"
    r"(?:exit|entry|acceptance|success|completion)\s+criteria|definition of done)\s*$",
    re.I,
)
#: "Findings", "Key findings", "Audit findings", "Hallazgos", "Constats", "Befunde": what a review found.
_FINDINGS = re.compile(
    r"^(?:\d+[.)]?\s*)?(?:(?:key|audit|review|main)\s+)?(?:findings|hallazgos|constats|befunde)\b", re.I
)


def _ticket_or_group(b: Builder, sec: Section, ctx: Ctx) -> Ctx | None:
    """A ticket heading, unless it is a risk, a group of tickets or a prose section (see ``headings``)."""
    m = heading_id_match(strip_heading_marks(sec.title)[0])
    assert m
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


def _lists_tickets(sec: Section) -> bool:
    """Whether a ticket heading names several ids (a range, ``ML-024 through ML-038``) over a list of entries with
    ids of their own: the heading is their group, not one item."""
    return len(ids_in_text(sec.title)) >= 2 and holds_items(sec)


def _ticket(b: Builder, sec: Section, ctx: Ctx, given: tuple[str, str] | None = None) -> None:
    """The item of a ticket heading, then the sub-headings that hold items of their own, as its children."""
    rid, left = handle_ticket(b, sec, ctx, given)
    for child in left:
        b.note(child.line, f"heading {child.title!r} under item {rid}: holds items of its own, not {rid}'s fields")
        walk(b, child, replace(ctx, parent=rid))


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
    m = numbered_heading(strip_heading_marks(sec.title)[0])
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
    _ticket(b, sec, ctx, given=given)


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
    named = b.named_id_headings >= 2 or b.named_id_rows >= 2
    number = ""
    if role == "ticket":
        number = ticket_id(sec) or ""
    elif role == "numbered_item":
        number = numbered_item_id(sec) or ""
    if number.isdigit() and number in b.items and b.items[number].origin in ("numbered step", "step"):
        # "### 1. Flexible authentication" after a numbered list of work made items 1..11: the document's outline.
        b.note(sec.line, f"heading {sec.title!r}: a section number; item {number} is the numbered list's")
        role = "plain"
    # "### 1.1 Technology Stack Maturity" over its probability, impact and mitigations: a risk, numbered as a section.
    a_risk = role == "ticket" and risk_heading_id(sec, ticket_id(sec) or "") is not None
    if role == "ticket" and named and is_outline_number(ticket_id(sec) or "") and not a_risk:
        # "## 1.1 What works" in a plan whose items are "### SEC-001: x": the document's outline.
        b.note(sec.line, f"heading {sec.title!r}: a section number where the plan's item headings have named ids")
        role = "plain"
    if role == "ticket" and is_outline_number(ticket_id(sec) or "") and introduces_the_plan(sec.title) and not a_risk:
        # "### 1.1 Background", "### 1.2 优化目标" (goals): the document's own sections, not work.
        b.note(sec.line, f"heading {sec.title!r}: a numbered section about the plan, not an item")
        role = "plain"
    if role == "ticket" and outline_section(sec):
        b.note(sec.line, f"heading {sec.title!r}: a section number under its numbered chapter, no fields; not an item")
        role = "plain"
    if role == "ticket" and sec.parent is not None and _FINDINGS.match(sec.parent.bare_title):
        # "## Findings" > "### F1: Naming inconsistency (HIGH)": what a review found; the work is its actions.
        b.note(sec.line, f"heading {sec.title!r}: a finding under {sec.parent.title!r}, not a work item; kept as text")
        role = "plain"
    if role == "ticket" and (m := heading_id_match(strip_heading_marks(sec.title)[0])) and _REPORT.match(m["title"]):
        # "### M0 Burnup" over its story points and completion rate: a report on milestone M0's work, not work.
        b.note(sec.line, f"heading {sec.title!r}: a report on, or the criteria of, {m['id']}'s work; not an item")
        role = "plain"
    if role == "ticket" and groups_a_table(sec):
        # "### M0 — Qualified baseline" over a table of T01..T04: a milestone that groups its items.
        b.note(sec.line, f"heading {sec.title!r}: holds only a table of items with their own ids; a group, not an item")
        role = "plain"
    if role in ("ticket", "numbered_item") and (cited := cites_items(b.items, sec)):
        # "#### Step 5: Edge Cases - Expand Coverage (T014-T017)": a step of an outline over the plan's items.
        b.note(sec.line, f"heading {sec.title!r}: a step over items of the plan ({', '.join(cited)}); not an item")
        role = "plain"
    if role == "ticket" and groups_by_id(sec):
        b.note(sec.line, f"heading {sec.title!r}: its id opens the ids of the work under it; their group, not an item")
        role = "plain"
    if role == "ticket" and groups_a_list(sec):
        b.note(sec.line, f"heading {sec.title!r}: holds only a list of items with their own ids; a group, not an item")
        role = "plain"
    if role == "ticket" and groups_checklists(sec):
        b.note(sec.line, f"heading {sec.title!r}: holds only checklists under sub-headings; their group, not an item")
        role = "plain"
    if role in ("ticket", "numbered_item") and groups_boxes(sec):
        b.note(sec.line, f"heading {sec.title!r}: holds only boxes with their own steps; a group, not an item")
        role = "plain"
    if role == "task_group" and names_a_checklist(sec.bare_title) and after_heading_item(b, sec):
        # "### 13. Final Validation Checklist" after "### 12. Update docs", each an item: a step of the same list,
        # its boxes what it checks.
        b.note(sec.line, f"heading {sec.title!r}: a numbered step among steps made items; its boxes are its checks")
        role = "ticket" if ticket_id(sec) else "numbered_item"
    if role == "ticket" and groups_marked(sec):
        # "#### P1.1 - Search & Replace (High Priority)" over "- 📋 Find text", "- 📋 Replace": the work, ticked off.
        b.note(sec.line, f"heading {sec.title!r}: holds only work marked as the plan's legend says; a group")
        role = "plain"
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


# ---------------------------------------------------------------------- generic blocks


# ---------------------------------------------------------------------- phases
def handle_phase(b: Builder, sec: Section, ctx: Ctx) -> Ctx:
    m = PHASE_RE.match(sec.bare_title)
    assert m
    pid = m.group("num")
    title = plain(m.group("title"), keep_code=True) or sec.title
    values: dict[str, Any] = {"id": pid, "title": title}
    wm = re.search(r"\s*\(([^)]*)\)\s*$", title)
    if m.group("extra"):
        values["window"] = m.group("extra")
    elif wm and re.search(r"\b(weeks?|days?|sprints?|q[1-4]|\d{4})\b", wm.group(1), re.I):
        values["window"] = wm.group(1)
        values["title"] = title[: wm.start()].strip()
    counter = [0]
    for blk in sec.blocks:
        if isinstance(blk, ListBlock) and not blk.has_checkboxes:
            fields = phase_task_entries(b, sec, pid, blk, counter)
            if phase_fields(b, fields, values) or len(fields) < len(blk.items):
                b.consume(blk, sec)
    for child in sec.children:
        # "TASK-010: Set up" opens with a task word but is an item of its own, not the phase's list of them.
        # "### Week 1: Setup" over a task table is a part of the phase, numbered, with its own work; "### Exit
        # criteria" over bullets is one of the phase's fields.
        own_work = re.search(r"\d", child.title) or any(isinstance(blk, Table) for blk in child.blocks)
        key = None if heading_role(child) == "ticket" or own_work else phase_key(child.title)
        if key == "window" and any(isinstance(blk, ListBlock) and blk.has_checkboxes for blk in child.blocks):
            key = None  # "### Timeline & Activities" over "- [ ] Daily activity posts": a feature's work, not dates
        entries = [it for blk in child.blocks if isinstance(blk, ListBlock) for it in blk.items]
        if key == "items" and (
            any(isinstance(blk, ListBlock) and blk.has_checkboxes and ids_given(blk.items) for blk in child.blocks)
            or any(not b.refs_in(plain(it.text)) for it in entries)
        ):
            # "### Tasks" over "- [x] **0.1** Install the SDK" or "- [ ] Inventory the endpoints": the phase's own
            # items, written out here, not references to items made elsewhere ("- T-1, T-2"); read where they
            # stand, with this phase.
            continue
        if key:
            texts = [
                plain(it.text, keep_code=True) for blk in child.blocks if isinstance(blk, ListBlock) for it in blk.items
            ]
            phase_value(b, key, texts, values)
            for blk in child.blocks:
                b.consume(blk, child)
            b.mark(child)
            # Read into the phase, not dropped: the report says where it went (the guided import marks it so).
            what = f"{key} criteria" if key in ("exit", "entrance") else key.replace("_", " ")
            b.used(child.line, f"section {child.title!r} -> the {what} of phase {pid!r}")
    phase_label_lists(b, sec, pid, values, counter)
    b.records["phases"].append(Rec("phases", values, sec.line, "phase"))
    b.mark(sec)
    b.used(
        sec.line,
        f"phase heading -> phase {pid!r}"
        + (f" with {len(values.get('items', []))} listed items" if values.get("items") else ""),
    )
    inner = replace(ctx, phase=pid)
    handle_plain(b, sec, inner)
    return inner


_HANDLERS = {
    "status_group": handle_status_group,
    "ticket": lambda b, s, c: _ticket_or_group(b, s, c),
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
