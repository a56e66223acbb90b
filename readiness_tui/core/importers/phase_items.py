"""Phases that are the plan's work items: a roadmap that ticks its phases off.

``- [x] **Phase 1: EvalPlus** - ...`` in a checklist, then ``### Phase 1: EvalPlus`` with
``**Depends on**: Phase 1`` beneath: each phase is one unit of work, done or not, with its own
dependencies (a common roadmap file of AI-assisted projects, and of release plans). Such a plan's
phases become items ``PHASE-1`` ..; the checklist entry, the heading and every ``Phase N`` reference
name the same item.

A phase heading that ends with its state (``### Phase 2 — Search — implemented``, ``### Phase 3 — Sync —
not started``) says the same: when two phase headings or more carry a state word, each phase heading of that
shape is an item, its status the state word (see ``status_words.trailing_status``).

A plan whose phase headings stand over prose and plain steps only (no box, table, sub-heading, task label or id of
their own in any of them) says the same: its phases are its units of work.

Phases stay groups (the usual reading) when a phase's section holds checklist entries with ids of
their own (``- [ ] 1.2 Set up CI``): then the phase is a heading over its items, not an item.
"""

from __future__ import annotations

import re

from readiness_tui.core.importers.status_words import exact_status

#: ``- [x] **Phase 1: EvalPlus**``, ``- [ ] Phase 13: Identity Linking (0/2 plans)``.
_PHASE_ENTRY = re.compile(
    r"^\s*[-*+]\s+\[[ xX]\]\s+(?:\*\*|__)?(?P<word>phase|stage)\s+(?P<num>\d+(?:\.\d+)?)\s*:", re.I
)
#: ``### Phase 1: EvalPlus``, ``## ✅ Phase 2 — Auth``.
_PHASE_HEADING = re.compile(
    r"^(?P<lead>#{1,6}\s+(?:[^\w\s#*]+\s*)*(?:\*\*)?)(?P<word>phase|stage)\s+(?P<num>\d+(?:[A-Za-z]|\.\d+)*)"
    r"(?P<sep>\s*(?::|—|–|\s-\s))",
    re.I,
)
#: What follows the number of a phase heading that states its state: `` — Search — implemented``.
_STATED_TAIL = re.compile(r"^\s*(?::|—|–|\s-\s)\s*\S.*?\s(?:—|–|-)\s+(?P<state>[^—–]+?)\s*$")
#: ``Phase 3, Phase 4``, ``Phases 12 and 13``: references to phases by number.
_PHASE_REF = re.compile(
    r"\b(?P<word>phases?|stages?)\s+(?P<nums>\d+(?:\.\d+)?(?:\s*(?:,|&|\band\b|-|–|\bto\b)\s*\d+(?:\.\d+)?)*)\b", re.I
)
#: A checklist entry that starts with an id of its own: ``- [ ] 1.2 Set up CI``, ``- [x] **T-4** Index``.
_ENTRY_WITH_ID = re.compile(r"^\s*[-*+]\s+\[[ xX]\]\s+(?:\*\*|__|`)?(?:[A-Za-z]{1,5}-?\d+|\d+\.\d+)\b(?!\.md|-)")
_HEADING = re.compile(r"^(#{1,6})\s")


def phase_item_ids(lines: list[str]) -> dict[str, str]:
    """Phase numbers that are items -> their ids; empty unless the plan ticks off two phases or more
    and no phase section holds items with ids."""
    ticked = {
        m.group("num"): f"{m.group('word').upper()}-{m.group('num')}" for m in map(_PHASE_ENTRY.match, lines) if m
    }
    if len(ticked) < 2:
        ticked = _stated_phases(lines)
    if len(ticked) < 2:
        ticked = _bare_phases(lines)
    if len(ticked) < 2:
        return {}
    level = 0
    in_phase = False
    for ln in lines:
        h = _HEADING.match(ln)
        if h:
            if in_phase and len(h.group(1)) <= level:
                in_phase = False
            hm = _PHASE_HEADING.match(ln)
            if hm:
                in_phase, level = True, len(h.group(1))
            continue
        if in_phase and _ENTRY_WITH_ID.match(ln) and not _PHASE_ENTRY.match(ln):
            return {}
    return ticked


def _stated_phases(lines: list[str]) -> dict[str, str]:
    """Phase headings shaped ``Phase N — Title — state``, when two or more of them end with a status word."""
    shaped: dict[str, str] = {}
    stated = 0
    for ln in lines:
        m = _PHASE_HEADING.match(ln)
        tail = _STATED_TAIL.match(ln[m.start("sep") :]) if m else None
        if m and tail:
            shaped[m.group("num")] = f"{m.group('word').upper()}-{m.group('num')}"
            stated += exact_status(tail.group("state")) is not None
    return shaped if stated >= 2 else {}


#: What in a phase's body could hold items of its own: a box, a table, a heading, a bold id or label line (a table
#: indented under a step is part of that step).
_HOLDS_ITEMS = re.compile(r"^(?:\s*[-*+]\s+\[[ xX]\]|\||#{1,6}\s|\*\*[^*]+\*\*\s*:?\s*$)")
_FENCE = re.compile(r"^\s*(```|~~~)")
#: An item id in a phase's body: a list entry that opens with ``1.1``, or ``SEC-002`` anywhere (code blocks too).
_NAMES_ID = re.compile(r"^\s*[-*+]\s+(?:\*\*|`)?\d+\.\d+\b|\b[A-Z][A-Z0-9]*-\d+\b")


def _bare_phases(lines: list[str]) -> dict[str, str]:
    """Phase headings over prose and numbered steps only, nothing in any of them that could be an item of its own
    (no box, table, sub-heading, bold label or id line): the phases are the plan's units of work."""
    found: dict[str, str] = {}
    level = 0
    in_phase = fenced = False
    body = 0
    for ln in lines:
        if in_phase and _NAMES_ID.search(ln):
            return {}  # the phase lists or draws items of its own ("- 1.1 Setup", "├── SEC-002: ..."): a group
        if _FENCE.match(ln):
            fenced = not fenced
        if fenced:
            continue
        h = _HEADING.match(ln)
        if in_phase and h and len(h.group(1)) <= level:
            in_phase = False
        hm = _PHASE_HEADING.match(ln)
        if hm:
            if found and not body:
                return {}
            in_phase, level, body = True, len(hm.group("lead").split()[0]), 0
            found[hm.group("num")] = f"{hm.group('word').upper()}-{hm.group('num')}"
            continue
        if in_phase:
            if _HOLDS_ITEMS.match(ln) and not _STEP_LEAD.match(ln):
                return {}
            body += bool(ln.strip())
    return found if body else {}


#: A bold lead-in that introduces a phase's steps or notes, not work of its own ("**Files to create:**").
_STEP_LEAD = re.compile(r"^\s*\*\*[^*]+:\*\*\s*\S?.*$")


def _expand(nums: str) -> list[str]:
    """``2-5`` -> 2, 3, 4, 5 (whole numbers only); ``1, 3`` -> 1, 3."""
    out: list[str] = []
    for part in re.split(r"\s*(?:,|&|\band\b)\s*", nums):
        r = re.fullmatch(r"(\d+)\s*(?:-|–|\bto\b)\s*(\d+)", part.strip())
        if r and int(r.group(1)) < int(r.group(2)) <= int(r.group(1)) + 50:
            out += [str(n) for n in range(int(r.group(1)), int(r.group(2)) + 1)]
        else:
            out += re.findall(r"\d+(?:\.\d+)?", part)
    return out


def rewrite_phase_line(line: str, ids: dict[str, str]) -> tuple[str, str | None]:
    """The line with its phase heading or phase references given their item ids, and what was done."""
    m = _PHASE_HEADING.match(line)
    if m and m.group("num") in ids:
        rid = ids[m.group("num")]
        return m.group("lead") + rid + m.group("sep") + line[
            m.end() :
        ], f"heading names phase {m.group('num')}: item id {rid}"
    em = _PHASE_ENTRY.match(line)
    if em and em.group("num") in ids:
        rid = ids[em.group("num")]
        return line[: em.start("word")] + rid + line[
            em.end("num") :
        ], f"checklist entry names phase {em.group('num')}: item id {rid}"

    def ref(mr: re.Match[str]) -> str:
        nums = _expand(mr.group("nums"))
        if not all(x in ids for x in nums):
            return mr.group(0)
        return ", ".join(ids[x] for x in nums)

    new = _PHASE_REF.sub(ref, line)
    return new, None
