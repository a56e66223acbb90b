"""Spec-kit style story groups: a heading that states the priority of the story under it, and lists that
only restate the story tags the tasks carry.

- ``## Phase 3: User Story 1 - Track delivery (Priority: P1)``: the tasks under the heading have priority P1
  unless they say otherwise.
- ``3. US1 (P1) — phase deliverables`` in an order or dependency list, where the tasks carry ``[US1]``: a
  view of the stories, not new items.
"""

from __future__ import annotations

import re
from dataclasses import replace

from readiness_tui.core.importers.blocks import Section
from readiness_tui.core.importers.builder import Builder
from readiness_tui.core.importers.patterns import Ctx
from readiness_tui.core.importers.status_words import parse_priority

#: ``(Priority: P1)`` or ``[Priority: High]`` in a heading.
_HEADING_PRIORITY = re.compile(r"[(\[]\s*priority\s*:\s*(?P<prio>[^)\]]+?)\s*[)\]]", re.I)
#: ``[US1]`` on an entry's line: the story (or other group) the entry belongs to.
_TAG = re.compile(r"\[([A-Z]{1,4}\d{1,3})\]")


def heading_priority(b: Builder, sec: Section, ctx: Ctx) -> Ctx:
    """``ctx`` with the priority the heading states for what it holds, if it states one (reported)."""
    if sec.heading is None:
        return ctx
    m = _HEADING_PRIORITY.search(sec.title)
    prio = parse_priority(m.group("prio"))[0] if m else None
    if not prio:
        return ctx
    b.used(sec.line, f"heading states priority {prio} for the items under it")
    return replace(ctx, priority=prio)


def group_tags(lines: list[str], skip: range) -> set[str]:
    """The tags (``[US1]``) entries carry on lines outside ``skip`` (0-based line indexes)."""
    return {t for n, ln in enumerate(lines) if n not in skip for t in _TAG.findall(ln)}
