"""A phase heading (``## Phase 2: Build (Weeks 3-4)``): the phase record with its window, the fields its
sub-headings give (exit and entrance criteria, dates, its items), and the work listed under it, read in that phase."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.assembly.result import Rec
from readiness_tui.core.importers.document.blocks import ListBlock, Section, Table, plain
from readiness_tui.core.importers.entries.lists import ids_given
from readiness_tui.core.importers.entries.phase_lists import phase_fields, phase_key, phase_value
from readiness_tui.core.importers.sections.generic import handle_plain
from readiness_tui.core.importers.sections.headings import heading_role
from readiness_tui.core.importers.sections.patterns import PHASE_RE, Ctx
from readiness_tui.core.importers.sections.phase_work import phase_label_lists, phase_task_entries


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
