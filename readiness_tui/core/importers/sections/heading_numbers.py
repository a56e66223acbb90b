"""How a heading's number reads: the id a heading opens with (``### TASK-S2-04: x``, ``#### 2.3.1 x``), whether
that is a name or only the document's section number (``### 3.1 Imaging`` under ``## 3. Entity types``), and the
numbers of headings that count their siblings as items (``### 1.`` .. ``### 3.`` under a heading that names work,
numbered on across phases or priority groups, or from 1 within each phase). A list of numbered headings that counts
from 1 again under another heading names other work (``restarted_number``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from contextvars import ContextVar
from typing import TypeVar, cast

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.document.blocks import ListBlock, Paragraph, Section, Table, plain
from readiness_tui.core.importers.document.fields import names_a_field, split_keyval
from readiness_tui.core.importers.guided.recipe import chosen_label
from readiness_tui.core.importers.references.ids import NOT_IDS, title_initials
from readiness_tui.core.importers.references.refs import GROUP_NOUN
from readiness_tui.core.importers.sections.heading_words import names_work
from readiness_tui.core.importers.sections.lead_ins import is_criteria
from readiness_tui.core.importers.sections.patterns import (
    NUMBERED_HEADING_RE,
    PRIO_GROUP_RE,
    heading_id_match,
    numbered_heading,
    strip_heading_marks,
)
from readiness_tui.core.importers.vocabulary.headers import header_field
from readiness_tui.core.importers.vocabulary.title_states import closing_state, status_heading, trailing_status


def _opening_id(sec: Section) -> re.Match[str] | None:
    m = heading_id_match(strip_heading_marks(sec.title)[0])
    if not m or NOT_IDS.match(m.group("id")) or not any(c.isdigit() for c in m.group("id")):
        return None
    return m


#: A word of letters and digits and a space after it, no separator: ``SOC2 Readiness``, ``K8s rollout``.
_TERM_RE = re.compile(r"^(?P<id>[A-Za-z]+\d+[A-Za-z0-9]*) (?=\w)")


def ticket_id(sec: Section) -> str | None:
    """The id a heading opens with (``### TASK-S2-04: x``, ``#### **2.3.1: x**``, ``### #5 — x``), if any.
    ``## SOC2 Readiness`` beside ``## GDPR Readiness`` names a standard: a word of letters and digits with no
    separator after it is an id only where a sibling heading opens with an id too (``## T1 Setup``, ``## T2 CI``)."""
    m = _opening_id(sec)
    if m is None:
        return None
    if _TERM_RE.match(strip_heading_marks(sec.title)[0]) and sec.parent is not None:
        siblings = [c for c in sec.parent.children if c is not sec]
        if siblings and not any(_opening_id(c) for c in siblings):
            return None
    return m.group("id")


def is_outline_number(heading_id: str) -> bool:
    """Whether a heading's id is only a dotted number (``1.1``, ``4.3``): the way documents number their
    sections, where ``SEC-001``, ``T-4`` or ``#12`` is a name."""
    return bool(re.fullmatch(r"\d+(?:\.\d+)*[a-z]?", heading_id))


def outline_section(sec: Section) -> bool:
    """``### 3.1 Imaging`` under ``## 3. Entity types``, holding no field, box or status of its own: the document
    numbers its sections, it does not name an item. (Under a parent of another number, or with fields, it is one.)"""
    tid = ticket_id(sec) or ""
    parent = sec.parent
    if not is_outline_number(tid) or "." not in tid or parent is None or parent.heading is None:
        return False
    m = NUMBERED_HEADING_RE.match(parent.bare_title)
    if (m.group("num") if m else _cjk_chapter(parent.bare_title)) != tid.split(".")[0]:
        return False
    if _outline_states_progress(sec):
        return False  # "### 1.1 Install the dependencies ✅": such headings say how far they are, as items do
    if _sizes_its_work(parent):
        return False  # "## **1. Kick-Off**" over "**Risiko:** Gering": a work package, its sections its tasks
    if not sec.blocks and not sec.children and sum(1 for c in parent.children if _bare_numbered(c)) >= 2:
        # "1.1 Establish the charter", "1.2 Configure the tools" under "### 1. Project Management", each saying
        # nothing more: a work breakdown's lines, not sections of a document (a section says something).
        return False

    def plain_text(s: Section) -> bool:
        # Its own blocks and those of the headings under it ("#### Frontend (95%)" over ✅ bullets) describe:
        # "**Datasets**: 24 months…" does; "**Owner:** Ana" is what an item carries.
        for blk in s.blocks:
            if isinstance(blk, ListBlock) and (blk.has_checkboxes or any(names_a_field(it.text) for it in blk.items)):
                return False
            if isinstance(blk, Paragraph) and any(names_a_field(ln) for ln in blk.text.splitlines()):
                return False
        return all(ticket_id(c) is None and plain_text(c) for c in s.children)

    return plain_text(sec)


#: Keys a work package states of itself, and a document's chapter does not: its risk, its effort, its owner.
_PACKAGE_KEY = re.compile(r"^(?:risk|risiko|riesgo|risque|rischio|risco|risk level|risikostufe)$", re.I)


def _sizes_its_work(chapter: Section) -> bool:
    """Whether a numbered chapter opens with lines rating its risk, effort or owner (``**Risiko:** Gering``,
    ``**Effort:** 3 days``): a package of work, not a chapter of a document."""
    for blk in chapter.blocks:
        for line in blk.text.splitlines() if isinstance(blk, Paragraph) else []:
            kv = split_keyval(line)
            key = " ".join(plain(kv[0]).lower().split()) if kv else ""
            if kv and (_PACKAGE_KEY.match(key) or header_field(key) in ("estimate_days", "owner")):
                return True
    return False


def _bare_numbered(sec: Section) -> bool:
    """A numbered heading with nothing under it."""
    return not sec.blocks and not sec.children and ticket_id(sec) is not None


#: What the import found of the document it reads, by (section, question): how its headings are numbered. Each
#: answer reads the whole document, or all of a heading's groups, and every numbered heading asks it: a 1,000-heading
#: outline took minutes. ``markdown.import_markdown`` gives each import an empty one; outside an import (None) each
#: answer is worked out afresh. The section is kept beside its answer, so that its ``id`` stays its own.
DOCUMENT_FACTS: ContextVar[dict[tuple[int, str], tuple[Section, object]] | None] = ContextVar(
    "DOCUMENT_FACTS", default=None
)

_Fact = TypeVar("_Fact")


def document_fact(sec: Section, question: str, find: Callable[[], _Fact]) -> _Fact:
    """``find()``, asked once per import of ``sec`` and ``question``."""
    found = DOCUMENT_FACTS.get()
    if found is None:
        return find()
    key = (id(sec), question)
    if key not in found:
        found[key] = (sec, find())
    return cast(_Fact, found[key][1])


def document_root(sec: Section) -> Section:
    """The document a section belongs to: the root of its outline."""
    while sec.parent is not None:
        sec = sec.parent
    return sec


def _outline_states_progress(sec: Section) -> bool:
    root = document_root(sec)
    return document_fact(root, "outline states progress", lambda: outline_states_progress(root))


def outline_states_progress(root: Section) -> bool:
    """Whether a heading numbered as a section of its chapter (1.1, 2.3) states its progress somewhere in the
    document (``_states_progress``): then the plan numbers its steps so, and each is an item (a plan is one shape)."""
    return any(
        "." in (tid := ticket_id(s) or "") and is_outline_number(tid) and _states_progress(s)
        for s in root.walk()
        if s.heading is not None
    )


def _states_progress(sec: Section) -> bool:
    """Whether a heading says how far its work is: a state in its marks or its closing words, or a closing mark."""
    return "status" in strip_heading_marks(sec.title)[1] or closing_state(sec.bare_title) is not None


#: A chapter numbered in CJK numerals: "## 一、修复工作总览", "## 十二．附录".
_CJK_CHAPTER = re.compile(r"^(?P<num>[一二三四五六七八九十]{1,3})\s*[、.．]")
_CJK_DIGITS = {c: n for n, c in enumerate("一二三四五六七八九", start=1)}


def _cjk_chapter(title: str) -> str | None:
    """The number of a chapter headed in CJK numerals (``一、`` -> "1", ``十二、`` -> "12"); None for any other."""
    m = _CJK_CHAPTER.match(title)
    if not m:
        return None
    tens, _, units = m.group("num").rpartition("十")
    if "十" not in m.group("num"):
        return str(_CJK_DIGITS[units]) if len(units) == 1 else None
    return str(_CJK_DIGITS.get(tens, 1) * 10 + (_CJK_DIGITS.get(units, 0) if units else 0))


#: "Phase 2: x", "Фаза 2", "Etappe 3": a heading naming a group of the plan's work.
GROUP_HEAD = re.compile(rf"^{GROUP_NOUN}\s+[A-Za-z0-9]+\b", re.I)


def _tables_work(sec: Section) -> bool:
    """Whether the section holds a table of two rows or more naming work and its state or owner (``| Task | Status
    |``): the rows are the items, the heading their group."""
    for blk in sec.blocks:
        if isinstance(blk, Table) and len(blk.rows) >= 2:
            fields = {header_field(h) for h in blk.headers}
            if "title" in fields and fields & {"status", "owner", "estimate_days", "priority"}:
                return True
    return False


def numbered_item_id(sec: Section) -> str | None:
    """The number of ``### 2. Task detail view`` when its siblings are numbered on from 1 (``### 1.``,
    ``### 3.``) under a heading that names work and is not numbered itself: features or steps written as
    headings over prose. A numbered document's own sections ("## 1. Overview") are no items."""
    if sec.heading is None or sec.parent is None or sec.parent.heading is None:
        return None
    if sec.level < 3:
        return _stated_top_number(sec)
    stated = _stated_number(sec)
    if stated is not None:
        return stated
    m = numbered_heading(sec.bare_title)
    up = sec.parent  # named for the fact asked of it below
    parent = up.bare_title
    if m and chosen_label(up) == "items":
        return m.group("num")  # the person said the section above holds items: its numbered headings are them
    if not m or NUMBERED_HEADING_RE.match(parent):
        return None
    if _tables_work(sec):
        return None  # "### 1. UI Polish" over its table of tasks (Task | Status | Effort): it groups them
    if is_criteria(parent):
        return None  # "## 💡 Tips for Moving Fast" > "### 1. **Focus on One Task**": advice on the work, no items
    if _numbered_through(sec) and not sec.holds_boxes:
        # (A numbered heading over boxes is a step whose boxes are the work: "### 3. DNS cutover" over its checks.)
        return m.group("num")
    grand = sec.parent.parent
    across_rx = next((rx for rx in (PRIO_GROUP_RE, GROUP_HEAD) if rx.match(parent)), None)
    if across_rx is not None and grand is not None:
        # "## High priority" > "### 4. x": tasks numbered on across the priority groups (1-3, 4-6 ..); likewise
        # steps numbered on across phases ("### Фаза 2" > "#### 4. x").
        if _numbered_across(grand, across_rx.pattern, lambda t: bool(across_rx.match(t))):
            return m.group("num")
        # "### Phase 1: Preparation" > "#### 1. Set up the framework", "#### 2. ...", then "### Phase 2" > "#### 1.":
        # each group's steps numbered from 1, in every group that numbers its headings.
        group = re.match(rf"^{GROUP_NOUN}\s+(?P<n>[A-Za-z0-9]+)\b", parent, re.I)
        if group is None or not _numbered_within(grand, "within", lambda t: bool(GROUP_HEAD.match(t))):
            return None
        return f"{group.group('n')}.{m.group('num')}"  # "2.1": one id each across the groups
    if grand is not None and status_heading(parent) is not None:
        # "## Completed Fixes ✅" > "### 1.", "### 2.", then "## In Progress 🔄" > "### 3.": the plan's entries
        # numbered on across a board's columns, whichever of them names its state or its work.
        if _numbered_across(grand, "state", lambda t: status_heading(t) is not None or names_work(t)):
            return m.group("num")
    if grand is not None and grand.heading is not None and names_work(grand.bare_title):
        # "## Prioritized next steps" > "### Tier 1: Critical" > "#### 1. Draft chapter 3": the groups under a
        # heading that names work, whatever they are called, when the steps are numbered on across them (else the
        # steps of one group numbered from 1, below).
        if _numbered_across(grand, "work", lambda t: not re.match(r"\d+\.\s", t)):
            return m.group("num")
    if names_work(parent) and document_fact(up, "numbered from 1", lambda: _numbered_from_one(up)):
        return m.group("num")
    if (
        _PHASES.match(plain(parent))
        and not sec.holds_boxes
        and not sec.children
        and document_fact(up, "numbered from 1", lambda: _numbered_from_one(up))
    ):
        # "## Fases" > "### 1. Inventário inicial" over what it does and its "Critério de pronto": each phase heading
        # over prose is one piece of the plan's work (over boxes, or over sub-headings, it groups them).
        return m.group("num")
    if (
        grand is not None
        and grand.heading is not None
        and not grand.is_title
        and _names_work_above(grand)
        and _numbered_within(grand, "each group", _unnumbered)
        and document_fact(grand, "numbered headings describe", lambda: _numbered_describe(grand))
    ):
        # "# … Enhancement Roadmap" > "## Security" > "### 🔴 Critical Improvements" > "#### 1. MFA", "#### 2. …",
        # then "### 🟡 Monitoring" > "#### 1. Audit logging": in a plan of work, the groups of a theme that each count
        # their headings from 1 list features; ``restarted_number`` keeps the later groups' ids apart. (Right under
        # the title, "## Design notes" > "### 1. Storage" beside "## Next features" > "### 1. …" numbers notes; under
        # "### ✅ COMPLETED", "#### 1. Core Backend" over "- **Express.js Server** - ✅ Complete" groups its work.)
        return m.group("num")
    return None


#: A heading over the plan's phases: "Phases", "Fases", "Etapas", "Phasen", "Étapes", "Этапы".
_PHASES = re.compile(r"^\W*(?:\d+[.)]\s*)?(?:phases|fases|etapas|phasen|étapes|etapes|этапы|fasi)\s*:?$", re.I)


def _unnumbered(title: str) -> bool:
    return not NUMBERED_HEADING_RE.match(title)


def _numbered_describe(grand: Section) -> bool:
    """Whether every list under the numbered headings of ``grand``'s groups gives facts about its heading, an entry
    each (``- **Technology**: Socket.IO``, ``- **Features**:`` over its points), as a feature's description does."""
    return all(
        split_keyval(it.text) is not None or plain(it.text).rstrip().endswith(":")
        for group in grand.children
        for sec in group.children
        if numbered_heading(sec.bare_title)
        for blk in sec.blocks
        if isinstance(blk, ListBlock)
        for it in blk.items
    )


def _names_work_above(sec: Section) -> bool:
    """Whether ``sec`` or a heading above it names work ("Roadmap", "Planned features")."""
    up: Section | None = sec
    while up is not None:
        if up.heading is not None and names_work(up.bare_title):
            return True
        up = up.parent
    return False


def _numbered_from_one(sec: Section) -> bool:
    """Whether the numbered headings right under ``sec`` count 1, 2, 3 …, two at least."""
    nums = [int(x.group("num")) for c in sec.children if (x := numbered_heading(c.bare_title))]
    return len(nums) >= 2 and nums == list(range(1, len(nums) + 1))


def _stated_top_number(sec: Section) -> str | None:
    """The number of ``## 3. Graphs on mobile — pending spec`` under a title that names work ("# Deferred backlog"),
    when its siblings are numbered on from 1, three or more, and most of them close with their state: a backlog's
    entries, where ``## 1. Overview`` under ``# Plan`` numbers the document's own sections."""
    m = numbered_heading(sec.bare_title)
    if m is None or sec.level != 2 or sec.parent is None or sec.parent.level != 1:
        return None
    if not names_work(sec.parent.bare_title):
        return None
    numbered = [(x, c) for c in sec.parent.children if (x := numbered_heading(c.bare_title))]
    nums = [int(x.group("num")) for x, _ in numbered]
    if len(nums) < 3 or nums != list(range(1, len(nums) + 1)):
        return None
    stated = sum(1 for _, c in numbered if trailing_status(plain(c.bare_title))[1])
    return m.group("num") if stated * 2 > len(numbered) else None


#: ``### 7f. Contrast fails at small sizes — `READY```: a heading numbered by a stable number, a letter after it for
#: one added later between two others.
STABLE_NUMBER_RE = re.compile(r"^(?P<num>\d{1,3}[a-z]?)[.)]\s+(?P<title>\S.*)$")


def _stated_number(sec: Section) -> str | None:
    """The number of ``### 7f. x — `READY``` when most of the numbered headings beside it (two thirds, three at
    least) close with their state: a backlog's entries, each saying how far it is, whether numbered 1, 2, 3 … or
    by numbers kept stable as entries close (gaps, letters). A document's numbered sections state no progress."""
    m = STABLE_NUMBER_RE.match(sec.bare_title)
    up = sec.parent
    if m is None or up is None:
        return None
    return m.group("num") if document_fact(up, "numbered headings state", lambda: _states_close(up)) else None


def _states_close(up: Section) -> bool:
    numbered = [c for c in up.children if c.heading is not None and STABLE_NUMBER_RE.match(c.bare_title)]
    stated = sum(1 for c in numbered if closing_state(c.bare_title) is not None)
    return len(numbered) >= 3 and stated * 3 >= len(numbered) * 2


def _numbered_within(grand: Section, kind: str, is_group: Callable[[str], bool]) -> bool:
    """Whether the groups under ``grand`` (its children whose titles ``is_group``, two or more) each number their
    headings 1, 2, 3 ... (two or more), where any group numbers them at all."""
    return document_fact(grand, kind, lambda: _within(grand, is_group))


def _within(grand: Section, is_group: Callable[[str], bool]) -> bool:
    groups = [c for c in grand.children if c.heading is not None and is_group(c.bare_title)]
    runs = [[int(x.group("num")) for c in g.children if (x := numbered_heading(c.bare_title))] for g in groups]
    runs = [r for r in runs if r]
    return len(runs) >= 2 and all(len(r) >= 2 and r == list(range(1, len(r) + 1)) for r in runs)


def _numbered_across(grand: Section, kind: str, is_group: Callable[[str], bool]) -> bool:
    """Whether the headings under ``grand``'s groups (its children whose titles ``is_group``) are numbered on from 1
    across the groups, two or more."""
    return document_fact(grand, kind, lambda: _across(grand, is_group))


def _across(grand: Section, is_group: Callable[[str], bool]) -> bool:
    groups = [g for g in grand.children if g.heading is not None and is_group(g.bare_title)]
    across = [int(x.group("num")) for g in groups for c in g.children if (x := numbered_heading(c.bare_title))]
    return len(across) >= 2 and across == list(range(1, len(across) + 1))


def _numbered_through(sec: Section) -> bool:
    root = document_root(sec)
    return document_fact(root, "numbered through", lambda: numbered_through(root))


def numbered_through(root: Section) -> bool:
    """Whether the numbered headings under the document's groups (priority groups, weeks, months: headings not
    numbered themselves) are numbered on from 1 through the whole plan, three or more, never going back: "###
    Week 1-2" > "#### 🔴 CRITICAL" > "##### 1. x" .. "### Week 3-4" > "#### 🟡 HIGH" > "##### 8. y" .. "### Month
    2" > "#### 13. z"."""
    found = [
        (int(x.group(1)), s.parent)
        for s in root.walk()
        if s.heading is not None
        and s.parent is not None
        and s.parent.heading is not None
        and s.level >= 3
        and not NUMBERED_HEADING_RE.match(s.parent.bare_title)
        and (x := re.match(r"(\d+)\.\s", s.bare_title))
    ]
    nums = [n for n, _ in found]
    # Some entries may be written otherwise (a bold line over prose): the numbers still only go up, from 1, and
    # on from one group to the next ("### Components" > "#### 1." .. "#### 4." numbers one section's parts).
    return (
        len(nums) >= 3
        and nums[0] == 1
        and all(a < b for a, b in zip(nums, nums[1:]))
        and len({id(parent) for _, parent in found}) >= 2
    )


def restarted_number(b: Builder, sec: Section, number: str) -> str:
    """``number``, or the parent heading's initials and it (``NS-1``) when a numbered heading under another parent
    took it already ("## Your Task" > "### 1. Review", then "## Next Steps" > "### 1. Staging"): the list counts
    from 1 again, and its steps are other work."""
    taken = b.items.get(number)
    if taken is None or taken.origin != "ticket" or sec.parent is None or sec.parent.heading is None:
        return number
    if any(s.line == taken.line for s in sec.parent.children):
        return number  # the same list: the plan numbered one step twice (said, as ever)
    stem, k = title_initials(sec.parent.bare_title), 1
    while (rid := f"{stem}{k if k > 1 else ''}-{number}") in b.items:
        k += 1
    return rid


def after_heading_item(b: Builder, sec: Section) -> bool:
    """Whether the heading just before ``sec`` at its level made an item of itself (a numbered step of the plan)."""
    siblings = sec.parent.children if sec.parent is not None else []
    at = next((n for n, s in enumerate(siblings) if s is sec), 0)
    if at == 0:
        return False
    before = siblings[at - 1]
    return any(rec.line == before.line for rec in b.items.values())
