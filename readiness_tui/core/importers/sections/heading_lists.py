"""Sections whose heading says what their lists are: a list of actions, tasks or steps ("## Next Actions", "##
Backlog"), a kanban board's status column ("## Done"), a priority group ("## P0 tickets", "## 🔴 Urgent"), and a
template (not data). Each entry of such a list is an item, numbered by the list (``A1``, ``T1``, ``S1``)."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.assembly.result import Rec
from readiness_tui.core.importers.document.blocks import (
    ListBlock,
    ListItem,
    Other,
    Paragraph,
    Section,
    Table,
    plain,
    without_entries,
)
from readiness_tui.core.importers.document.fields import plain_bullets, split_keyval
from readiness_tui.core.importers.entries.entry_ids import (
    ID_SLUG,
    bracket_slugs,
    id_slugs,
    opening_mark,
    struck_list,
    trailing_ids,
)
from readiness_tui.core.importers.entries.entry_names import labelled_entry
from readiness_tui.core.importers.entries.inline import inline_fields
from readiness_tui.core.importers.entries.phase_lists import phase_cards
from readiness_tui.core.importers.guided.recipe import chosen_label, chosen_list, recipe_option
from readiness_tui.core.importers.references.ids import id_span, title_initials
from readiness_tui.core.importers.references.refs import ids_in_text
from readiness_tui.core.importers.sections.board_columns import column_state
from readiness_tui.core.importers.sections.generic import handle_comment, handle_plain, read_lists
from readiness_tui.core.importers.sections.heading_numbers import document_fact, document_root
from readiness_tui.core.importers.sections.heading_priority import group_priority
from readiness_tui.core.importers.sections.headings import heading_role
from readiness_tui.core.importers.sections.lead_ins import list_lead_in
from readiness_tui.core.importers.sections.patterns import PRIO_GROUP_RE, Ctx, leading_id
from readiness_tui.core.importers.sections.phases import marked_list
from readiness_tui.core.importers.vocabulary.headers import header_field
from readiness_tui.core.importers.vocabulary.priorities import parse_priority
from readiness_tui.core.importers.vocabulary.title_states import status_heading

_TASKY = re.compile(r"\b(tasks?|backlog|work items?|to-?dos?|steps|action items|actions?|next steps)\b", re.I)


def handle_actions(b: Builder, sec: Section, ctx: Ctx) -> Ctx:
    """Plain lists under "Next Actions", "Tasks", "Backlog", "Steps": each entry an item, A1/T1/... by number."""
    tasky = _TASKY.search(sec.title)
    word = (tasky.group(1) if tasky else "action").lower()
    is_action = word.startswith(("action", "next"))
    prefix = "A" if is_action else ("S" if word == "steps" else "T")
    # A section a person labelled items names its items as they wrote them: no entry of it is taken for a lead-in.
    lead_ins = chosen_label(sec) != "items"
    return read_entry_lists(b, sec, ctx, prefix, "action" if is_action else "task", lead_ins=lead_ins)


#: Words of an entry about working the plan itself: "Review this plan", "for each task", "through the task queue",
#: "Log progress", "Daily standup".
_RUNS_THE_PLAN = re.compile(
    r"\b(?:this (?:plan|doc(?:ument)?|roadmap)|the (?:plan|task queue|backlog)|each task|every task|task queue|"
    r"progress|stand-?ups?|retro(?:spective)?s?|kick-?off)\b",
    re.I,
)


def _runs_the_plan(b: Builder, blk: ListBlock) -> bool:
    """Whether most entries (three at least) speak of working through the plan, or only say which of its items to
    start with ("Start with T1.1"), in a plan that has items already."""
    if not b.items or len(blk.items) < 3:
        return False
    said = [plain(it.text) for it in blk.items]
    about = sum(1 for t in said if _RUNS_THE_PLAN.search(t) or any(i in b.items for i in ids_in_text(t)))
    return about * 4 >= len(said) * 3


def _areas_of_work(blk: ListBlock) -> bool:
    """Whether each entry names an area and then the work in it ("- Governance: Create the team; update CODEOWNERS",
    "- Ops: Add coverage after team creation"): no key names a field, and each says what to do in three words or
    more, as no field's value does."""
    pairs = [split_keyval(it.text) for it in blk.items]
    return not blk.ordered and all(
        kv is not None
        and _AREA.search(plain(kv[0])) is not None
        # "**This week:** delegate P0 to Dev": when, not where.
        and _WHEN.search(plain(kv[0])) is None
        # "- P0: Must have for launch": a legend of the plan's priorities, no area.
        and parse_priority(plain(kv[0]))[0] is None
        and header_field(kv[0]) is None
        and len(plain(kv[1]).split()) >= 3
        and not it.children
        for it, kv in zip(blk.items, pairs, strict=True)
    )


#: A line leading in what is said about the work, not more of it: "Notes", "**Links:**", "References".
_NOTES_LABEL = re.compile(
    r"^(?:notes?|remarks|comments|links?|references?|resources|sources|see also|glossary|(?:open )?questions)$", re.I
)


def _leads_in_notes(sec: Section, blk: ListBlock) -> bool:
    """Whether the line right above ``blk`` leads it in as notes, links or questions ("Notes", "**Links:**")."""
    par = sec.block_before(blk)
    if not isinstance(par, Paragraph) or "\n" in par.text.strip():
        return False
    label = list_lead_in(sec, blk) or plain(par.text).strip()
    return bool(_NOTES_LABEL.match(label))


#: Words of a time, not an area: "This week", "Before merge", "Sprint 2", "Q3".
_WHEN = re.compile(
    r"\b(?:today|tomorrow|tonight|now|next|later|soon|before|after|until|by|day|week|month|quarter|year|sprint|"
    r"phase|stage|step|milestone|weekend|monday|tuesday|wednesday|thursday|friday|q[1-4])s?\b",
    re.I,
)

#: A word naming an area of work ("Ops", "CI Webhook"), not a code ("P0", "v2").
_AREA = re.compile(r"[^\W\d_]{3,}")


def read_entry_lists(b: Builder, sec: Section, ctx: Ctx, prefix: str, kind: str, lead_ins: bool = False) -> Ctx:
    """The plain lists of ``sec`` (no boxes, no ids, not fields), each entry an item ``<prefix><n>``; its other blocks
    as anywhere else. ``lead_ins``: under a heading of actions, an entry that is only a bold label and its colon
    leads in the entries under it ("1. **This Week**:"); elsewhere it names its work ("**User Management**:" under
    "## Completed Milestones")."""

    labelled = chosen_label(sec) == "items"

    def read(blk: ListBlock) -> str | None:
        if (
            # A person's [lists] label for this list's lead-in beats the heading: read where the recipe is asked.
            chosen_list(list_lead_in(sec, blk)) == "text"
            or blk.has_checkboxes
            or struck_list(blk)  # "- ~~Fix the button~~ ✓ **DONE**": boxes drawn by a strike, read as boxes are
            # "- **[natif-photos]** module Camera": entries named by slugs, read as entries with ids are.
            or any(bracket_slugs([plain(it.text) for it in blk.items]))
            # "1. **Appoint a DPO**" over its own boxes: the boxes are the work, read as under any numbered topic.
            or blk.groups_boxes
            or any(leading_id(plain(it.text)) for it in blk.items)
            # Fields, each with its value; "**Monthly notes**:" over bullets is a title leading them in. Where the person
            # labelled the section items, only a key naming a field is one ("**Monitor Progress**: Use …" is work).
            or (
                all(
                    (kv := split_keyval(it.text))
                    and (kv[1].strip() or not it.children)
                    and (not labelled or header_field(kv[0]) is not None)
                    for it in blk.items
                )
                and not _areas_of_work(blk)
            )
        ):
            return None
        if not labelled and _leads_in_notes(sec, blk):
            # "Notes" over "- Keep items atomic": what the writer notes about the list above, not more of it.
            b.consume(blk, sec)
            b.keep_text(blk, sec.title, f"list under {sec.title!r} led in as notes: not work; kept as text")
            return None
        if kind == "action" and not labelled and _runs_the_plan(b, blk):
            # "1. **Review this plan** with team", "3. **Start with T1.1**", "6. **Daily standup**": how the plan is
            # to be worked through, beside the work it lists.
            b.consume(blk, sec)
            b.keep_text(
                blk, sec.title, f"list under {sec.title!r}: how the plan is to be worked, not work; kept as text"
            )
            return None
        made = []
        nums = [it.number if blk.ordered and it.number is not None else n for n, it in enumerate(blk.items, start=1)]
        # A1, A2 … unless the plan has them: then the heading's initials lead (DS-A1), numbered on (DS2-A1) when a
        # list before this one under the same heading took those: every list's entries are items of their own.
        lead, stem, k = prefix, title_initials(sec.title), 1
        taken = {i.lower() for i in b.items}  # "a1" of a chart's tasks is taken for "A1" too: one id to a reader
        while any(f"{lead}{num}".lower() in taken for num in nums):
            lead, k = f"{stem}{k if k > 1 else ''}-{prefix}", k + 1
        entries: list[tuple[ListItem, str, str]] = []
        parents: dict[str, str] = {}  # child item -> the entry it is under (the recipe's sub_bullets)

        def add_kids(entry: ListItem, rid: str) -> None:
            kids = plain_bullets(entry)
            for k, x in enumerate(kids, start=1):
                entries.append((x, f"{rid}.{k}", ""))
                parents[f"{rid}.{k}"] = rid
                add_kids(x, f"{rid}.{k}")  # and theirs, each level down

        # "[Fix the cohort list](…) — GitHub #102": the issue an entry closes on names it (two entries or more so).
        issues = {
            id(it): tail
            for it, tail in zip(blk.items, trailing_ids([plain(it.text) for it in blk.items]), strict=True)
            if tail and tail[0].startswith("#") and tail[0] not in b.items
        }
        # "- A-6-plan-12-week" under "## Backlog": a card named by its id and its slug (the plan writes three or more).
        slugs = {
            id(it): slug
            for it, slug in zip(
                blk.items, id_slugs([plain(it.text) for it in blk.items], _id_slugs(b, sec)), strict=True
            )
            if slug and slug[0] not in b.items
        }
        phases = phase_cards(b, blk)
        for it, num in zip(blk.items, nums, strict=True):
            if id(it) in slugs:
                entries.append((replace(it, text=slugs[id(it)][1]), slugs[id(it)][0], ""))
                continue
            if id(it) in phases:
                # "- Phase 3: Voting (🔴)" under "## In Progress": the phase is the card, named by its number.
                entries.append((replace(it, text=phases[id(it)][1]), phases[id(it)][0], ""))
                continue
            if id(it) in issues:
                entries.append((replace(it, text=issues[id(it)][1]), issues[id(it)][0], ""))
                continue
            subs = [x for x in it.sub_items() if x.checked is None]
            # The recipe's sub_bullets = "groups": every entry with bullets under it names their group.
            led = subs and (
                (lead_ins and _LEAD_IN_ENTRY.match(it.text.strip())) or recipe_option("sub_bullets") == "groups"
            )
            if not led or any(_REFERENCE.match(x.text) for x in subs):
                entries.append((it, f"{lead}{num}", ""))
                if recipe_option("sub_bullets") == "items":
                    # The recipe's sub_bullets = "items": the bullets under the entry are its child items.
                    add_kids(it, f"{lead}{num}")
                continue
            # "1. **This Week**:" over "- Complete the chart of accounts": a label leading its entries in, their group
            # ("5. **Read the guides:**" over links to them is a task, what it covers beneath it).
            name = plain(it.text).strip().rstrip(" :：")
            b.note(it.line, f"list entry {name!r} leads in the entries under it: their group, not an item")
            entries += [(x, f"{lead}{num}.{k}", name) for k, x in enumerate(subs, start=1)]
        for it, rid, group in entries:
            b.made_ids.add(rid)
            text = plain(it.text, keep_code=True)
            text = text.rstrip(" :：") if it.children else text
            title, fields = inline_fields(b, text, it.line, rid, md=it.text)
            if marked := opening_mark(title):
                # "- ✓ CivicWeb scraper — v1.0": the mark says its state (before any the heading says), not its title.
                title, fields["status"] = marked[1], marked[0]
            title, description = labelled_entry(b, it, title)  # "**Update DNS**: Point traffic …": named by the label
            values: dict[str, Any] = {"id": rid, "title": title, "kind": kind}
            if rid in parents:
                values["parent"] = parents[rid]
            if rid in parents.values():
                description = without_entries(description, it.sub_items())
            if group:
                values["workstream"] = group
            ws = re.search(r"\b(?:streams?|workstreams?)\s+\d+(?:\s*(?:-|–|to|and|,)\s*\d+)*", plain(it.text), re.I)
            if ws:
                values["workstream"] = ws.group(0)
            values.update(ctx.item_fields())
            fields.pop("_mitigates", None)
            values.update(fields)
            if description:
                values["description"] = description
            if b.add_item(values, it.line, kind):
                made.append(rid)
        return f"{kind} list under {sec.title!r} -> items {id_span(made)}"

    return read_lists(b, sec, ctx, read)


#: An entry that is only a bold label and its colon: ``**This Week**:``, ``**Immediate Actions:**``.
_LEAD_IN_ENTRY = re.compile(r"^\*\*[^*]+(?::\*\*|\*\*\s*:)$")


#: An entry that only refers to a document: a link, or a file's name.
_REFERENCE = re.compile(r"^\s*(?:\[[^\]]*\]\([^)]*\)|`?[\w./-]+\.(?:md|txt|pdf|docx?|html?)\b)")


def handle_template(b: Builder, sec: Section, ctx: Ctx) -> None:
    b.mark(sec)
    b.templates.add(id(sec))
    for s in sec.walk():
        for blk in s.blocks:
            if isinstance(blk, Other) and blk.kind == "html_block":
                handle_comment(b, blk, s)
    b.skipped(sec.line, f"section {sec.title!r} is a template, not data")
    return None


def handle_prio_group(b: Builder, sec: Section, ctx: Ctx) -> Ctx:
    m = PRIO_GROUP_RE.match(sec.bare_title)
    assert m
    number = m.group("prio") or m.group("num")
    prio = group_priority(sec.bare_title)
    # "## 🔴 Urgent Priority Tasks" > "### Infrastructure" > "1. **Origin Server Connection**": lists under its
    # subheadings are what it ranks too.
    has_items = any(heading_role(c) in ("ticket", "numbered_item") for c in sec.children) or any(
        isinstance(blk, (Table, ListBlock)) for s in sec.walk() for blk in s.blocks
    )
    if not has_items:
        return handle_plain(b, sec, ctx)
    values: dict[str, Any] = {
        "id": prio,
        "title": f"{prio} {m.group('title')}".strip() if number else sec.bare_title,
    }
    if m.group("extra"):
        values["window"] = m.group("extra")
    if not any(r.values.get("id") == prio for r in b.records["phases"]):  # "High priority" twice: one phase
        b.records["phases"].append(Rec("phases", values, sec.line, "priority group"))
    b.mark(sec)
    b.used(sec.line, f"priority group heading -> priority {prio} for what it holds, phase {prio!r}")
    inner = replace(ctx, priority=prio, group_phase=prio)
    handle_plain(b, sec, inner)
    return inner


def handle_status_group(b: Builder, sec: Section, ctx: Ctx) -> Ctx:
    """A heading that is a status (a kanban board's column): the items under it have that status unless
    they say otherwise."""
    status = status_heading(sec.bare_title)
    assert status
    b.defaults.append((sec.line, sec.end, {"status": status}))
    b.used(sec.line, f"heading {sec.title!r}: status {status} for the items under it")
    # "## Done" then "- Set up CI", "- Write docs" beside "## In Progress": a board's columns written as bullets,
    # each entry a card; so are bullets each ticked off by its mark ("## ✅ Completed" over "- ✅ **Dashboards** -
    # iPad dashboards built") whatever headings stand beside.
    marked = status == "done" and any(
        isinstance(blk, ListBlock)
        and marked_list(blk)
        and all((mark := opening_mark(plain(it.text))) and mark[0] == "done" for it in blk.items)
        for blk in sec.blocks
    )
    return read_entry_lists(b, sec, ctx, "T", "task") if column_state(sec) or marked else handle_plain(b, sec, ctx)


def handle_board_list(b: Builder, sec: Section, ctx: Ctx) -> Ctx:
    """One more list of a board written as lists (``headings.board_list``): each bullet a card, its state unstated."""
    b.used(sec.line, f"heading {sec.title!r}: a list of the board beside its columns; its bullets are cards")
    return read_entry_lists(b, sec, ctx, "T", "task")


def _id_slugs(b: Builder, sec: Section) -> int:
    """How many of the plan's bullets are each one id-slug (``entry_ids.ID_SLUG``), counted once per import."""
    bullet = re.compile(r"^\s*[-*+]\s+(\S+)\s*$")
    return document_fact(
        document_root(sec),
        "id-slug bullets",
        lambda: sum(1 for ln in b.lines if (m := bullet.match(ln)) and ID_SLUG.match(m.group(1))),
    )
