"""A heading over nothing but check boxes without ids ("### Epic 1: Foundation (P0)" over "- [ ] x" lines): it
names the group the boxes make, each box an item; the heading is no item of its own."""

from __future__ import annotations

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.document.blocks import ListBlock, Section
from readiness_tui.core.importers.entries.lists import checklist, entry_has_id
from readiness_tui.core.importers.sections.patterns import Ctx
from readiness_tui.core.importers.vocabulary.priorities import parse_priority


def box_group(sec: Section) -> bool:
    """Whether a section holds nothing but check boxes without ids (two or more), and no subsections: its heading
    names the group they make, not a piece of work with fields of its own."""
    lists = [blk for blk in sec.blocks if isinstance(blk, ListBlock)]
    entries = [it for blk in lists for it in blk.items]
    others = [blk for blk in sec.blocks if not isinstance(blk, ListBlock) and getattr(blk, "kind", "") != "hr"]
    return (
        not sec.children
        and not others
        and len(entries) >= 2
        and all(it.checked is not None and not entry_has_id(it) for it in entries)
    )


def group_boxes(b: Builder, sec: Section, ctx: Ctx, gid: str, said_priority: str) -> None:
    """The boxes of a group heading ``gid`` (``E1``) as items ``E1-1``.., with the priority the heading states."""
    prio = (parse_priority(said_priority)[0] if said_priority else None) or ctx.priority
    for blk in sec.blocks:
        if isinstance(blk, ListBlock):
            checklist(b, blk, sec, Ctx(priority=prio, phase=ctx.phase), kind="task", prefix=f"{gid}-")
    b.mark(sec)
    b.used(sec.line, f"{sec.title!r}: a heading over boxes only groups them; no item of its own")
