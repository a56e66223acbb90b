"""The blocks under a ticket's heading: its fields (bold labels, key bullets, a field table), its steps and child
tasks, the lines naming what it waits on, and what is left its description."""

from __future__ import annotations

import re
from typing import Any

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.document.blocks import (
    Block,
    ListBlock,
    ListItem,
    Other,
    Paragraph,
    Section,
    Table,
    plain,
)
from readiness_tui.core.importers.document.fields import split_fields, split_keyval
from readiness_tui.core.importers.entries.inline import inline_fields
from readiness_tui.core.importers.entries.item_steps import (
    checklist_lines,
    task_boxes_into,
)
from readiness_tui.core.importers.entries.key_bullets import LIST_KEYS, apply_key, kv_children
from readiness_tui.core.importers.entries.lists import checklist, entry_has_id
from readiness_tui.core.importers.guided.recipe import chosen_label, chosen_list, recipe_option
from readiness_tui.core.importers.references.ids import is_id
from readiness_tui.core.importers.references.refs import ids_in_text
from readiness_tui.core.importers.sections.fenced import yaml_task_id, yaml_tasks
from readiness_tui.core.importers.sections.lead_ins import (
    is_criteria,
    is_task_label,
    label_of,
    leads_in_tasks,
)
from readiness_tui.core.importers.sections.patterns import (
    INLINE_NOCOLON_RE,
    Ctx,
)
from readiness_tui.core.importers.tables.cells import names_field_columns
from readiness_tui.core.importers.tables.tables import handle_table
from readiness_tui.core.importers.vocabulary.headers import header_field

# ---------------------------------------------------------------------- tickets


def _dependency_line(b: Builder, line_text: str, line: int, values: dict[str, Any], rid: str) -> bool:
    """A line that is only a dependency phrase without a colon ("Depends on BIL-2, BIL-3 and BIL-4"): its ids
    are the item's dependencies (a negation in it names none). False when the line is something else."""
    if not INLINE_NOCOLON_RE.match(plain(line_text)):
        return False
    left, said = inline_fields(b, line_text, line, rid, entry=False)
    if left.strip(" .") or "depends_on" not in said:
        return False
    values["depends_on"] = values.get("depends_on", []) + [
        d for d in said["depends_on"] if d not in values.get("depends_on", [])
    ]
    if said.get("dependency_note"):
        values["dependency_note"] = said["dependency_note"]
    b.deps_stated.add(rid)
    return True


#: "... tree view. Depends on P0-5 for correct sizes.": a sentence of an item's prose naming what it waits for.
_PROSE_DEP_RE = re.compile(r"(?:^|[.;!]\s+|[—–]\s*)(?:depends on|blocked by)\s+(?P<refs>.+?)(?=[.;!](?:\s|$)|$)", re.I)


def _prose_dependency(b: Builder, text: str, line: int, values: dict[str, Any], rid: str) -> None:
    """Unmistakable ids in a "Depends on X" sentence inside an item's description are its dependencies."""
    for m in _PROSE_DEP_RE.finditer(plain(text)):
        found = [i for i in ids_in_text(m.group("refs")) if i != rid and i not in values.get("depends_on", [])]
        if found:
            values["depends_on"] = values.get("depends_on", []) + found
            b.deps_stated.add(rid)
            b.note(line, f"{rid}: {m.group(0).strip(' .;—–')!r} in its text -> depends on {', '.join(found)}")


def ticket_blocks(
    b: Builder,
    sec: Section,
    blocks: list[Block],
    values: dict[str, Any],
    rid: str,
    desc: list[str],
    steps: list[ListItem] | None = None,
) -> None:
    """The blocks of a ticket or stream section as the item's fields; ``steps`` (tickets only) collects
    the checklist entries that are the item's own steps."""
    lead_in = ""
    for blk in blocks:
        if isinstance(blk, ListBlock):
            if blk.has_checkboxes and is_criteria(lead_in):
                # "Acceptance criteria:" then boxes: conditions of this item, not child items.
                values.setdefault("acceptance", []).extend(plain(it.text, keep_code=True) for it in blk.items)
                b.consume(blk, sec)
                b.used(
                    blk.line, f"{rid}: checklist after {lead_in.strip()[:40]!r} -> its acceptance ({len(blk.items)})"
                )
                continue
            if blk.has_checkboxes:
                # "- Owner: @oli" next to the boxes: the ticket's own fields, not child items.
                fields = [it for it in blk.items if it.checked is None and split_keyval(it.text)]
                for it in fields:
                    kv = split_keyval(it.text)
                    assert kv
                    apply_key(b, kv[0], kv[1], it, values, rid)
                if fields:
                    b.note(blk.line, f"{rid}: {len(fields)} key: value entries in its checklist read as its fields")
                entries = [it for it in blk.items if it not in fields]
                if steps is not None:
                    # Boxes without ids under one item's heading are that item's steps, not new items; after a
                    # "**Tasks:**" lead-in the plan calls them its tasks: its child items.
                    # Where the person said the heading is one item and its steps its words, boxes with ids too.
                    whole = chosen_label(sec) == "item" and recipe_option("steps") == "description"
                    owned = [it for it in entries if it.checked is not None and (whole or not entry_has_id(it))]
                    # "Steps:" boxes are work of their own, unless the person said the heading is one item.
                    boxed = chosen_label(sec) != "item"
                    said = chosen_list(lead_in)
                    if said == "text":
                        # The person said the list is text: its marked entries too ("- ✅ Endpoint up"), not only
                        # its boxes.
                        owned = [it for it in entries if not entry_has_id(it)]
                    if said == "text" and owned:
                        # The person said the lists this label leads in are text (``[lists]``): the item's checklist.
                        _said_text(b, desc, rid, lead_in, checklist_lines(owned), blk.line, f"{len(owned)} boxes")
                    elif not (
                        owned
                        and (said == "items" or is_task_label(label_of(lead_in), boxes=boxed))
                        and task_boxes_into(b, rid, owned, values, lead_in)
                    ):
                        steps.extend(owned)
                    entries = [it for it in entries if it not in owned]
                if entries:
                    checklist(b, ListBlock(blk.line, blk.end, blk.ordered, entries), sec, Ctx(parent=rid))
                b.consume(blk, sec)
                continue
            if chosen_list(lead_in) == "text" and leads_in_tasks(lead_in):
                # The person said the lists this label leads in are text (``[lists]``): part of the item's words.
                lines = [f"- {plain(it.text, keep_code=True)}" for it in blk.items]
                _said_text(b, desc, rid, lead_in, lines, blk.line)
                b.consume(blk, sec)
                continue
            if leads_in_tasks(lead_in) and not any(_names_field(it.text) for it in blk.items):
                _child_tasks(b, blk.items, values, rid, lead_in, blk.line)
                b.consume(blk, sec)
                continue
            if (
                steps is not None
                and not lead_in
                and recipe_option("steps") == "items"
                and not any(split_keyval(it.text) for it in blk.items)
            ):
                # The recipe's steps = "items": a plain list of work right under the item's heading is its child items.
                _child_tasks(b, blk.items, values, rid, "(recipe: steps = 'items')", blk.line)
                b.consume(blk, sec)
                continue
            if (waits := _waits_listed(lead_in, blk)) is not None:
                # "**Dependencies:**" over "- #1 Address API (for the form)", "- #3 Guest backend": what it waits on.
                apply_key(b, waits[0], waits[1], ListItem(blk.line, blk.end, lead_in), values, rid)
                b.consume(blk, sec)
                continue
            if is_criteria(lead_in):
                # "**Acceptance Criteria:**" over "5. Status badge colors: gray (queued) …": conditions the item must
                # meet, whatever words open them; not its fields.
                values.setdefault("acceptance", []).extend(plain(it.text, keep_code=True) for it in blk.items)
                b.consume(blk, sec)
                continue
            for it in blk.items:
                if leads_in_tasks(it.text) and it.children and chosen_list(it.text) == "text":
                    # "- **Jira Sub-tasks:**" whose lists the person said are text: the item's words, not its children.
                    _said_text(b, desc, rid, plain(it.text), [b.item_source(it).strip()], it.line)
                    continue
                if leads_in_tasks(it.text) and it.children:
                    # "- **Tasks**:" over its numbered entries: the lead-in is an entry, the tasks its bullets.
                    _child_tasks(b, it.sub_items(), values, rid, it.text, it.line)
                    continue
                kv = split_keyval(it.text)
                if kv:
                    apply_key(b, kv[0], kv[1], it, values, rid)
                else:
                    values.setdefault("acceptance", []).append(plain(it.text, keep_code=True))
            b.consume(blk, sec)
        elif isinstance(blk, Paragraph):
            lead_in = blk.text.strip().split("\n")[-1]
            # "Owner: tara · Priority: High · Depends on: CP-1": several fields on one line.
            lines = [part for ln in blk.text.split("\n") for part in split_fields(ln)]
            rest = []
            for ln in lines:
                kv = split_keyval(ln)
                if leads_in_tasks(ln):
                    continue  # "**Tasks:**" leads in the list after it: neither a field of the item nor its description
                if kv and header_field(kv[0]) == "title" and values.get("title"):
                    # "**What:** the portal shows...": the heading names the item; this describes it.
                    rest.append(plain(ln, keep_code=True))
                elif kv and header_field(kv[0]) or (kv and kv[0].lower() in LIST_KEYS):
                    apply_key(b, kv[0], kv[1], ListItem(blk.line, blk.end, ln), values, rid)
                elif not _dependency_line(b, ln, blk.line, values, rid):
                    rest.append(plain(ln, keep_code=True))
                    _prose_dependency(b, ln, blk.line, values, rid)
            if rest:
                desc.append(" ".join(rest))
            b.consume(blk, sec)
        elif isinstance(blk, Table):
            if not _field_table(b, blk, sec, values, rid):
                handle_table(b, blk, sec)
        elif isinstance(blk, Other) and yaml_task_id(blk) == rid:
            # "### T-001: ..." over a ```yaml block of id, status and depends_on: the heading's own fields.
            yaml_tasks(b, blk, sec, "task", one=True)


def _said_text(
    b: Builder, desc: list[str], rid: str, lead_in: str, lines: list[str], line: int, what: str = "list"
) -> None:
    """A list the recipe said is text (``[lists]``): its lead-in and its lines, one part of item ``rid``'s words."""
    desc.append("\n".join([lead_in.strip(), *lines]))
    b.used(line, f"{rid}: {what} after {lead_in.strip()[:30]!r} -> its text (recipe)")


def _waits_listed(lead_in: str, blk: ListBlock) -> tuple[str, str] | None:
    """(key, ids) of a dependencies lead-in with no value over a list whose every entry opens with an id."""
    kv = split_keyval(lead_in)
    if kv is None or kv[1].strip() or header_field(kv[0]) != "depends_on":
        return None
    firsts = [(plain(it.text).split() or [""])[0].rstrip(",:;") for it in blk.items]
    return (kv[0], ", ".join(firsts)) if all(is_id(f) for f in firsts) else None


def _names_field(text: str) -> bool:
    """Whether a list entry is one of the item's fields ("Owner: Ana"), not a piece of its work ("Create x with:")."""
    kv = split_keyval(text)
    return kv is not None and (header_field(kv[0]) is not None or kv[0].lower() in LIST_KEYS)


def _child_tasks(
    b: Builder, entries: list[ListItem], values: dict[str, Any], rid: str, lead_in: str, line: int
) -> None:
    """The plain entries after an item's "Tasks:" lead-in: its child items (``<item>.1``, ``<item>.2``), each entry's
    own bullets its fields when every one is a field (``- **Assigned to**: Emma``, ``- **Status**: Done``), else its
    description, as the boxes under a box are its child items."""
    made = []
    for n, it in enumerate(entries, start=1):
        sid = f"{rid}.{n}"
        fields: dict[str, Any] = {"title": plain(it.text, keep_code=True).rstrip(" :")}
        subs = it.sub_items()
        if subs and all(_names_field(sub.text) for sub in subs):
            kv_children(b, it, fields, sid)
        elif it.children:
            fields["description"] = b.item_source(it).strip()
        made.append(b.add_child(values, rid, sid, it.line, **fields))
    b.used(line, f"{rid}: list after {lead_in.strip()[:30]!r} -> its child items {made[0]} .. {made[-1]}")


def _field_table(b: Builder, table: Table, sec: Section, values: dict[str, Any], rid: str) -> bool:
    """``| Field | Value |`` under an item's heading: each row one of the item's fields (``| Owner | Rosa |``).
    Only a two-column table most of whose first cells are field names."""
    if len(table.headers) != 2 or not table.rows:
        return False
    keys = [plain(r.cells[0]) if r.cells else "" for r in table.rows]
    known = [k for k in keys if header_field(k) or k.lower() in LIST_KEYS]
    # "| Field | Value |" says what the table is, however few of its rows name a field of the board.
    named = names_field_columns(table)
    if not known or (len(known) * 2 <= len(keys) and not named):
        return False
    for row in table.rows:
        if len(row.cells) >= 2 and (header_field(plain(row.cells[0])) or plain(row.cells[0]).lower() in LIST_KEYS):
            apply_key(b, plain(row.cells[0]), row.cells[1], ListItem(row.line, row.line, row.cells[1]), values, rid)
    b.consume(table, sec)
    b.used(table.line, f"{rid}: table of {len(known)} fields (a name and a value per row) -> its fields")
    return True
