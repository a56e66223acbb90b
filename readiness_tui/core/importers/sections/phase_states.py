"""The state a phase states of itself (a mark opening or closing its heading, a ``Status:`` line of its own) and
gives the work under it that states none, whichever reading made the items."""

from __future__ import annotations

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.document.blocks import Paragraph, Section, plain
from readiness_tui.core.importers.document.fields import split_keyval
from readiness_tui.core.importers.entries.entry_ids import opening_mark
from readiness_tui.core.importers.sections.patterns import PHASE_RE
from readiness_tui.core.importers.vocabulary.statuses import opening_state
from readiness_tui.core.importers.vocabulary.title_states import closing_state

#: Coloured circles: opening a phase heading they rank it as often as they state it ("🔴 PHASE 1: CRITICAL").
_CIRCLES = frozenset("🔴🟠🟡🟢🔵🟣🟤⚫⚪")


def phase_state(sec: Section) -> str | None:
    """The state a phase states of itself: closing its heading (``statuses.closing_state``) or opening it with a mark
    (``## ✅ Phase 1 — Setup``), else on a ``Status:`` line of its own."""
    if state := closing_state(sec.title):
        return state
    title = plain(sec.title).lstrip()
    if (mark := opening_mark(title)) and title[:1] not in _CIRCLES:
        return mark[0]
    for blk in sec.blocks:
        for line in blk.text.splitlines() if isinstance(blk, Paragraph) else []:
            kv = split_keyval(line)
            if kv and kv[0].strip(" *").lower() == "status":
                return opening_state(plain(kv[1])) or None
    return None


def phase_states(b: Builder, root: Section) -> None:
    """The state a phase heading states of itself (``_phase_state``: "## Phase 1: Parallel Execution" then "**Status**:
    In Progress") is that of the work under it that states none, whichever reading made the items (a plain list under
    its "### Deliverables", a numbered list under "### Verification Plan")."""
    # A milestone heading holding the work under it ("### 1. Simple roguelike [COMPLETED]") states it as a phase does.
    milestones = {rec.line for rec in b.records["milestones"] if rec.origin == "heading"}
    for sec in root.walk():
        if sec.heading is None or not (PHASE_RE.match(sec.bare_title) or sec.line in milestones):
            continue
        if not (state := phase_state(sec)):
            continue
        took = [
            rid
            for rid, rec in b.items.items()
            if sec.line < rec.line <= sec.end and rid not in b.status_stated and not rec.values.get("status")
        ]
        for rid in took:
            b.items[rid].values["status"] = state
        if took:
            what = "milestone" if sec.line in milestones else "phase"
            b.note(sec.line, f"{what} {sec.title!r} states {state}: so do its {len(took)} items that state none")
