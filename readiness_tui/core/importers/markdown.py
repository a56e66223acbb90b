"""Import a readiness plan written in Markdown into a board.

``import_markdown(text, source)`` parses the document with markdown-it-py (CommonMark + tables),
walks the tree of headings and blocks it gives (every block keeps its source line from
``token.map``), recognizes the structures plans use (tables with an id column, ticket sections,
streams, checklists, phases, risk-to-task lists and risk registers, milestones, waivers, dependency
matrices, priority-scoring tables, board metadata) and returns an :class:`ImportResult`: the board
TOML text, a report of every table, section and list it used or skipped (with line numbers and the
reason), and counts.

The board text starts with ``#:schema ./board.schema.json``, then ``[board]``, then one
``[[items]]`` table per item preceded by ``# from PLAN.md line N``, then risks, phases, milestones,
waivers, deliverables, progress notes, free-text sections and the ``[matrix]``.

Re-import (``assembly.merge.merge_into``) needs to know what the document said last time, to tell a field
edited in the board since (kept) from one the document changed (updated). Each imported item
therefore carries an ``imported = {...}`` inline table (one line): one key per field the document gave it
(``status``, ``owner``, ``gate-verify``, ``custom-why_now`` ...), whose value is
6 hex digits of a digest of the imported value (see ``assembly.result.fingerprint``; older boards kept the value itself or
``"sha1:<8 hex>"``, which merge still reads).
It is bookkeeping for the importer only; nothing else reads it.

The passes, in order (the subpackages are named in ``importers/__init__``): ``document.normalize`` (rewrites
of the text), ``document.parse`` (the tree of ``document.blocks``), ``sections.board_info`` (front matter, lines under the title),
the walk (``sections.walk``: each heading's role from the rule table in ``sections.headings`` picks a handler;
blocks anywhere go to ``sections.generic``), ``references`` (``references.risk_prose`` among them: words read
once every item is known), ``assembly.finalize`` (what only the whole document tells), ``guided.corrections`` (a
recipe's corrections of single items and risks, and its plan-wide options), ``assembly.assemble`` (validate,
render, load, check, count).
"""

from __future__ import annotations

import re
from dataclasses import replace

from readiness_tui.core.importers.assembly.assemble import assemble
from readiness_tui.core.importers.assembly.builder import Builder, stream_key
from readiness_tui.core.importers.assembly.finalize import finalize
from readiness_tui.core.importers.assembly.result import IMPORTED_KEY, ImportResult, Rec
from readiness_tui.core.importers.document.blocks import Block, ListBlock, Paragraph, Section, Table, plain
from readiness_tui.core.importers.document.fields import split_keyval
from readiness_tui.core.importers.document.normalize import normalize
from readiness_tui.core.importers.document.obsidian_kanban import is_kanban, kanban_cards
from readiness_tui.core.importers.document.parse import file_words, parse_sections, title_headless
from readiness_tui.core.importers.entries.entry_ids import entry_id
from readiness_tui.core.importers.entries.lists import ids_given
from readiness_tui.core.importers.guided.corrections import apply_corrections
from readiness_tui.core.importers.guided.recipe import RECIPE, Recipe, chosen_label
from readiness_tui.core.importers.references.drawings import read_drawings
from readiness_tui.core.importers.references.group_fields import read_group_fields
from readiness_tui.core.importers.references.group_gates import read_group_gates
from readiness_tui.core.importers.references.group_states import read_group_states
from readiness_tui.core.importers.references.groups import resolve_dependency_words
from readiness_tui.core.importers.references.ids import RISK_ID_RE
from readiness_tui.core.importers.references.prose import (
    read_dependency_sentences,
    read_heading_waits,
    resolve_number_refs,
)
from readiness_tui.core.importers.references.prose_items import prose_items
from readiness_tui.core.importers.references.risk_names import risks_by_code_names, risks_owned_by_items
from readiness_tui.core.importers.references.risk_prose import risk_prose
from readiness_tui.core.importers.references.risk_words import risks_by_words
from readiness_tui.core.importers.references.waits import read_item_waits
from readiness_tui.core.importers.sections.board_columns import board_columns
from readiness_tui.core.importers.sections.board_info import (
    META_KEYS,
    front_matter,
    meta_blocks,
    meta_value,
    plan_owner,
)
from readiness_tui.core.importers.sections.bold_steps import step_prefixes
from readiness_tui.core.importers.sections.box_lists import criteria_checklists
from readiness_tui.core.importers.sections.bullet_plan import bullet_plan
from readiness_tui.core.importers.sections.fenced import read_gantts
from readiness_tui.core.importers.sections.heading_checklist import heading_checklist
from readiness_tui.core.importers.sections.heading_groups import groups_boxes, groups_by_id, groups_checklists
from readiness_tui.core.importers.sections.heading_numbers import (
    DOCUMENT_FACTS,
    is_outline_number,
    outline_section,
    ticket_id,
)
from readiness_tui.core.importers.sections.heading_priority import priority_legend
from readiness_tui.core.importers.sections.headings import heading_role, named_id_rows
from readiness_tui.core.importers.sections.inline_units import inline_units
from readiness_tui.core.importers.sections.mermaid_kanban import read_kanbans
from readiness_tui.core.importers.sections.mermaid_roadmap import read_flowchart_roadmaps
from readiness_tui.core.importers.sections.patterns import STREAM_RE, Ctx, title_has
from readiness_tui.core.importers.sections.phase_states import phase_states
from readiness_tui.core.importers.sections.phases import is_phase_item_id
from readiness_tui.core.importers.sections.text_gantt import read_text_gantts
from readiness_tui.core.importers.sections.text_records import text_records
from readiness_tui.core.importers.sections.text_trees import read_text_trees
from readiness_tui.core.importers.sections.walk import walk
from readiness_tui.core.importers.tables.pipe_lines import read_pipe_lines
from readiness_tui.core.importers.tables.row_numbers import restart_prefixes
from readiness_tui.core.importers.vocabulary.box_legends import apply_box_legend
from readiness_tui.core.importers.vocabulary.legends import (
    apply_mark_legend,
    apply_owner_legend,
    apply_priority_legend,
)
from readiness_tui.core.importers.vocabulary.priorities import PRIORITY_WORDS
from readiness_tui.core.importers.vocabulary.statuses import LEGEND_MARKS


def import_markdown(
    text: str,
    source: str = "PLAN.md",
    priority_words: dict[str, str] | None = None,
    recipe: Recipe | None = None,
) -> ImportResult:
    """Import one Markdown plan. Never raises for odd input; what it cannot use it reports.

    ``priority_words`` maps the plan's own priority words to P0..P3 (``{"blocker": "P0"}``), read before
    the built-in scale (Critical/High/Medium/Low -> P0..P3; see ``vocabulary.priorities._PRIO_WORDS``).
    ``recipe`` relabels columns and sections as a person chose (see ``guided.recipe``).
    """
    mtoken = LEGEND_MARKS.set({})
    token = PRIORITY_WORDS.set({" ".join(k.lower().split()): v for k, v in (priority_words or {}).items()})
    rtoken = RECIPE.set(replace(recipe, applied=set()) if recipe else None)
    ftoken = DOCUMENT_FACTS.set({})  # filled as headings ask
    try:
        return _import(text, source)
    finally:
        PRIORITY_WORDS.reset(token)
        LEGEND_MARKS.reset(mtoken)
        RECIPE.reset(rtoken)
        DOCUMENT_FACTS.reset(ftoken)


def _recipe_report(b: Builder, root: Section) -> None:
    """One line per recipe entry: applied, or matched nothing in this plan (the plan changed, or a typo); and a
    warning for a section labelled ``items`` that holds none (a fence drawn as a chart, prose): the label was read,
    but nothing under it reads as items."""
    recipe = RECIPE.get()
    if recipe is None:
        return
    lines = [rec.line for rec in b.items.values()]
    for sec in root.walk():
        if sec.heading is None or recipe.section_label(sec.bare_title) != "items":
            continue
        if not any(sec.line <= n <= sec.end for n in lines):
            b.warn(sec.line, f"[sections] {sec.title!r} = 'items': nothing under it reads as items; kept as text")
    labels = (("columns", recipe.columns), ("sections", recipe.sections), ("lists", recipe.lists))
    for name, table in (*labels, ("statuses", recipe.statuses), ("priorities", recipe.priorities)):
        for key, label in table.items():
            if (name, key) in recipe.applied:
                b.used(0, f"{recipe.where(name, key)}: [{name}] {key!r} = {label!r} applied")
            else:
                what = {"statuses": "status word", "priorities": "priority word", "lists": "list's lead-in"}.get(
                    name, name[:-1]
                )
                b.warn(0, f"{recipe.where(name, key)}: [{name}] {key!r} matches no {what} of the plan; not applied")


def _import(text: str, source: str) -> ImportResult:
    text, front = front_matter(text)
    rewrites: list[tuple[int, str]] = []
    if is_kanban(front):
        lines = text.split("\n")
        kanban_cards(lines, lambda line, what: rewrites.append((line, what)))
        text = "\n".join(lines)
    text = normalize(text, lambda line, what: rewrites.append((line, what)))
    b = Builder(text, source)
    for line, what in rewrites:
        b.note(line, what)
    for n, (key, value) in enumerate(front, start=2):
        mk = META_KEYS.get(key.lower()) or ("title" if key.lower() == "title" else None)
        if mk == "title":
            b.meta["title"] = value
            b.used(n, "front matter title -> board.title")
        elif key.strip().lower() == "kanban-plugin":
            b.used(n, "front matter: a board of Obsidian's Kanban plugin; its cards read with their dates and tags")
        elif not mk or not meta_value(b, mk, value, n):
            b.skipped(n, f"front matter key {key!r} has no place on a board")
    root = parse_sections(text)
    if said := title_headless(root, source):
        b.note(1, said)
    apply_box_legend(b, text, root)
    apply_priority_legend(b)
    apply_mark_legend(b)
    read_pipe_lines(b, root)
    _prepass_streams(b, root)
    # (A phase ticked off as a box, "- [x] Phase 1: x", is read as PHASE-1: an id the importer makes, not the plan's.)
    b.checklists_with_ids = sum(
        1 for lst in checklists(root) if ids_given(lst.items) * 2 > len(lst.items) and not _phase_boxes(lst)
    )
    # "### 1.1 The crash" under "## 1. Analysis", prose only: the document's outline, which the walk does not read
    # as an item (``outline_section``); counted, it made a checklist beside it look like steps of item headings.
    id_heads = [
        sec
        for sec in root.walk()
        if sec.heading is not None
        and heading_role(sec) == "ticket"
        and not outline_section(sec)
        and not groups_boxes(sec)
        and not groups_checklists(sec)
        # "### R-001: Data Loss Prevention" under "## Mitigation Strategies": named by its risk, no item heading.
        and not RISK_ID_RE.match(ticket_id(sec) or "")
    ]
    b.id_headings = len(id_heads)
    # A phase ticked off as an item ("### Phase 1: Foundation — `PENDING`", PHASE-1) is a period of the plan, not a
    # way of naming items that would make "### 1.1 REST API Layer" beside it the document's outline.
    b.named_id_headings = sum(
        1 for sec in id_heads if not is_outline_number(tid := ticket_id(sec) or "") and not is_phase_item_id(tid)
    )
    b.group_heading_ids = {
        group for sec in root.walk() if sec.heading is not None and groups_by_id(sec) and (group := ticket_id(sec))
    }
    b.named_id_rows = named_id_rows(root)
    b.row_prefixes = restart_prefixes(root)
    for line, prefix in b.row_prefixes.items():
        b.note(line, f"table numbers its rows from 1 again under its heading: ids {prefix}1, {prefix}2 …")
    b.step_prefixes = step_prefixes(root)
    _walk_document(b, root)
    inline_units(b, root)
    prose_items(b, root)
    bullet_plan(b, root)
    phase_states(b, root)
    text_records(b, root)
    criteria_checklists(b)
    read_group_fields(b, root)
    read_group_states(b, root)
    _keep_free_text(b, root)
    apply_owner_legend(b)
    resolve_dependency_words(b, root)
    resolve_number_refs(b, root)
    read_dependency_sentences(b, root)
    read_item_waits(b)
    read_drawings(b, root)
    read_heading_waits(b, root)
    read_group_gates(b, root)
    risk_prose(b)
    risks_by_words(b)
    risks_owned_by_items(b)
    risks_by_code_names(b)
    heading_checklist(b, root)  # last: where nothing else read as work
    finalize(b, root)
    recipe = RECIPE.get()
    if recipe is not None:
        apply_corrections(b, recipe)
    _recipe_report(b, root)
    return assemble(b)


# ---------------------------------------------------------------------- passes
def checklists(root: Section) -> list[ListBlock]:
    """The document's top-level checkbox lists."""
    return [blk for sec in root.walk() for blk in sec.blocks if isinstance(blk, ListBlock) and blk.has_checkboxes]


def _phase_boxes(lst: ListBlock) -> bool:
    """Whether every entry of a checklist opens with the id of a phase it ticks off (``PHASE-1: Foundation``)."""
    ids = [entry_id(it.text, plain(it.text, keep_code=True)) for it in lst.items]
    return all(found is not None and is_phase_item_id(found[0]) for found in ids)


def _prepass_streams(b: Builder, root: Section) -> None:
    for sec in root.walk():
        if sec.heading is None or heading_role(sec) != "stream":
            continue
        m = STREAM_RE.match(sec.bare_title)
        assert m
        word, num = m.group("word"), m.group("num")
        sid = b.add_stream(word, num) or b.streams[stream_key(word, num)]  # a stream headed twice: one stream
        b.stream_titles[sid] = plain(m.group("title") or sec.title)


def _walk_document(b: Builder, root: Section) -> None:
    top = Ctx(marks=priority_legend(root))  # what the whole document gives every section
    read_text_gantts(b, root, Ctx())
    read_text_trees(b, root, Ctx())
    meta_blocks(b, root)
    read_gantts(b, root, {})
    read_kanbans(b, root, {})
    for sec in root.children:
        if sec.level == 1 and "h1" not in b.meta and not board_columns(sec):
            b.meta["h1"] = True
            title = plain(sec.heading.text) if sec.heading else ""
            # "Final_Implementation_Plan.md" as a title is a file name: make it words.
            if re.fullmatch(r"[\w.-]+\.(md|markdown|txt)", title):
                title = file_words(title)
            if "title" not in b.meta:
                b.meta["title"] = title
                b.used(sec.line, f"H1 {title!r} -> board.title")
            b.mark(sec)
            if chosen_label(sec) is not None:
                # A person's label for the title says what the blocks right under it are ("item": the title is one).
                walk(b, sec, top)
                continue
            plan_owner(b, sec)
            read_text_gantts(b, sec, Ctx())
            read_text_trees(b, sec, Ctx())
            meta_blocks(b, sec)
            read_gantts(b, sec, {})
            read_kanbans(b, sec, {})
            read_flowchart_roadmaps(b, sec, {})
            for child in sec.children:
                walk(b, child, top)
        else:
            walk(b, sec, top)


def _subtree_used(b: Builder, sec: Section) -> bool:
    if id(sec) in b.used_sections or any(id(blk) in b.used_blocks for blk in sec.blocks):
        return True
    return any(_subtree_used(b, c) for c in sec.children)


def _unread(b: Builder, sec: Section) -> list[Block]:
    """A section's own blocks that nothing read: not rules (``---``), not tables (which report themselves)."""
    return [
        blk
        for blk in sec.blocks
        if id(blk) not in b.used_blocks and getattr(blk, "kind", "") != "hr" and not isinstance(blk, Table)
    ]


def _introduce(b: Builder, blk: ListBlock) -> None:
    """A list under the title that no reading took for work (``board_info.meta_blocks`` leaves such lists to
    ``bullet_plan``): part of the plan's introduction, as the title's paragraphs are."""
    text = b.src(blk.line, blk.end)
    intro = next((r for r in b.records["sections"] if r.values.get("title") == "Introduction"), None)
    if intro is None:
        b.records["sections"].append(Rec("sections", {"title": "Introduction", "body": text}, blk.line, "text"))
    else:
        intro.values["body"] = f"{intro.values['body']}\n{text}"
    b.consume(blk)
    b.used(blk.line, "list under the title kept in the section 'Introduction'")


def _keep_free_text(b: Builder, root: Section) -> None:
    """Sections nothing was recognized in are kept as free text ([[sections]]), or skipped if empty."""

    def visit(sec: Section) -> None:
        if id(sec) in b.templates:
            return
        if sec.heading is None:
            # Before the first heading: nothing to keep it under, but what was not read is said, not dropped.
            for blk in _unread(b, sec):
                b.skipped(blk.line, f"{type(blk).__name__.lower()} before the first heading: not imported")
            for c in sec.children:
                visit(c)
            return
        if sec.is_title:
            for blk in _unread(b, sec):
                if isinstance(blk, ListBlock):
                    _introduce(b, blk)
        if not _subtree_used(b, sec):
            body = re.sub(
                r"(?:\n\s*(?:-{3,}|\*{3,}|_{3,})\s*)+$", "", "\n" + b.src(sec.line + 1, sec.end).strip()
            ).strip()
            placeholder = not re.sub(r"[-*\s:|#]+", "", plain(body))
            if not body or placeholder or title_has(sec, "template"):
                b.skipped(
                    sec.line, f"section {sec.title!r}: " + ("empty" if not body else "only placeholders (a template)")
                )
            elif _is_template_body(sec):
                b.skipped(sec.line, f"section {sec.title!r}: a fill-in template (keys without values)")
            else:
                b.records["sections"].append(
                    Rec("sections", {"title": sec.title, "body": body + "\n"}, sec.line, "text")
                )
                b.used(sec.line, f"section {sec.title!r}: no structure recognized; kept as text ([[sections]])")
            return
        for blk in _unread(b, sec):
            kind = type(blk).__name__.lower()
            text = plain(getattr(blk, "text", "")) if not isinstance(blk, ListBlock) else ""
            if id(sec) in b.used_sections or not text:
                b.skipped(blk.line, f"{kind} in {sec.title!r}: prose next to recognized structure, not imported")
            else:
                b.keep_text(blk, sec.title, f"{kind} in {sec.title!r} kept as text")
        for c in sec.children:
            visit(c)

    visit(root)


def _is_template_body(sec: Section) -> bool:
    entries = [it for blk in sec.blocks if isinstance(blk, ListBlock) for it in blk.items]
    if not entries or any(isinstance(blk, (Paragraph, Table)) for blk in sec.blocks):
        return False
    kvs = [split_keyval(it.text) for it in entries]
    return all(kv is not None and not plain(kv[1]).strip() for kv in kvs)


# ---------------------------------------------------------------------- after the walk


__all__ = ["import_markdown", "ImportResult", "IMPORTED_KEY"]
