"""Rules about how items are grouped: parents, phases and milestones name real records, and the
groups agree with the work (no done parent over open children, no dependency on a later phase)."""

from __future__ import annotations

from readiness_tui.core.lint.context import LintContext, reports
from readiness_tui.core.model.board import CLOSED


def item_groups(ctx: LintContext) -> None:
    a = ctx.analysis
    phase_ids = {p.id for p in ctx.board.phases}
    milestone_ids = {m.id for m in ctx.board.milestones}
    # The children of every item are worked out for the warning alone (``lint -q`` asks none).
    warn = ctx.wants("warning")
    for it in a.items.values():
        if it.parent is not None:
            if it.parent not in a.items:
                ctx.item("error", "unknown-parent", it.id, f"parent {it.parent!r} names no item", "parent")
            elif it.parent == it.id:
                ctx.item("error", "parent-cycle", it.id, "is its own parent", "parent")
        if it.phase and it.phase not in phase_ids:
            ctx.item("error", "unknown-phase", it.id, f"phase {it.phase!r} is not one of the board's phases", "phase")
        if it.milestone and it.milestone not in milestone_ids:
            ctx.item(
                "error",
                "unknown-milestone",
                it.id,
                f"milestone {it.milestone!r} is not one of the board's milestones",
                "milestone",
            )
        if warn and it.status == "done":
            open_children = [c for c in a.children.get(it.id, ()) if a.items[c].status not in CLOSED]
            if open_children:
                verb = "is" if len(open_children) == 1 else "are"
                ctx.item(
                    "warning",
                    "done-with-open-children",
                    it.id,
                    f"is done but {', '.join(open_children[:5])} {verb} open",
                    "status",
                )


def parent_cycles(ctx: LintContext) -> None:
    items = ctx.analysis.items
    for it in items.values():
        seen = {it.id}
        cur = it.parent
        while cur is not None and cur in items:
            if cur in seen:
                if cur == it.id:
                    ctx.item("error", "parent-cycle", it.id, "is its own ancestor through parent links", "parent")
                break
            seen.add(cur)
            cur = items[cur].parent


def phases(ctx: LintContext) -> None:
    a = ctx.analysis
    membership: dict[str, list[str]] = {}
    for n, ph in enumerate(ctx.board.phases):
        for ref in ph.items:
            if ref not in a.items:
                line = ctx.lines.record("phases", n, "items")
                ctx.add(
                    "error", "unknown-item", f"phase {ph.id} lists {ref!r}, which names no item", line, ph.id, "items"
                )
            membership.setdefault(ref, []).append(ph.id)
    for ref, phs in membership.items():
        if len(phs) > 1 and ref in a.items:
            ctx.item("warning", "multiple-phases", ref, f"is listed in phases {', '.join(phs)}")


@reports("warning")
def phase_order(ctx: LintContext) -> None:
    """An item should not wait on work scheduled in a later phase (a warning: ``lint -q`` skips
    this pass over every dependency)."""
    phase_pos = {p.id: n for n, p in enumerate(ctx.board.phases)}
    if not phase_pos:
        return
    items = ctx.analysis.items
    first_phase: dict[str, int] = {}
    for ph in ctx.board.phases:
        pos = phase_pos[ph.id]
        for ref in ph.items:
            first_phase[ref] = min(first_phase.get(ref, pos), pos)
    for it in items.values():
        if it.phase in phase_pos:
            first_phase[it.id] = min(first_phase.get(it.id, phase_pos[it.phase]), phase_pos[it.phase])
    for it in items.values():
        mine = first_phase.get(it.id)
        if mine is None:
            continue
        for d in it.depends_on:
            theirs = first_phase.get(d)
            if theirs is not None and theirs > mine:
                ctx.item(
                    "warning",
                    "phase-order",
                    it.id,
                    f"depends on {d}, which is scheduled in a later phase",
                    "depends_on",
                )


def milestones(ctx: LintContext) -> None:
    for n, ms in enumerate(ctx.board.milestones):
        for ref in ms.items:
            if ref not in ctx.analysis.items:
                line = ctx.lines.record("milestones", n, "items")
                message = f"milestone {ms.id} lists {ref!r}, which names no item"
                ctx.add("error", "unknown-item", message, line, ms.id, "items")
