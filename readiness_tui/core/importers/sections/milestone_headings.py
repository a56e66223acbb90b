"""Milestones written as headings under a heading naming them (``## Milestones`` > ``### M1. Data layer``), each
over the work it holds: boxes without ids, or plain entries of work (``- Write the schema``, ``1. Deploy to
staging``). The heading is the milestone; its entries are the items (elsewhere such a heading may be an item, its
boxes its steps and its bullets its description). A state closing the heading (``### M1. Data layer - done``) is
its entries' state, as a column heading's is its cards'.
"""

from __future__ import annotations

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.document.blocks import ListBlock, Section
from readiness_tui.core.importers.entries.lists import ids_given
from readiness_tui.core.importers.guided.recipe import chosen_list
from readiness_tui.core.importers.sections.bullet_entries import one_milestone, read_list, work_entry
from readiness_tui.core.importers.sections.generic import read_lists
from readiness_tui.core.importers.sections.headings import heading_role
from readiness_tui.core.importers.sections.lead_ins import is_criteria, list_lead_in
from readiness_tui.core.importers.sections.patterns import TICKET_RE, Ctx, numbered_heading, strip_heading_marks
from readiness_tui.core.importers.vocabulary.title_states import trailing_status


def milestone_heading(sec: Section) -> tuple[str, str] | None:
    """(number, title) of a heading that is a milestone over its work (see the module), else None."""
    parent = sec.parent
    if parent is None or parent.heading is None or heading_role(parent) != "milestones":
        return None
    if one_milestone(parent):
        return None  # "## MILESTONE 1: Foundation" > "### TASK-001: Setup": one milestone's work, not milestones
    lists = [blk for blk in sec.blocks if isinstance(blk, ListBlock) and not _criteria(sec, blk)]
    boxes = [blk for blk in lists if blk.has_checkboxes]
    if boxes:
        if any(ids_given(blk.items) for blk in boxes):
            return None
    elif not lists or sec.children or not all(_work_list(blk) for blk in lists):
        return None
    head = strip_heading_marks(sec.bare_title)[0]
    m = numbered_heading(head) or TICKET_RE.match(head)
    if m is None:
        return None
    title = m.group("title") or head
    return (m.group("num") if "num" in m.groupdict() else m.group("id")), trailing_status(title)[0] or title


def _criteria(sec: Section, blk: ListBlock) -> bool:
    """Whether a list is led in as what the milestone must reach (``**Success Criteria**:`` over "500+ stars"), or
    as text by the person's recipe (``[lists] "Features" = "text"``)."""
    label = list_lead_in(sec, blk) or ""
    return is_criteria(label) or chosen_list(label) == "text"


def _work_list(blk: ListBlock) -> bool:
    """Plain entries of work, none with an id of its own (two at least, or one numbered step)."""
    return (
        not blk.has_checkboxes
        and (len(blk.items) >= 2 or blk.ordered)
        and all(work_entry(it) for it in blk.items)
        and not ids_given(blk.items)
    )


def milestone_lists(b: Builder, sec: Section, ctx: Ctx, number: str) -> None:
    """Read the milestone's lists: its plain entries of work as items (in the heading's closing state, if it says
    one; an entry naming a group of bullets, "- UI Improvements" over its work, groups them), its boxes and every
    other block as anywhere else."""
    state = trailing_status(strip_heading_marks(sec.bare_title)[0])[1]
    counter = [0]

    def read(blk: ListBlock) -> str | None:
        if not _work_list(blk) or _criteria(sec, blk):
            return None
        made = read_list(b, blk, sec, counter)
        for rid in made:
            for key, value in ctx.item_fields(group_phase=True).items():
                b.items[rid].values.setdefault(key, value)
            if state:
                b.items[rid].values.setdefault("status", state)
                b.status_stated.add(rid)
        return f"list under milestone {number} -> items {made[0]} .. {made[-1]}" if made else None

    read_lists(b, sec, ctx, read)
