"""Blocks read where they stand, whatever the heading: tables, checklists (``box_lists`` says whether their boxes
are work), lists of ids, risk-to-task and phase lists, HTML comments. Every section handler hands the blocks it does
not own to ``generic_block``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.assembly.result import Rec
from readiness_tui.core.importers.document.blocks import ListBlock, ListItem, Other, Paragraph, Section, Table, plain
from readiness_tui.core.importers.document.fields import split_keyval
from readiness_tui.core.importers.entries.action_entries import action_entries
from readiness_tui.core.importers.entries.entry_ids import entry_id, struck_list
from readiness_tui.core.importers.entries.id_lists import id_list, list_leads
from readiness_tui.core.importers.entries.labels import label_lines
from readiness_tui.core.importers.entries.lists import checklist
from readiness_tui.core.importers.entries.phase_lists import phase_entry, phase_list
from readiness_tui.core.importers.entries.risk_bullets import arrow_left_id, labelled_risks, risk_list
from readiness_tui.core.importers.guided.recipe import RECIPE, chosen_label, chosen_list
from readiness_tui.core.importers.references.ids import RISK_ID_RE, id_span, is_id
from readiness_tui.core.importers.sections.bold_steps import bold_steps
from readiness_tui.core.importers.sections.box_lists import read_boxes
from readiness_tui.core.importers.sections.bullet_entries import read_list
from readiness_tui.core.importers.sections.fenced import yaml_tasks
from readiness_tui.core.importers.sections.heading_groups import named_group
from readiness_tui.core.importers.sections.heading_numbers import is_outline_number
from readiness_tui.core.importers.sections.heading_words import context_heading
from readiness_tui.core.importers.sections.headings import heading_role
from readiness_tui.core.importers.sections.lead_ins import list_lead_in
from readiness_tui.core.importers.sections.numbered_waits import numbered_waits
from readiness_tui.core.importers.sections.patterns import ARROW_RE, PHASE_RE, Ctx, Walk, title_has
from readiness_tui.core.importers.sections.people_lists import roster
from readiness_tui.core.importers.sections.phases import legend_marked, marked_list
from readiness_tui.core.importers.sections.restated import restated_priorities
from readiness_tui.core.importers.tables.tables import handle_table
from readiness_tui.core.importers.vocabulary.headers import custom_key, header_field, own_field
from readiness_tui.core.importers.vocabulary.statuses import exact_status
from readiness_tui.core.importers.vocabulary.words import UNSPACED_CHAR


def handle_notes(b: Builder, sec: Section, ctx: Ctx) -> Ctx:
    """A section the plan says holds no tasks ("Things to remember (not tasks)"): its lists stay text."""
    for block in sec.blocks:
        if isinstance(block, ListBlock):
            b.note(block.line, f"list under {sec.title!r}: the heading says these are not tasks; kept as text")
        else:
            generic_block(b, block, sec, ctx)
    return ctx


def handle_text(b: Builder, sec: Section, ctx: Ctx, walk: Walk) -> None:
    """A section a recipe labels ``text``: a person's word beats every guess, so nothing in it is read as items, not
    its tables, lists or the headings under it; the whole section is kept as text ([[sections]]). A heading under it
    that the recipe labels itself is read as labelled: the narrower choice wins. The title's label is for the
    blocks right under it: the plan's sections are read as ever."""
    b.note(sec.line, f"section {sec.title!r}: the recipe says text; kept as text, no items")
    for block in sec.blocks:
        if isinstance(block, (Table, ListBlock)):
            b.note(block.line, f"{type(block).__name__.lower()} under {sec.title!r}: the recipe says text; not items")
    recipe = RECIPE.get()
    for child in sec.children:
        if sec.is_title or (recipe is not None and recipe.section_label(child.bare_title) is not None):
            walk(b, child, ctx)


def handle_plain(b: Builder, sec: Section, ctx: Ctx) -> Ctx:
    for block in sec.blocks:
        generic_block(b, block, sec, ctx)
    return ctx


#: Reads a list its section owns into the board and says what it made of it (reported as used), or None when the
#: list is not one it reads: such a list is then read as it would be anywhere else.
ListReader = Callable[[ListBlock], "str | None"]


def read_lists(b: Builder, sec: Section, ctx: Ctx, read: ListReader) -> Ctx:
    """Each list of the section through ``read``; the lists it declines and every other block as anywhere else."""
    for block in sec.blocks:
        if isinstance(block, ListBlock):
            said = read(block)
            if said is not None:
                b.consume(block, sec)
                b.used(block.line, said)
                continue
        generic_block(b, block, sec, ctx)
    return ctx


def generic_block(b: Builder, block: Any, sec: Section, ctx: Ctx) -> None:
    if id(block) in b.used_blocks:
        return
    if isinstance(block, Table):
        kind = "tracker" if title_has(sec, "tracker") else "task"
        handle_table(b, block, sec, kind, ctx.item_fields(group_phase=True))
    elif isinstance(block, ListBlock):
        generic_list(b, block, sec, ctx)
    elif isinstance(block, Other) and block.kind == "html_block":
        handle_comment(b, block, sec)
    elif isinstance(block, Other) and block.kind == "fence":
        yaml_tasks(b, block, sec, "task")
    elif isinstance(block, Other) and block.kind == "contents":
        b.note(block.line, "a table of contents (links to the plan's own headings): navigation, no items")
    elif isinstance(block, Paragraph):
        label_lines(b, block, sec, ctx)


def generic_list(b: Builder, lst: ListBlock, sec: Section, ctx: Ctx) -> None:
    entries = lst.items
    if not entries:
        return
    # First under its heading, or after a quoted note only ("> **Origen**: Punto 7"), which leads nothing in.
    at = next((n for n, blk in enumerate(sec.blocks) if blk is lst), -1)
    first = at >= 0 and all(isinstance(blk, Other) and blk.kind == "blockquote" for blk in sec.blocks[:at])
    if ctx.parent is None and (
        first and (legend_marked(lst) or marked_list(lst) and heading_role(sec) == "task_group") or struck_list(lst)
    ):
        # "#### 1.1 Project Setup ✅" over "- ✅ **TypeScript configuration** - July 15": boxes drawn as marks; so
        # anywhere, with marks the plan's legend gives a state ("- ✅ Line numbers gutter" under "### View"), or
        # struck through and closed by their state ("- ~~Fix the button~~ ✓ **DONE**").
        checklist(b, lst, sec, ctx)
        return
    lead_in = list_lead_in(sec, lst)
    said = chosen_list(lead_in)
    if said == "text":
        # A person said the lists this label leads in ("**Checklist**:" under each step) are no items: the
        # section's text, kept where the board keeps text.
        b.consume(lst, sec)
        b.keep_text(
            lst, sec.title, f"list under {sec.title!r} led in by {lead_in!r}: text, as the recipe says ([[sections]])"
        )
        return
    if any(it.checked is not None for it in entries):
        if chosen_label(sec) != "items" and said != "items" and ctx.parent is None and _phase_boxes(entries):
            # "- [ ] Phase 1: Recherche" over its own boxes, for each phase: the phases of the plan, their boxes the
            # work (a phase's box is ticked when its work is done, not work of its own).
            _group_entries(b, lst, sec, ctx)
            return
        read_boxes(b, lst, sec, ctx, lead_in, said)
        return
    if roster(sec, lst):
        # "## Team Structure" over "- **Content Engineer 1**: Focus on testing": who is on the team, not work.
        b.note(lst.line, f"list under {sec.title!r} names the plan's team and what each does: not work; kept as text")
        return
    if labelled_risks(b, lst, sec) or action_entries(b, lst, sec, ctx):
        return
    texts = [plain(it.text) for it in entries]
    # An arrow counts when an id, and little else, stands before it ("2.1.1 → 2.1.2", "R-3 (data loss) → T-4"): one
    # deep inside an entry's description ("**M3-T3: Exa** — semantic search → raw items") is that entry's prose.
    arrows = [
        arrow_left_id(t) or ""
        for t in texts
        if len(parts := ARROW_RE.split(t, maxsplit=1)) == 2
        and _words(re.sub(r"\([^()]*\)", "", parts[0])) <= 2
        and not _ID_THEN_TITLE.match(parts[0])
    ]
    if sum(1 for i in arrows if is_id(i)) >= max(1, len(texts) // 2):
        if any(RISK_ID_RE.match(i) for i in arrows) or "risk" in sec.title.lower():
            risk_list(b, lst, sec)
        else:
            # "2.1.1 → 2.1.2 (validation needs the template)": an order between items, no risks.
            b.consume(lst, sec)
            b.drawn_lists.add(id(lst))
            b.note(lst.line, "list of arrows between ids that name no risk: an order, read as a drawing")
        return
    if _outline_numbers(b, entries) and not named_group(sec):
        b.consume(lst, sec)
        b.skipped(lst.line, "list of section numbers (1.1, 1.2) where the plan's items have named ids: not items")
        return
    if all(phase_entry(it) for it in entries):
        phase_list(b, lst, sec)
        return
    leads = list_leads(entries)
    if sum(1 for lead in leads if lead) >= max(1, (len(entries) + 1) // 2) or (
        # "### Sprint 6" over "- **BKL-4:** Reading progress" and two entries of new work: the sprint's list.
        any(lead and lead[0] in b.items for lead in leads)
    ):
        context = context_heading(sec)
        if context is not None:
            # "- **ALT-001**: ..." under "3. Alternatives": an option weighed, not a step of the work.
            b.note(lst.line, f"list of ids under {sec.title!r}: records of {context.title!r}, not work; kept as text")
            return
        id_list(b, lst, sec, ctx, "task")
        return
    if bold_steps(b, lst, sec, ctx) or numbered_waits(b, lst, sec, ctx):
        return
    if ctx.parent is None and _fielded_entries(lst):
        # "1. Student Endpoint Parity Spec" over "- Goal: …", "- Acceptance: …": each entry a piece of work and its
        # fields, not a group of the bullets under it.
        made = read_list(b, lst, sec, [0], groups_of_entries=False)
        if made:
            b.consume(lst, sec)
            b.used(lst.line, f"numbered list under {sec.title!r}, each entry over its fields -> items {id_span(made)}")
            return
    if any(it.children for it in entries):
        _group_entries(b, lst, sec, ctx)


def _outline_numbers(b: Builder, entries: list[ListItem]) -> bool:
    """Entries that open with dotted section numbers ("1.1: ...") in a plan whose items have named ids."""
    if b.named_id_headings < 2 and b.named_id_rows < 2:
        return False
    ids = [found[0] if (found := entry_id(it.text, plain(it.text))) else "" for it in entries]
    return len(entries) >= 2 and all(i and is_outline_number(i) and "." in i for i in ids)


def _words(text: str) -> int:
    """How many words ``text`` holds, two unspaced characters counted as one ("发现方法记录" is three)."""
    return len(text.split()) + len(UNSPACED_CHAR.findall(text)) // 2


#: "#18: Airflow setup (P0) → M2": an entry naming its own id and title before the arrow, not an order of ids.
_ID_THEN_TITLE = re.compile(r"^\s*\S+\s*:\s+\S")


def _fielded_entries(lst: ListBlock) -> bool:
    """Whether every entry (two at least) of a numbered list stands over bullets that are all labelled fields (no
    boxes), one of them at least a field of work (``_WORK_KEYS``: ``- Acceptance: …``, ``- Outputs: …``)."""
    if not lst.ordered or len(lst.items) < 2:
        return False
    for it in lst.items:
        subs = it.sub_items()
        if not subs or any(x.checked is not None or split_keyval(x.text) is None for x in subs):
            return False
        if not any((kv := split_keyval(x.text)) and own_field(kv[0]) in _WORK_KEYS for x in subs):
            return False
    return True


#: The fields that make an entry over its labelled bullets a piece of work ("Acceptance", "Outputs", "Owner"); a
#: risk's "대응" (response) or "Mitigation" makes it a risk.
_WORK_KEYS = frozenset(
    {"gate.exit_criteria", "outputs", "inputs", "deliverables", "owner", "status", "priority", "estimate_days",
     "depends_on", "target", "acceptance"}
)  # fmt: skip


def _phase_boxes(entries: list[ListItem]) -> bool:
    """Whether every entry (two or more) is a box naming a phase by its number, with boxes of its own under it."""
    return len(entries) >= 2 and all(
        it.checked is not None and PHASE_RE.match(plain(it.text)) and any(x.checked is not None for x in it.sub_items())
        for it in entries
    )


def _group_entries(b: Builder, lst: ListBlock, sec: Section, ctx: Ctx) -> None:
    """``1. Phase A — preparation`` over a nested list of items: the entries group the lists under them (a
    phase when the entry names one); each nested list is read where it stands."""
    start = len(b.items) + sum(len(recs) for recs in b.records.values())
    for it in lst.items:
        m = PHASE_RE.match(plain(it.text))
        before = len(b.items)
        for child in it.children:
            generic_list(b, child, sec, replace(ctx, phase=m.group("num")) if m else ctx)
        if len(b.items) == before:
            continue
        said = exact_status(plain(it.text).strip().rstrip(":：").strip()) if not m else None
        for rid in list(b.items)[before:] if said else []:
            if rid in b.status_marks:
                # "* **ON PROGRESS:**" over "* [❌] complete the readme": the box says only "not done", its group how far.
                b.items[rid].values["status"] = said
                b.status_marks.discard(rid)
        if m and not any(r.values.get("id") == m.group("num") for r in b.records["phases"]):
            title = plain(m.group("title"), keep_code=True) or plain(it.text)
            b.records["phases"].append(Rec("phases", {"id": m.group("num"), "title": title}, it.line, "phase entry"))
        what = f"phase {m.group('num')!r} of its items" if m else "a group of the items under it"
        b.note(it.line, f"list entry {plain(it.text)[:40]!r} is {what}, not an item")
    b.consume(lst, sec)
    if len(b.items) + sum(len(recs) for recs in b.records.values()) == start and restated_priorities(b, lst, ctx):
        b.used(lst.line, f"list under {sec.title!r}: its entries name items of the plan")
    elif len(b.items) + sum(len(recs) for recs in b.records.values()) == start:
        # Said once the plain-bullets reading had its turn (``bullet_plan``), not dropped in silence: the person may
        # relabel it (its entries as items, say).
        b.unread_groups[id(lst)] = (
            lst.line,
            f"list under {sec.title!r} ({len(lst.items)} entries with text beneath): no ids, no items",
        )


def handle_comment(b: Builder, block: Other, sec: Section) -> None:
    text = re.sub(r"^\s*<!--|-->\s*$", "", block.text.strip()).strip()
    if not text or block.text.strip().startswith("<!--") is False:
        return
    m = re.search(
        r"\bevery\s+(task|item|ticket|row|entry)\s+must\s+have\s+(?:at least one\s+|a\s+|an\s+)?([\w /-]+?)(?:\s+reference)?s?\b[.;]",
        text,
        re.I,
    )
    if m:
        fld = header_field(m.group(2)) or custom_key(m.group(2))
        rules = b.meta.setdefault("rules", {})
        rules.setdefault("require_fields", []).append(fld)
        kind = m.group(1).lower()
        if kind in ("task", "ticket"):
            rules.setdefault("require_fields_kinds", []).append(kind)
        b.used(block.line, f"comment rule {m.group(0)!r} -> [board.rules] require_fields = {fld!r}")
    title, sep, body = text.partition(":")
    if sep and len(title.split()) <= 4:
        b.records["sections"].append(
            Rec("sections", {"title": title.strip(), "body": body.strip()}, block.line, "comment")
        )
    else:
        b.records["sections"].append(Rec("sections", {"title": "Comment", "body": text}, block.line, "comment"))
    b.consume(block, sec)
