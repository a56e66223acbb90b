"""Phases that are the plan's work items: a roadmap that ticks its phases off.

``- [x] **Phase 1: EvalPlus** - ...`` in a checklist, then ``### Phase 1: EvalPlus`` with
``**Depends on**: Phase 1`` beneath: each phase is one unit of work, done or not, with its own
dependencies (a common roadmap file of AI-assisted projects, and of release plans). Such a plan's
phases become items ``PHASE-1`` ..; the checklist entry, the heading and every ``Phase N`` reference
name the same item.

A phase heading that ends with its state (``### Phase 2 — Search — implemented``, ``### Phase 3 — Sync —
not started``) says the same: when two phase headings or more carry a state word, each phase heading of that
shape is an item, its status the state word (see ``vocabulary.statuses.trailing_status``).

A plan whose phase headings stand over prose alone (no step, bullet, box, table, sub-heading, task label or id in
any of them) says the same: its phases are its units of work. Steps under a phase are its work, the phase their group.

Phases stay groups (the usual reading) when a phase's section holds checklist entries with ids of
their own (``- [ ] 1.2 Set up CI``): then the phase is a heading over its items, not an item.

A table of phases that is the plan's only account of its work: each row is the item ``PHASE-<name>``.

    | Phase | Scope                          | Dependencies |
    |-------|--------------------------------|--------------|
    | **A** | Schema migration               | None         |
    | **E** | Frontend display               | Phases B-D   |

When no heading of the plan opens a phase (so no section writes a phase's work out), the rows are the units of
work: ``PHASE-A`` .. with the first text column as title, and the dependencies column read as phases
(``Phase A``, ``Phases B-D``, ``Phases 2 and 3``; a range of letters or numbers is expanded).
"""

from __future__ import annotations

import re
from typing import Any

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.document.blocks import (
    FENCE_LINE,
    HEADING_LINE,
    HEADING_MARKS,
    ListBlock,
    Section,
    Table,
    plain,
)
from readiness_tui.core.importers.entries.entry_ids import JOINED_MARKS, LEAD_MARK_RE, opening_mark
from readiness_tui.core.importers.references.ids import NONE_WORDS
from readiness_tui.core.importers.references.refs import PHASE_WORDS
from readiness_tui.core.importers.tables.cells import padded_cells
from readiness_tui.core.importers.vocabulary.statuses import LEGEND_MARKS, exact_status, mark_key, opening_state

#: ``- [x] **Phase 1: EvalPlus**``, ``- [ ] Phase 13: Identity Linking (0/2 plans)``.
_PHASE_ENTRY = re.compile(
    r"^\s*[-*+]\s+\[[ xX]\]\s+(?:\*\*|__)?(?P<word>phase|stage)\s+(?P<num>\d+(?:\.\d+)?)\s*:", re.I
)
#: A box indented under the line above it: ``  - [x] Analyser les résultats``.
_NESTED_BOX = re.compile(r"^(?:\s{2,}|\t)[-*+]\s+\[[ xX]\]\s")
#: A count of work done closing a line: ``(0/6)``, ``(3 / 11)``.
_COUNTED = re.compile(r"\(\s*\d+\s*/\s*\d+\s*\)\s*$")
#: ``### Phase 1: EvalPlus``, ``## ✅ Phase 2 — Auth``.
_PHASE_HEADING = re.compile(
    rf"^(?P<lead>#{{1,6}}\s+{HEADING_MARKS}(?:\*\*)?)(?P<word>{PHASE_WORDS})\s+(?P<num>\d+(?:[A-Za-z]|\.\d+)*)"
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
#: A bullet and its words: ``- ✅ [2025-10-07] CI set up`` (see ``patterns.opening_mark`` for its state).
_BULLET = re.compile(r"^\s*[-*+]\s+(?P<rest>\S.*)$")


def marked_list(lst: ListBlock) -> bool:
    """Whether every entry of a list opens with a state mark, two entries or more in all (with those beneath): a
    phase's work, each entry ticked off."""
    if not all(it.box is None and opening_mark(it.text) for it in lst.items):
        return False
    # ("- ✅ Rain · ⬜ Music": one entry holding two, each after its mark.)
    joined = any(JOINED_MARKS.search(it.text) for it in lst.items)
    return len(lst.items) >= 2 or joined or any(marked_list(sub) for it in lst.items for sub in it.children)


def legend_marked(lst: ListBlock) -> bool:
    """Whether a list is ``marked_list`` with marks the plan's own legend gives a state ("- ✅ **Implemented**",
    "- 📋 **Planned**" in its key): each entry is a piece of work ticked off as the plan says, whatever heading it
    is under."""
    marks = LEGEND_MARKS.get() or {}
    if not marks or not marked_list(lst):
        return False
    leads = [LEAD_MARK_RE.match(plain(it.text)) for it in lst.items]
    if not all(m is not None and mark_key(plain(m.group("mark"))) in marks for m in leads):
        return False
    # The legend itself ("- ✅ **Implemented** - Fully functional"): each mark and the state it names.
    return not all(opening_state(plain(it.text)[m.end() :]) for it, m in zip(lst.items, leads, strict=True) if m)


#: The id ``phase_item_ids`` gives a phase ticked off as an item: its word in capitals and its number.
_PHASE_ITEM_ID = re.compile(r"^(?:PHASE|STAGE)-\d")


def is_phase_item_id(rid: str) -> bool:
    """Whether ``rid`` is the id of a phase ticked off as an item (``PHASE-1``, ``STAGE-2``): a period of the plan."""
    return _PHASE_ITEM_ID.match(rid) is not None


def phase_item_ids(lines: list[str]) -> dict[str, str]:
    """Phase numbers that are items -> their ids; empty unless the plan ticks off two phases or more
    and no phase section holds items with ids."""
    at = [(n, m) for n, m in enumerate(map(_PHASE_ENTRY.match, lines)) if m]
    entries = [m for _, m in at]
    if entries and all(_COUNTED.search(m.string) for m in entries):
        # "- [ ] Phase 1: Essential Content (0/6)": a tally of each phase's own boxes, which are the work.
        entries = []
    if entries and all(n + 1 < len(lines) and _NESTED_BOX.match(lines[n + 1]) for n, _ in at):
        # "- [ ] Phase 1: Recherche" over its own indented boxes: the phases group the boxes, which are the work.
        entries = []
    ticked = {m.group("num"): f"{m.group('word').upper()}-{m.group('num')}" for m in entries}
    if entries and set(ticked) <= boxed_phases(lines):
        # "- [ ] Phase 1: Foundation" over "## Phase 1 Tasks" holding its boxes: a summary of the phases whose own
        # boxes are the work, as a tally is.
        return {}
    if len(entries) > len(ticked):
        # "- [ ] Phase 2: drop the column", "- [x] Phase 2: add step 6": boxes about a phase's work, several for one
        # phase; a roadmap ticks each phase off once.
        ticked = {}
    if len(ticked) < 2:
        ticked = _stated_phases(lines)
    if len(ticked) < 2:
        ticked = _bare_phases(lines)
    if len(ticked) < 2:
        return {}
    level = marked = 0
    in_phase = False
    for ln in lines:
        h = HEADING_LINE.match(ln)
        if h:
            if in_phase and len(h.group(1)) <= level:
                in_phase = False
            hm = _PHASE_HEADING.match(ln)
            if hm:
                in_phase, level = True, len(h.group(1))
            continue
        if in_phase and _ENTRY_WITH_ID.match(ln) and not _PHASE_ENTRY.match(ln):
            return {}
        bullet = _BULLET.match(ln) if in_phase else None
        marked += bool(bullet and opening_mark(bullet.group("rest")))
    # Bullets that each open with their own state ("- ✅ CI set up", "- ❌ Admin portal") under the phases: the
    # phase's state sums up theirs, the bullets are the work (see ``marked_list``).
    return {} if marked >= 2 and not entries else ticked


#: A heading naming a phase by its number, whatever words come before or after (``## Phase 1 Tasks``).
_NAMES_PHASE = re.compile(r"^#{1,6}\s.*?\b(?:phase|stage)\s+(?P<num>\d+(?:\.\d+)?)\b", re.I)
#: A checklist entry: ``- [ ] Create the guide``.
_BOX_LINE = re.compile(r"^\s*[-*+]\s+\[[ xX]\]\s+\S")
#: A box holding a slot for work not yet named: ``- [ ] 03-01: [TBD during planning]``, ``- [ ] TBD``.
_PLACEHOLDER_BOX = re.compile(r"^\s*[-*+]\s+\[ \]\s+(?:[\w.-]+\s*[:—–-]\s*)?(?:\[[^\]]*\]|TBD\b.*|\.{3}|…)\s*$", re.I)


def boxed_phases(lines: list[str]) -> set[str]:
    """The numbers of the phases a heading names over boxes, under it or in its sub-sections (``## Phase 1 Tasks``
    over ``- [x] …``). A box that only holds a slot (``- [ ] 03-01: [TBD during planning]``) is no work."""
    found: set[str] = set()
    current: str | None = None
    level = 0
    for ln in lines:
        h = HEADING_LINE.match(ln)
        if h and (current is None or len(h.group(1)) <= level):
            m = _NAMES_PHASE.match(ln)
            current, level = (m.group("num"), len(h.group(1))) if m else (None, 0)
        elif current is not None and _BOX_LINE.match(ln) and not (_PHASE_ENTRY.match(ln) or _PLACEHOLDER_BOX.match(ln)):
            found.add(current)
    return found


def _stated_phases(lines: list[str]) -> dict[str, str]:
    """Phase headings shaped ``Phase N — Title — state``, when two or more of them end with a status word and most
    list no work right under them: a phase over its bullets (``- Step 4: Basic algorithms``) groups them, and gives
    them its state (``phase_work``)."""
    shaped: dict[str, str] = {}
    stated = listing = 0
    bullets: int | None = None
    for ln in lines:
        m = _PHASE_HEADING.match(ln)
        tail = _STATED_TAIL.match(ln[m.start("sep") :]) if m else None
        if m or HEADING_LINE.match(ln):
            listing += (bullets or 0) >= 2
            bullets = None
        if m and tail:
            shaped[m.group("num")] = f"{m.group('word').upper()}-{m.group('num')}"
            stated += exact_status(tail.group("state")) is not None
            bullets = 0
        elif bullets is not None and _BULLET.match(ln) and not ln[0].isspace():
            bullets += 1
    listing += (bullets or 0) >= 2
    return shaped if stated >= 2 and listing * 2 <= len(shaped) else {}


#: What in a phase's body is work of its own, the phase their group: a list entry (a step, a bullet, a box), a table
#: row, a heading, a bold label alone on its line.
_HOLDS_WORK = re.compile(r"^(?:\s*(?:[-*+]|\d{1,3}[.)])\s|\||#{1,6}\s|\*\*[^*]+\*\*\s*:?\s*$)")
#: A bold lead-in over a line of words (``**Goal:** ship the audit``): what the phase is about, not work of its own.
_STEP_LEAD = re.compile(r"^\s*\*\*(?P<label>[^*]+):\*\*\s*\S?.*$")
#: An item id in a phase's body: ``SEC-002`` anywhere (code blocks too), a line opening with ``**Story 6.1:**``.
_NAMES_ID = re.compile(r"\b[A-Z][A-Z0-9]*-\d+\b|^\s*\*\*[A-Za-z]+\s+\d+(?:\.\d+)+:?\*\*")


def _bare_phases(lines: list[str]) -> dict[str, str]:
    """Phase headings over prose alone (no list, table, sub-heading, bold label or id in any of them): the phases
    are the plan's units of work. Where a phase lists steps (``1. Add the table``), the steps are the work and the
    phases their groups: so plans read since wrote them, where an earlier reading made each such phase one item."""
    found: dict[str, str] = {}
    level = 0
    in_phase = fenced = False
    body = 0
    for ln in lines:
        if in_phase and _NAMES_ID.search(ln):
            return {}  # the phase names or draws items of its own ("├── SEC-002: ..."): a group
        if FENCE_LINE.match(ln):
            fenced = not fenced
        if fenced:
            continue
        h = HEADING_LINE.match(ln)
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
            if _HOLDS_WORK.match(ln) and not _STEP_LEAD.match(ln):
                return {}
            body += bool(ln.strip())
    return found if body else {}


def opening_phases(text: str) -> list[str]:
    """The phase numbers a text opens with ("Phase 1 comes first" -> 1; "Phases 2-3 follow" -> 2, 3); [] when it
    opens with anything else."""
    m = _PHASE_REF.match(text.strip())
    return _expand(m.group("nums")) if m else []


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


#: A phase cell that is only its name: ``A``, ``**B**``, ``3``, ``Phase C``.
_NAME = re.compile(r"^(?:phase\s+)?(?P<name>[A-Z]|\d{1,2})$", re.I)
#: ``Phase A``, ``Phases B-D``, ``Phases 2, 3 and 5`` in a dependencies cell.
_REF = re.compile(r"\bphases?\s+(?P<names>[A-Z0-9]{1,2}(?:\s*(?:[-–,&]|\band\b|\bto\b)\s*[A-Z0-9]{1,2}\b)*)", re.I)
_ANY_PHASE_HEADING = re.compile(rf"^#{{1,6}}\s+{HEADING_MARKS}(?:\*\*)?(?:{PHASE_WORDS})\s+\w", re.I)


def _names(text: str) -> list[str]:
    out: list[str] = []
    for part in re.split(r"\s*(?:,|&|\band\b)\s*", text):
        r = re.fullmatch(r"(\w{1,2})\s*(?:-|–|\bto\b)\s*(\w{1,2})", part.strip())
        if r and r.group(1).isdigit() == r.group(2).isdigit():
            a, z = r.group(1).upper(), r.group(2).upper()
            if a.isdigit():
                out += [str(n) for n in range(int(a), int(z) + 1)]
            elif len(a) == len(z) == 1 and a < z:
                out += [chr(c) for c in range(ord(a), ord(z) + 1)]
        elif part.strip():
            out.append(part.strip().upper())
    return out


def phase_row_items(b: Builder, table: Table, sec: Section, fields: list[str | None]) -> bool:
    """Read the table as above; False (nothing done) unless it has that shape."""
    if "phase" not in fields or "depends_on" not in fields or "title" in fields or "id" in fields:
        return False
    if any(_ANY_PHASE_HEADING.match(ln) for ln in b.lines):
        return False
    pcol, dcol = fields.index("phase"), fields.index("depends_on")
    tcol = next((n for n, f in enumerate(fields) if f in (None, "description") and n not in (pcol, dcol)), None)
    rows = [padded_cells(table, r.cells) for r in table.rows]
    names = [_NAME.match(plain(cells[pcol]).strip()) for cells in rows]
    if tcol is None or len(rows) < 2 or not all(names):
        return False
    ids = [f"PHASE-{m.group('name').upper()}" for m in names if m]
    if len(set(ids)) != len(ids):
        return False
    for row, cells, rid in zip(table.rows, rows, ids, strict=True):
        dep_text = plain(cells[dcol]).strip()
        deps: list[str] = []
        if dep_text.lower().rstrip(".") not in NONE_WORDS:
            for m in _REF.finditer(dep_text):
                deps += [f"PHASE-{n}" for n in _names(m.group("names")) if f"PHASE-{n}" in ids]
        values: dict[str, Any] = {"id": rid, "title": plain(cells[tcol], keep_code=True), "kind": "task"}
        values["depends_on"] = list(dict.fromkeys(d for d in deps if d != rid))
        b.add_item(values, row.line, "phase row")
    b.consume(table, sec)
    b.used(
        table.line,
        f"table of phases with their dependencies, no phase heading in the plan -> items {ids[0]} .. {ids[-1]}",
    )
    return True
