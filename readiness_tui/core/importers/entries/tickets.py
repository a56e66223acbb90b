"""Ticket sections: ``### CODEX-P0-001: Title``, the item its heading names (its id, title, state and priority), and
its sub-headings; the blocks under it are read by ``ticket_blocks``, which streams reuse."""

from __future__ import annotations

import re
from itertools import islice
from typing import Any

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.assembly.item_titles import CLOSING_BRACKET
from readiness_tui.core.importers.document.blocks import (
    ListBlock,
    ListItem,
    Paragraph,
    Section,
    Table,
    plain,
)
from readiness_tui.core.importers.document.fields import split_keyval
from readiness_tui.core.importers.entries.entry_names import SLOT_LABEL
from readiness_tui.core.importers.entries.inline import inline_fields
from readiness_tui.core.importers.entries.item_steps import children_take, steps_into, task_boxes_into
from readiness_tui.core.importers.entries.key_bullets import apply_key, link_risks
from readiness_tui.core.importers.entries.lists import entry_has_id
from readiness_tui.core.importers.entries.ticket_blocks import ticket_blocks
from readiness_tui.core.importers.sections.heading_numbers import document_fact
from readiness_tui.core.importers.sections.heading_priority import closing_priority
from readiness_tui.core.importers.sections.heading_words import schedule_unit
from readiness_tui.core.importers.sections.lead_ins import is_criteria, is_task_label
from readiness_tui.core.importers.sections.patterns import (
    TICKET_RE,
    Ctx,
    heading_id_match,
    strip_heading_marks,
)
from readiness_tui.core.importers.tables.tables import handle_table
from readiness_tui.core.importers.vocabulary.dates import duration_days
from readiness_tui.core.importers.vocabulary.headers import custom_key, header_field
from readiness_tui.core.importers.vocabulary.priorities import parse_priority
from readiness_tui.core.importers.vocabulary.statuses import exact_status
from readiness_tui.core.importers.vocabulary.title_states import bracketed_state, trailing_status


# ---------------------------------------------------------------------- tickets
def handle_ticket(
    b: Builder, sec: Section, ctx: Ctx, given: tuple[str, str] | None = None
) -> tuple[str, list[Section]]:
    """An item from a heading that opens with its id, or one whose (id, title) the caller ``given``: a
    numbered heading of a list of items, a heading a recipe labels as one item. Its sub-headings are its fields
    and steps, but those that hold items of their own (``own_work``): the item's id and those sub-headings are
    returned, for the caller to read them as the item's children."""
    head, marks = strip_heading_marks(sec.title)
    if given:
        rid, title = given
    else:
        m = heading_id_match(head)
        assert m
        rid = m.group("id")
        title_md = sec.heading.text if sec.heading else ""
        # Keep the title's code spans: cut the id off the heading's Markdown.
        title = strip_heading_marks(plain(title_md, keep_code=True))[0]
        tm = heading_id_match(title) if TICKET_RE.match(title) else None
        title = tm.group("title") if tm else m.group("title")
    title, piped = _piped_fields(title)
    opened = _OPENING_STATE.match(title)
    if opened and (said := exact_status(opened.group("state"))) and opened.end() < len(title):
        # "### ⏳ P1.2 进行中 - 家务排班表前端": the state in words after the id, then the name; the words say more than a
        # mark before the id did.
        marks["status"] = said
        title = title[opened.end() :]
    title, fields = inline_fields(b, title, sec.line, rid)
    for key, value in piped:
        if key == "priority":
            fields.setdefault("priority", value)
        else:
            fields.setdefault("custom", {})[key] = value
    # "### T-4 — Search — implemented": the heading closes with the item's state (which a bold "**DONE**" there may
    # have said already); the state is the item's status, not part of its name.
    bare, state = trailing_status(title)
    if state is None:
        bare, state = bracketed_state(title)  # "### TASK-034: Tích hợp Zalo OA (⏸️ WAITING)"
    if state and "status" not in fields and "status" not in marks:
        fields["status"] = state
        b.note(sec.line, f"{rid}: the heading's closing word read as status {state}")
    if state and fields.get("status", marks.get("status")) == state:
        title = bare
    # "MVF-1: Chat Readability Overhaul (Critical)": the priority (read as the heading's, ``heading_priority``) is no
    # part of the item's name.
    title = closing_priority(title)[0]
    title, timing = _closing_timing(title)
    values: dict[str, Any] = {"id": rid, "title": title, "kind": "ticket"}
    own_prio = marks.pop("priority", None)
    prio = own_prio or ctx.priority
    if prio is None:
        pm = re.search(r"(?:^|-)P([0-3])(?:-|$)", rid)
        if pm:
            prio = f"P{pm.group(1)}"
            b.note(sec.line, f"{rid}: priority {prio} taken from the id")
    values.update(ctx.item_fields(group_phase=True))
    if prio:
        values["priority"] = prio
    mit = fields.pop("_mitigates", [])
    values.update(fields)
    if "estimate_days" in timing:
        values.setdefault("estimate_days", timing["estimate_days"])
    if "custom" in timing:
        values.setdefault("custom", {}).update(timing["custom"])
    values.update(marks)
    if "status" in marks:
        b.status_stated.add(rid)
    desc: list[str] = []
    steps: list[ListItem] = []
    ticket_blocks(b, sec, sec.blocks, values, rid, desc, steps)
    left: list[Section] = []
    grouped = False  # steps came from its sub-headings too
    checked: list[ListItem] = []  # the boxes of its acceptance criteria
    for child in sec.children:
        if own_work(child):
            left.append(child)
            continue
        key = child.title
        lists = [blk for blk in child.blocks if isinstance(blk, ListBlock)]
        b.mark(child)
        boxes = [it for blk in lists if blk.has_checkboxes for it in blk.items if it.checked is not None]
        if boxes and is_criteria(key):
            checked += boxes
        # "### ✅ Prerequisites" over "- [ ] Q01.1.1 completed": what the item waits on, read as that key (below).
        waits = header_field(key) == "depends_on"
        if boxes and not is_criteria(key) and not waits and not any(entry_has_id(it) for it in boxes):
            # "##### Backend Tasks:" over boxes: the tasks the heading calls them, the item's child items; else
            # "### Core Functions" over "- [x] Create status.go" inside a task's section: its steps, grouped.
            tasks = is_task_label(plain(key).strip(" :："), boxes=True) or _sub_headings_hold_tasks(sec)
            if not (tasks and task_boxes_into(b, rid, boxes, values, key)):
                grouped = True
                steps.extend(boxes)
            lists = [blk for blk in lists if not blk.has_checkboxes]
            for blk in child.blocks:
                if isinstance(blk, ListBlock) and blk.has_checkboxes:
                    b.consume(blk, child)
        if lists and values.get("title") and header_field(key) == "title":
            # "### Action" under "## CAR-01: Provider layer": the heading named the item; the list says what to do.
            steps_text = "; ".join(plain(it.text, keep_code=True) for blk in lists for it in blk.items)
            desc.append(f"{key}: {steps_text}")
            for blk in lists:
                b.consume(blk, child)
        elif lists:
            fake = ListItem(child.line, child.end, key + ":")
            fake.children = lists
            apply_key(b, key, "", fake, values, rid)
            for blk in lists:
                b.consume(blk, child)
        for cblk in child.blocks:
            if isinstance(cblk, Paragraph):
                desc.append(f"{key}: {plain(cblk.text, keep_code=True)}")
                b.consume(cblk, child)
            elif isinstance(cblk, Table):
                handle_table(b, cblk, child)
    if desc:
        # After a description its fields gave (a "| Description | … |" row), not in its place.
        values["description"] = "\n".join([*([str(values["description"])] if values.get("description") else []), *desc])
    if steps:
        # A priority the enclosing heading gives every item under it is no field this heading states.
        inherited = ("priority",) if prio and not own_prio and "priority" not in fields else ()
        steps_into(b, rid, steps, values, steps[0].line, own_boxes=not grouped, inherited=inherited)
    if ctx.priority:
        children_take(values, {"priority": ctx.priority})
    ticked = sum(1 for it in checked if it.box == "done")
    if checked and ticked and "status" not in values and not steps:
        # "##### ✅ Critérios de Aceitação" over its boxes, and no state said: the criteria met say how far it is.
        values["status"] = "done" if ticked == len(checked) else "in_progress"
        b.note(sec.line, f"{rid}: {ticked} of its {len(checked)} acceptance boxes ticked: {values['status']}")
    if "status" in values:
        b.status_stated.add(rid)
    if not values.get("title"):
        # "### AAA-001" over "- **Finding:** Helper text misses 7:1": the field that says what it is about names it.
        values["title"] = _title_field(values) or rid
    b.add_item(values, sec.line, "ticket")
    link_risks(b, rid, mit, sec.line)
    b.mark(sec)
    b.used(
        sec.line, f"ticket section {rid!r} -> item" + (f" ({prio} from the enclosing heading)" if ctx.priority else "")
    )
    return rid, left


def own_work(child: Section) -> bool:
    """Whether a sub-heading of an item holds items of its own rather than the item's fields or steps: a heading
    that opens with an id (``### 1.1: Implement the client``), or boxes that name their own ids
    (``- [ ] **1.2:** Create the types``), or a week of its schedule over a list."""
    if (
        child.heading is not None
        and heading_id_match(strip_heading_marks(child.title)[0])
        and not is_criteria(child.title)
    ):
        return True
    if schedule_unit(child.bare_title) and any(isinstance(blk, ListBlock) for blk in child.blocks):
        return True  # "#### Week 1-2: Foundation" over its numbered work: a week of the item's schedule
    return any(
        entry_has_id(it)
        for blk in child.blocks
        if isinstance(blk, ListBlock) and blk.has_checkboxes
        for it in blk.items
        if it.checked is not None
    )


#: A ticket's title opening with its state, then a dash: "进行中 - 家务排班表前端", "In progress — Export".
_OPENING_STATE = re.compile(r"^(?P<state>[^-—–:]{2,20}?)\s+[-—–]\s+(?=\S)")


def _closing_timing(title: str) -> tuple[str, dict[str, Any]]:
    """A ticket's title without the bracket closing it that only says when the work falls and how long it takes
    (``Package Manager Infrastructure (Weeks 1-2, 24-32 hours)``), and what it says: the effort as the estimate (its
    upper end, in working days), the weeks as written."""
    m = CLOSING_BRACKET.search(title)
    if m is None or m.start() == 0:
        return title, {}
    parts = [p.strip() for p in m.group(1).split(",") if p.strip()]
    when = [p for p in parts if SLOT_LABEL.fullmatch(p)]
    took = [days for p in parts if (days := duration_days(p)) is not None]
    if not parts or len(when) + len(took) != len(parts) or len(took) > 1:
        return title, {}
    said: dict[str, Any] = {"estimate_days": took[0]} if took else {}
    if when:
        said["custom"] = {"when": when[0]}
    return title[: m.start()].rstrip(), said


def _piped_fields(title: str) -> tuple[str, list[tuple[str, str]]]:
    """``Framework review | Cx: 8 | P0``: the title, then (field, value) of each part after a pipe — a priority
    alone, or a ``key: value`` kept as written."""
    parts = [p.strip() for p in title.split(" | ")]
    if len(parts) < 2:
        return title, []
    out: list[tuple[str, str]] = []
    for part in parts[1:]:
        prio, _ = parse_priority(part)
        kv = split_keyval(part)
        if prio and len(part.split()) <= 2:
            out.append(("priority", prio))
        elif kv:
            out.append((custom_key(kv[0]), plain(kv[1])))
        else:
            return title, []  # a pipe inside the title itself
    return parts[0], out


#: Fields that say what an item is about, in the order one names it best (custom keys, as ``custom_key`` makes them).
_TITLE_KEYS = ("summary", "finding", "issue", "problem", "goal", "name", "what")


def _title_field(values: dict[str, Any]) -> str:
    """The first line of the item's field that best says what it is about, or of its description; "" if none."""
    custom = values.get("custom", {})
    said = next((str(custom[k]) for k in _TITLE_KEYS if custom.get(k)), "") or str(values.get("description", ""))
    return said.strip().split("\n")[0].strip()


def _sub_headings_hold_tasks(sec: Section) -> bool:
    """Whether the plan calls the boxes under its sections' sub-headings tasks (``##### Backend Tasks:``, two such
    sub-headings at least): then the boxes under its other sub-headings (``##### Security Checklist:``) are tasks too,
    child items of their section (a plan is one shape)."""
    root = sec.root

    def find() -> bool:
        named = (
            s
            for s in root.walk()
            if s.heading is not None
            and s.parent is not None
            and s.parent.heading is not None
            and is_task_label(plain(s.bare_title).strip(" :："), boxes=True)
            and any(isinstance(blk, ListBlock) and blk.has_checkboxes for blk in s.blocks)
        )
        return len(list(islice(named, 2))) == 2

    return document_fact(root, "sub-headings hold tasks", find)
