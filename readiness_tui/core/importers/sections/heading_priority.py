"""The priority a heading gives the work under it: stated in it (``(Priority: P1)``, ``Immediate (P0)``,
"Critical before staff pilot", "Day 1-2 [URGENT]"), or its rank among its siblings (``Tier 0``, ``Tier 1``; the
traffic-light marks 🔴 🟠 🟡 🟢 opening three or more of them)."""

from __future__ import annotations

import re
from dataclasses import replace

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.document.blocks import Section
from readiness_tui.core.importers.sections.patterns import PRIO_GROUP_RE, Ctx
from readiness_tui.core.importers.vocabulary.priorities import PRIORITY_WORDS, parse_priority
from readiness_tui.core.importers.vocabulary.title_states import status_heading

#: ``(Priority: P1)``, ``[Priority: High]`` or ``(Priority 2)`` in a heading.
_HEADING_PRIORITY = re.compile(r"[(\[]\s*priority\s*:?\s*(?P<prio>[^)\]]+?)\s*[)\]]", re.I)
#: A level of priority said in a word before "priority": "High Priority", "CRITICAL PRIORITY".
_LEVEL_WORDS = "critical|urgent|highest|high|medium|normal|low|lowest"
_LEVEL = rf"(?P<prio>{_LEVEL_WORDS})"
#: "Phase 1: Validation & Testing (HIGH PRIORITY)": the word before "priority" in brackets, a mark maybe before it
#: ("Phase 11: Gameplay UX (🔴 High Priority)").
_WORD_BEFORE_PRIORITY = re.compile(rf"[(\[]\s*(?:[^\w\s()\[\]]{{1,3}}\s*)?{_LEVEL}\s+priority\s*[)\]]", re.I)
#: "Phase 1: High Priority Resource Completion": a level of priority opening the words after a heading's label.
_LABELLED_PRIORITY = re.compile(rf"^[^:]{{1,30}}:\s*{_LEVEL}[ -]priority\b", re.I)
#: "Phase 1: Foundation (Weeks 1-3) - HIGH PRIORITY": a level of priority closing a heading after a dash.
_TRAILING_PRIORITY = re.compile(rf"\s[-–—|]\s*(?P<prio>{_LEVEL_WORDS}|higher|lower)\s+priority\s*$", re.I)
#: "第一周：高优先级任务", "中優先度": a level of priority before the word for it in Chinese or Japanese.
_CJK_PRIORITY = re.compile(r"(?P<prio>紧急|緊急|高|中|低)\s*(?:优先级|優先級|優先度)")
#: "1. 🔴 CRITICAL: User Experience", "HIGH: Platform": a level in capitals and a colon opening the heading's words;
#: or a gloss in brackets after it, "🚨 CRITICAL (Bloqueurs) - Score: 4/4".
_LEADING_LEVEL = re.compile(
    rf"^(?:\d+(?:\.\d+)*[.)]?\s+)?(?:[^\w\s]{{1,3}}\s*)?(?P<prio>{_LEVEL_WORDS.upper()})\s*(?::\s*\S|\([^()]+\))"
)
#: "Critical before staff pilot", "Important after v1": a heading that ranks the work under it by the moment it
#: must be done by.
_GATE_PRIORITY = re.compile(
    r"^(?P<prio>critical|important|high|medium|low|nice to have)\s+(?:before|after|for|by|until)\s+\w", re.I
)
#: "Immediate (P0) — Do Now": a priority level in brackets inside a heading.
_PAREN_PRIORITY = re.compile(r"\((?P<prio>P[0-4])\)")
#: "Day 1-2: Component completion [URGENT]", "MVF-1: Chat Readability Overhaul (Critical)": a priority word in
#: brackets closing a heading.
_TAG_PRIORITY = re.compile(r"\s*(?:\[(?P<square>[^\[\]]{1,20})\]|\((?P<round>[^()]{1,20})\))\s*$")


def closing_priority(title: str) -> tuple[str, str | None]:
    """``(title, priority)``: a title without the priority word in brackets closing it, and that priority; the title
    as it is and None when it closes with none."""
    tag = _TAG_PRIORITY.search(title)
    said = (tag.group("square") or tag.group("round")) if tag and tag.start() > 0 else None
    # In round brackets one word only: "(Should Implement)", "(High Value)" say more of the work than its rank.
    if tag is not None and tag.group("round") and said is not None and len(said.split()) > 1:
        said = None
    prio = _word_priority(said) if said else None
    return (title[: tag.start()].rstrip(), prio) if tag and prio else (title, None)


#: "Tier 1: Critical path", "Tier 0 — Critical": a rank among sibling headings.
_TIER = re.compile(r"^tier\s+(?P<num>\d)\b", re.I)


def _tier_priority(sec: Section) -> str | None:
    """``Tier N`` among two or more sibling tier headings: the first tier is P0, the next P1 … (none past P3)."""
    m = _TIER.match(sec.bare_title)
    if m is None or sec.parent is None:
        return None
    tiers = [int(t.group("num")) for s in sec.parent.children if (t := _TIER.match(s.bare_title))]
    rank = int(m.group("num")) - min(tiers)
    return f"P{rank}" if len(tiers) >= 2 and rank <= 3 else None


#: The traffic-light marks a plan ranks its headings by, most urgent first.
_RANK_MARKS = ("🔴", "🟠", "🟡", "🟢")


def _mark_priority(sec: Section) -> str | None:
    """A heading opening with a traffic-light mark among three or more siblings that open with others of them, in
    their order down the document ("🔴 Acil", "🟠 Yüksek", "🟡 Orta"): red is P0, orange P1, yellow P2, green P3.
    One red heading alone is a warning or a state, not a rank."""
    if sec.parent is None or not sec.title.startswith(_RANK_MARKS):
        return None
    marked = [s for s in sec.parent.children if s.title.startswith(_RANK_MARKS)]
    if any(status_heading(s.title[1:].strip()) for s in marked):
        return None  # "🔴 Blocked", "🟡 In Progress": the colours of the board's states, not ranks of work
    ranks = [_RANK_MARKS.index(s.title[0]) for s in marked]
    if len(ranks) < 3 or len(set(ranks)) != len(ranks) or ranks != sorted(ranks):
        return None
    return f"P{_RANK_MARKS.index(sec.title[0])}"


def _legend_mark(sec: Section) -> str | None:
    """The level of the symbol a heading opens with, where the plan's legend ranks it ("### 🟡 Security Monitoring"
    after "- **🟡 High (Core Functionality)**" under "## Priority Classification"; ``legends.read_symbol_priorities``)."""
    title = sec.title.replace("\ufe0f", "").lstrip()
    own = PRIORITY_WORDS.get() or {}
    return next((p for sym, p in own.items() if not any(c.isalnum() for c in sym) and title.startswith(sym)), None)


def _word_priority(text: str) -> str | None:
    """The priority a tag is when it is a priority word or level (``URGENT``, ``High``, ``P1``), else None."""
    prio, was_word = parse_priority(text)
    return prio if was_word or re.fullmatch(r"P[0-3]", text.strip(), re.I) else None


def group_priority(title: str) -> str | None:
    """The priority a priority group heading names (``PRIO_GROUP_RE``: "P1 fixes", "Priority 0 - Runtime
    blockers", "High priority", "Priorité haute"; a fourth rank of a scale from 1 is P3), or None."""
    m = PRIO_GROUP_RE.match(title)
    if m is None:
        return None
    if m.group("prio"):
        return m.group("prio").upper()
    if m.group("num"):
        return f"P{min(int(m.group('num')), 3)}"
    if m.group("glossed"):
        return parse_priority(m.group("extra").replace("-", " "))[0]
    # "Nice-to-Have": the MoSCoW words with hyphens are the same words.
    word = m.group("word") or m.group("after") or m.group("bare") or m.group("level")
    return parse_priority(word.replace("-", " "))[0]


def lead_in_priority(label: str | None) -> str | None:
    """The priority a list's lead-in gives its entries: the whole label ("High priority:") or a part in brackets
    ("Checklist (prioridade média):", "Tasks [P1]:"); None when it names none."""
    if not label:
        return None
    text = label.strip().rstrip(":：").strip()
    parts = [text, *re.findall(r"[(\[]([^()\[\]]{1,40})[)\]]", text)]
    return next((prio for part in parts if (prio := group_priority(part.strip()))), None)


def stated_priority(sec: Section) -> str | None:
    """The priority a heading states for what it holds (see the module), or None."""
    if sec.heading is None:
        return None
    m = (
        _HEADING_PRIORITY.search(sec.title)
        or _WORD_BEFORE_PRIORITY.search(sec.title)
        or _GATE_PRIORITY.match(sec.bare_title)
        or _LABELLED_PRIORITY.match(sec.bare_title)
        or _TRAILING_PRIORITY.search(sec.bare_title)
        or _LEADING_LEVEL.match(sec.bare_title)
        or (_PAREN_PRIORITY.search(sec.bare_title) if sec.level > 1 else None)
        or _CJK_PRIORITY.search(sec.bare_title)
    )
    prio = (
        parse_priority(m.group("prio"))[0] if m else (_tier_priority(sec) or _mark_priority(sec) or _legend_mark(sec))
    )
    return prio or group_priority(sec.bare_title) or closing_priority(sec.bare_title)[1]


#: Marks a plan may give a legend of (``priority_legend``): the ranking marks and a few more colours.
_LEGEND_MARKS = (*_RANK_MARKS, "🔵", "🟣", "⚪", "⚫")


def priority_legend(root: Section) -> tuple[tuple[str, str], ...]:
    """The marks the document's headings open with and the priority each names ("### 🟡 High Priority Tasks":
    its words, else the mark's rank among its siblings), where every heading opening with the mark agrees."""
    said: dict[str, set[str | None]] = {}
    for s in root.walk():
        if s.heading is not None and s.title.startswith(_LEGEND_MARKS):
            said.setdefault(s.title[0], set()).add(group_priority(s.bare_title) or stated_priority(s))
    return tuple((mark, prio) for mark, p in said.items() if len(p) == 1 and (prio := next(iter(p))) is not None)


def _closing_mark(sec: Section, ctx: Ctx) -> str | None:
    """The priority of the legend mark closing the heading ("### 1.1 Context structure 🔴"), or None."""
    title = sec.title.rstrip()
    return next((prio for mark, prio in ctx.marks if title.endswith(mark)), None)


def heading_priority(b: Builder, sec: Section, ctx: Ctx) -> Ctx:
    """``ctx`` with the priority the heading states for what it holds, or the plan's legend says of the mark closing
    it (``Ctx.marks``), if it gives one (reported)."""
    if prio := stated_priority(sec):
        b.used(sec.line, f"heading states priority {prio} for the items under it")
    elif prio := _closing_mark(sec, ctx):
        b.used(sec.line, f"heading closes with a mark the plan's legend names priority {prio}")
    else:
        return ctx
    return replace(ctx, priority=prio)
