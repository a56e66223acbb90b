"""Numbered sections that group their tasks rather than name one: a topic over boxes (``#### 1.1 Password
hardening`` over ``- [ ] Remove plaintext logging``), a section over its ``**Tasks:**``, one naming itself a phase, one
over named deliverables (``- **Core tenant entity** with …``), and a section over only such groups. ``headings`` gives
them the role "task_group"; ``walk`` reads what they hold as items, the heading their workstream."""

from __future__ import annotations

import re

from readiness_tui.core.importers.document.blocks import ListBlock, Section, plain
from readiness_tui.core.importers.sections.heading_fields import opening_fields, states_dependencies
from readiness_tui.core.importers.sections.heading_numbers import is_outline_number, numbered_item_id, ticket_id
from readiness_tui.core.importers.sections.lead_ins import (
    is_criteria,
    is_task_label,
    lead_in_label,
    lists_actions,
    lists_tasks,
    opens_with_action,
)


def groups_its_tasks(sec: Section) -> bool:
    """Whether a numbered section groups the tasks under it. One opening with its own fields ("**Priority**:
    Critical" lines) is an item whatever boxes follow; one naming itself a phase ("### 2) Project Planning Phase")
    groups what is under it, however few its boxes."""
    return (
        epic_id(sec) is not None
        or _numbered_section(sec)
        and (
            (lists_tasks(sec) and not opening_fields(sec) and not states_dependencies(sec))
            or _topic_over_boxes(sec)
            or bool(_PHASE_TAIL.search(sec.bare_title))
            or _over_task_groups(sec)
            or named_deliverables(sec)
        )
    )


#: A title that ends by calling itself a phase or a stage: "Project Architecture Phase", "Development Phase (Backend)".
_PHASE_TAIL = re.compile(r"\w\s+(?:phase|stage)\s*(?:\([^()]*\))?\s*$", re.I)


#: A heading naming itself an epic, maybe by its id: "### Epic: BE0-4 - OpenAPI v1.0", "### Epic — Checkout".
_EPIC = re.compile(r"^epic\b\s*[:#—–-]?\s*(?:(?P<id>[A-Za-z][\w-]*\d[\w-]*)\b)?", re.I)


def epic_id(sec: Section) -> str | None:
    """The id (or "" when it gives none) of a heading naming itself an epic over the boxes of its work, with no
    sub-heading of its own: the boxes are the work, the epic their group; None for any other heading."""
    m = _EPIC.match(plain(sec.bare_title))
    if m is None or sec.children or not sec.holds_boxes:
        return None
    return m["id"] or ""


def _numbered_section(sec: Section) -> bool:
    """A heading numbered as a section (``#### 1.1 Password hardening``), not one naming itself a task by number."""
    return is_outline_number(ticket_id(sec) or numbered_item_id(sec) or "") and not _NAMES_A_TASK.match(sec.bare_title)


#: A heading that calls itself a task by number: "### Task 4.1: Signup API", "### Story 2.3 - Export".
_NAMES_A_TASK = re.compile(r"^(?:task|story|ticket|issue)\s+#?\d", re.I)


def _topic_over_boxes(sec: Section) -> bool:
    """Whether a numbered section named by a topic groups the boxes under it (``lists_actions``), with no fields of
    its own. Siblings are read alike: beside numbered siblings over boxes most of which are named as tasks ("### 1.2
    Document Public Interfaces", "### 1.3 Identify Files"), "### 1.4 Record Repository Metadata" is a task too."""
    if not lists_actions(sec) or opening_fields(sec):
        return False
    siblings = [
        c
        for c in (sec.parent.children if sec.parent else [])
        if c is not sec and c.level == sec.level and _numbered_section(c)
        if c.holds_boxes
    ]
    # "**1.2: Create Intake UI**" over its boxes and its "**Acceptance Criteria:**": what a piece of work must meet
    # is stated for a task; where half such sections or more state it, each is a task and its boxes are its steps.
    # So under a heading naming them tasks ("### Tasks" over "**5.1: Review Request Generation**").
    group = [sec, *siblings]
    if 2 * sum(_states_criteria(c) for c in group) >= len(group) or (
        sec.parent is not None and is_task_label(plain(sec.parent.bare_title))
    ):
        return False
    return 2 * sum(opens_with_action(c.bare_title) for c in siblings) <= len(siblings)


def _states_criteria(sec: Section) -> bool:
    """Whether a section leads in a list of the criteria its work must meet (``**Acceptance Criteria:**``)."""
    return any(
        isinstance(after, ListBlock) and is_criteria(label, rules=False)
        for blk, after in zip(sec.blocks, sec.blocks[1:], strict=False)
        if (label := lead_in_label(blk))
    )


def _over_task_groups(sec: Section) -> bool:
    """Whether a numbered section holds nothing but numbered sections that group their boxes ("### 2.1 Axon Server"
    over "#### 2.1.1 Core Server" and "#### 2.1.2 Security Features", each over "- ❌ TLS/SSL support" …): a group of
    groups, as they are, not an item with their boxes as its notes."""
    if not sec.children or any(isinstance(blk, ListBlock) for blk in sec.blocks) or opening_fields(sec):
        return False
    return all(_numbered_section(c) and (_topic_over_boxes(c) or named_deliverables(c)) for c in sec.children)


#: A list entry opening with a bold name that words go on from, no colon between: "**Core tenant entity** with …".
_NAMED_ENTRY = re.compile(r"^\*\*(?P<name>[^*:]+)\*\*(?!\s*[:：—–-])\s+\w")


def named_deliverables(sec: Section) -> bool:
    """Whether a numbered section named by a topic holds only a list of named pieces of work ("#### 1.2.1 Database
    Foundation" over "- **Core tenant entity** with status management", "- **Row-Level Security** for isolation"):
    three or more entries, each opening with its bold name and going on in words, with no box, field or
    sub-heading. Each entry is a deliverable; the heading is their group, as a topic over boxes is."""
    if sec.children or len(sec.blocks) != 1 or opening_fields(sec) or opens_with_action(sec.bare_title):
        return False
    blk = sec.blocks[0]
    return (
        isinstance(blk, ListBlock)
        and not blk.has_checkboxes
        and len(blk.items) >= 3
        and all(_NAMED_ENTRY.match(it.text) and not it.children for it in blk.items)
    )
