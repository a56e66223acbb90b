"""Headings that group the items beneath them, or hold only prose: a heading over a table or a list whose entries
name their own ids, a ticket-shaped heading over ticket headings, a numbered heading over paragraphs. What a
heading means in general is read in ``headings``."""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Any

from readiness_tui.core.importers.assembly.item_titles import CLOSING_BRACKET
from readiness_tui.core.importers.document.blocks import ListBlock, ListItem, Other, Paragraph, Section, Table, plain
from readiness_tui.core.importers.document.fields import names_a_field, split_keyval
from readiness_tui.core.importers.entries.entry_ids import entry_id, run_ids, trailing_ids
from readiness_tui.core.importers.entries.labels import labelled, numbered_lines
from readiness_tui.core.importers.references.refs import ids_alone
from readiness_tui.core.importers.sections.heading_numbers import (
    GROUP_HEAD,
    is_outline_number,
    numbered_item_id,
    ticket_id,
)
from readiness_tui.core.importers.sections.headings import heading_role
from readiness_tui.core.importers.sections.lead_ins import is_criteria, lead_in_label, opens_with_action
from readiness_tui.core.importers.sections.phases import legend_marked
from readiness_tui.core.importers.vocabulary.headers import header_field
from readiness_tui.core.importers.vocabulary.words import UNSPACED_CHAR


def groups_a_table(sec: Section) -> bool:
    """Whether a heading's section holds nothing but one or more tables whose id column names two items or more by
        named ids, or by ids that go on from the heading's own number (``0.1.1``, ``0.1.2`` under ``### 0.1``), and no
        subsections: the heading groups those items. A quoted note beside them (``> Bezug: …``) is the group's, as is a
    line about the enclosing stage (``**Stage 0 exit criteria:** …``)."""
    tables = [blk for blk in sec.blocks if isinstance(blk, Table)]
    beside = [
        blk
        for n, blk in enumerate(sec.blocks)
        if (isinstance(blk, Other) and blk.kind in ("blockquote", "hr"))
        or _of_group(blk)
        or _sums_group(blk, sec.blocks[n - 1] if n else None)
    ]
    if not tables or sec.children or len(tables) + len(beside) != len(sec.blocks):
        return False
    own = ticket_id(sec)
    # "0.1." before the rows' numbers: they go on from the heading's own (an outline number, not a name).
    under_own = f"{own}." if own and is_outline_number(own) else None
    for t in tables:
        cols = [n for n, h in enumerate(t.headers) if header_field(h) == "id"] or [0]
        vals = [plain(r.cells[cols[0]]).strip() for r in t.rows if cols[0] < len(r.cells)]
        # Named ids (T01, PAY-3): a table numbered 1, 2, 3 inside an item's section lists that item's steps.
        named = sum(1 for v in vals if any(c.isdigit() for c in v) and any(c.isalpha() for c in v))
        under = sum(1 for v in vals if v.startswith(under_own)) if under_own else 0
        if max(named, under) < 2:
            return False
    return True


def _of_group(blk: object) -> bool:
    """A paragraph whose every line is a field of a group it names by its word and number (``**Stage 0 exit
    criteria:** …``, ``**Phase 2 exit:** …``): about that group, not the heading above."""
    if not isinstance(blk, Paragraph):
        return False
    keys = [split_keyval(ln) for ln in blk.text.splitlines() if ln.strip()]
    return bool(keys) and all(kv is not None and GROUP_HEAD.match(kv[0]) for kv in keys)


def _sums_group(blk: object, before: object) -> bool:
    """Whether ``blk`` is a lead-in naming a group (``**Phase 1 Summary:**``) or the list such a lead-in (``before``)
    leads in (``- Total Tasks: 28``, ``- Blocked: 0``): the group's counts, not the fields of the heading above."""
    lead = before if isinstance(blk, ListBlock) else blk
    return isinstance(lead, Paragraph) and bool(GROUP_HEAD.match(lead_in_label(lead)))


def groups_a_list(sec: Section) -> bool:
    """Whether a heading's section holds nothing but one list whose every entry (two or more) names its own id
    (``1. **Security (N01):** …``, ``- **T-4** …``), and no subsections: the heading groups those items. A line of
    prose beside the list (``**Total: 5 stories.**``) is the group's; a field line (``Status: done``) is an item's."""
    lists = [blk for blk in sec.blocks if isinstance(blk, ListBlock)]
    if not sec.children and lists and _numbered_under(sec, lists):
        return True
    paragraphs = [blk for blk in sec.blocks if isinstance(blk, Paragraph)]
    if not sec.children and not lists and any(_numbered_paragraph(p) for p in paragraphs):
        # "### ext4 (owner: ext4 dev)" over "**22a. ext4 core parser (done)**: …" lines, one item each.
        return True
    if sec.children or len(lists) != 1 or len((lst := lists[0]).items) < 2:
        return False
    for blk in sec.blocks:
        if blk is lst:
            continue
        if not isinstance(blk, Paragraph) or any(names_a_field(ln) for ln in blk.text.splitlines()):
            return False
    texts = [plain(it.text, keep_code=True) for it in lst.items]
    labels = labelled([it.text for it in lst.items])
    given = [a or b or c for a, b, c in zip(run_ids(texts), trailing_ids(texts), labels, strict=True)]
    return all(g or entry_id(it.text, t) for g, it, t in zip(given, lst.items, texts, strict=True))


def _numbered_paragraph(par: Paragraph) -> bool:
    lines = [ln.strip() for ln in par.text.splitlines() if ln.strip()]
    return all(numbered_lines(lines)) or all(labelled(lines))


def groups_by_id(sec: Section) -> bool:
    """Whether the heading's named id opens the id of everything under it that has one, sub-headings and list entries
    (``## E1 — Release`` over ``### E1.F1 — Version`` over ``- **E1.F1.S1** — …``): the plan numbers its work in
    the group the heading is, so the heading is that group, not an item; one entry is enough."""
    own = ticket_id(sec)
    if not own:
        return False
    if _has_fields(sec):
        return False  # "**Priority:** P0", "**Depends on:** T-1": the heading is a piece of work with its parts
    entries = [
        found[0]
        for blk in sec.blocks
        if isinstance(blk, ListBlock)
        for it in blk.items
        if (found := entry_id(it.text, plain(it.text)))
    ]
    if is_outline_number(own) and not entries:
        return False  # "### 2.3" over "2.3.1": the document's outline, read where it stands
    # ("#### 1.1.1 Project Kickoff" over "- [ ] **Task 1.1.1.1:** …": its boxes numbered in it; their group.)
    ids = [i for i in [ticket_id(c) or "" for c in sec.children] + entries if i]
    return bool(ids) and all(len(i) > len(own) + 1 and i.startswith(own) and i[len(own)] in ".-_" for i in ids)


def _has_fields(sec: Section) -> bool:
    """Whether a line of the heading's own paragraphs gives a field an item carries (``**Status:** done``)."""
    return any(names_a_field(ln) for blk in sec.blocks if isinstance(blk, Paragraph) for ln in blk.text.splitlines())


def _numbered_under(sec: Section, lists: list[ListBlock]) -> bool:
    """Whether every entry (two or more) of the section's lists that names an id is numbered under the heading's own
    number (``- 9.1 Asset counts`` under ``## M9 · Ledger``), whatever prose, or list naming none (its criteria),
    stands between them."""
    num = re.search(r"(?<![\d.])(\d+)$", ticket_id(sec) or "")
    if num is None:
        return False
    ids = [found[0] for lst in lists for it in lst.items if (found := entry_id(it.text, plain(it.text)))]
    return len(ids) >= 2 and all(re.fullmatch(rf"{num.group(1)}\.\d+", i) for i in ids)


#: A box's words all bold: its name (``**Architecture Review Completed**``).
_BOLD_NAME = re.compile(r"^\*\*[^*]+\*\*$")


def boxes_of_work(entries: list[ListItem]) -> bool:
    """Whether every entry is a box with boxes of its own beneath (``- [ ] **Data at Rest**`` over ``- [ ] AES-256``),
    or a bold name over its details (``- [x] **Architecture Review Completed**`` over ``- Sign-off on the design``):
    a piece of work with its steps, not a reminder or a condition."""
    return all(
        it.checked is not None
        and (
            any(x.checked is not None for x in it.sub_items()) or (it.sub_items() and _BOLD_NAME.match(it.text.strip()))
        )
        for it in entries
    )


def groups_boxes(sec: Section) -> bool:
    """Whether a heading numbered as a section (``### 6.1 Encryption``) holds nothing but one checklist whose every
    entry (two or more) has boxes of its own beneath (``- [ ] **Data at Rest**`` over ``- [ ] AES-256``), or is a
    bold name over its details: each entry is a piece of work with its steps, as where the plan gives such entries
    ids, and the heading groups them. So a numbered topic among numbered headings (``### 1. Program Features``)."""
    tid = ticket_id(sec) or numbered_item_id(sec) or ""
    if not is_outline_number(tid) or sec.children:
        return False
    lists = [blk for blk in sec.blocks if isinstance(blk, ListBlock)]
    if len(lists) != 1 or len(lists) != len(sec.blocks) or len((lst := lists[0]).items) < 2:
        return False
    return boxes_of_work(lst.items)


def groups_checklists(sec: Section) -> bool:
    """Whether a heading numbered as a section (``#### 7.2 Test Categories``) says nothing of its own over two or more
    sub-headings that each hold nothing but boxes (``##### Category 1: Lifecycle`` over ``- [ ] State restores``):
    the checklists are the work, the heading their group. A sub-heading may show the code its boxes write and run
    (``#### Company table`` over its SQL, then ``- [ ] Write the script``, ``- [ ] Run it``): the boxes are still
    its work. Sub-headings named as an item's parts (``Acceptance criteria``, ``Subtasks``, a field) are the item's
    own, as ever."""
    tid = ticket_id(sec) or ""
    if not is_outline_number(tid) or "." not in tid or not sec.children:
        return False
    # The heading's own boxes over its own script, beside a sub-heading over another's, are one more such checklist.
    own = [sec] if sec.blocks else []
    if sec.blocks and not _only_boxes(sec):
        return False
    for child in sec.children:
        if child.children or not child.blocks or is_criteria(child.title) or _names_a_part(child.bare_title):
            return False
        if not _only_boxes(child):
            return False
    return len(own) + len(sec.children) >= 2


def _only_boxes(sec: Section) -> bool:
    """Boxes, and nothing else but the code they write and run and a rule."""
    boxes = [blk for blk in sec.blocks if not (isinstance(blk, Other) and blk.kind == "hr") and not _code(blk)]
    return bool(boxes) and all(isinstance(blk, ListBlock) and blk.has_checkboxes for blk in boxes)


#: Sub-headings that name a part of the item above them rather than a group of work of their own.
_PART_RE = re.compile(r"^\W*(?:sub-?tasks?|steps|tasks|to-?dos?|checklist|definition of done|dod)\W*$", re.I)


def _names_a_part(title: str) -> bool:
    text = plain(title)
    if _PART_RE.match(text):
        return True
    # A field's word inside a longer heading ("#### 初始化用户状态", "#### Set the initial status") names work done to
    # that field, not the field ("#### Status", "#### 负责人").
    if header_field(text) is None:
        return False
    if UNSPACED_CHAR.search(text):  # no spaces between words: a field's name is a few characters
        return len(text.replace(" ", "")) <= 4
    return len(text.split()) <= 2


def is_group(sec: Section, is_ticket: Any) -> bool:
    """A ticket-shaped heading whose children are ticket headings and which states no fields of its own."""
    if not any(is_ticket(c) for c in sec.children):
        return False
    for blk in sec.blocks:
        if isinstance(blk, ListBlock) and (blk.has_checkboxes or any(split_keyval(it.text) for it in blk.items)):
            return False
        if isinstance(blk, Paragraph) and any(split_keyval(ln) for ln in blk.text.split("\n")):
            return False
    return True


def is_prose_heading(sec: Section) -> bool:
    """A numbered heading over text only: paragraphs ("2.1 Time-boxed blocks"), or code shown under a heading
    about the design and a name that is no task ("### 1. Tenant Model" over its class under "## Key Components";
    "### 1. Add the migration" over its SQL is work)."""
    if not sec.blocks or sec.children:
        return False
    code = any(_code(blk) for blk in sec.blocks)
    if not all(
        _code(blk) or (isinstance(blk, Paragraph) and not any(split_keyval(ln) for ln in blk.text.split("\n")))
        for blk in sec.blocks
    ):
        return False
    if not code:
        # "2.1 Implement a text field for the page" over how: a task, its words beneath it.
        return bool(re.match(r"^\d+(?:\.\d+)+\s", sec.title)) and not opens_with_action(sec.bare_title)
    # Code under a heading about the design ("## Key Components" > "### 1. Tenant Model") shows it; under a plan's
    # steps ("#### 0.4.1 Terraform Configuration" over the commands to run) it is a step's how.
    about_design = sec.parent is not None and bool(_DESIGN_RE.search(plain(sec.parent.bare_title)))
    return (
        about_design and bool(re.match(r"^\d+(?:\.\d+)*[.)]?\s", sec.title)) and not opens_with_action(sec.bare_title)
    )


def _code(blk: object) -> bool:
    return isinstance(blk, Other) and blk.kind in ("fence", "code_block")


#: A heading over sections that describe the design rather than steps of work.
_DESIGN_RE = re.compile(
    r"\b(?:components?|architecture|design|schema|data models?|interfaces?|examples?|reference|snippets?|appendix)\b",
    re.I,
)


def groups_marked(sec: Section) -> bool:
    """Whether a heading holds nothing but one list whose entries open with the plan's legend marks (``legend_marked``),
    none with an id of its own (``#### P1.1 - Search & Replace`` over ``- 📋 Find text``): the entries are the work,
    the heading their group."""
    blocks = [blk for blk in sec.blocks if not (isinstance(blk, Other) and blk.kind == "hr")]
    if sec.children or len(blocks) != 1 or not isinstance(lst := blocks[0], ListBlock):
        return False
    return legend_marked(lst) and not any(entry_id(it.text, plain(it.text)) for it in lst.items)


def cites_items(items: Collection[str], sec: Section) -> list[str]:
    """The items a numbered step's heading names in a closing bracket and nothing else, all made already (``Step 5:
    Edge Cases (T014-T017)``); none for a heading named by an id of its own (``### T-5: Fix X (T-3)``)."""
    own = ticket_id(sec) or numbered_item_id(sec) or ""
    m = CLOSING_BRACKET.search(plain(sec.bare_title))  # "(T014-T017)", "(T018, T019)"
    if m is None or not own.isdigit():
        return []
    return ids_alone(items, m.group(1)) or []


def named_group(sec: Section) -> bool:
    """Whether the heading groups the list's items by a name of its own: ``## M1 · CLI`` over ``- 1.1 …``, ``- 1.2 …``
    (not ``### 3.3 Audit points``, a number of the document's outline)."""
    tid = ticket_id(sec) if sec.heading is not None and heading_role(sec) == "ticket" else None
    return tid is not None and not is_outline_number(tid) and groups_a_list(sec)
