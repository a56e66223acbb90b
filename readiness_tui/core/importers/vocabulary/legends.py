"""A plan's legends: the symbols its owner cells use for people, the words its priority codes stand for, and what
its symbols mark (``box_legends`` says what its checkbox marks and strike-throughs mean).

    Legend — **Owner:** 🟦 Zhou (backend) · 🟩 Lukas (domain) · 🟪 Philips (frontend).
    **Owners**: 🔵 = Ana, 🟢 = Bo

A line that names owners (``Owner``, ``Owners``, ``Assignee`` and the owner words of the plan languages read) and
pairs symbols with names is a legend. An owner cell written only in those symbols (``🟦``, ``🟦 (rev 🟩)``,
``🟦+🟩``) is owned by the person its first symbol names; the rest of the cell (a reviewer, a second hand) is
reported, and the cell as written is kept in the item's custom fields. A cell with a name in words is left alone.
"""

from __future__ import annotations

import re

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.document.blocks import ListBlock, Section, Table, plain
from readiness_tui.core.importers.vocabulary.headers import header_field
from readiness_tui.core.importers.vocabulary.priorities import PRIORITY_WORDS, priority_of_word
from readiness_tui.core.importers.vocabulary.statuses import (
    LEGEND_MARKS,
    exact_status,
    mark_key,
    opening_state,
    parse_status,
)

#: ``**Owner:** rest`` / ``Owners: rest`` anywhere in a line (the label may follow "Legend —").
_LABEL = re.compile(r"(?P<label>[^\W\d_][^\W\d_ ]*(?:\s[^\W\d_]+)?)\s*[:：]\s*(?P<rest>.+)$")
#: One pair: a symbol (no letters or digits), maybe "=" or ":", then a name.
_PAIR = re.compile(r"^\s*(?P<sym>[^\w\s()=:,;·|]+)\s*[=:]?\s*(?P<name>[^\W\d_][\w.'’ -]*?)\s*(?:\(.*)?$")
#: One pair of a code in capitals and a name, a dash between: ``В — Вова``, ``AL – Ana Lima``.
_LETTER_PAIR = re.compile(r"^\s*(?P<sym>[^\W\d_]{1,3})\s+[—–-]\s+(?P<name>[^\W\d_][\w.'’ -]*?)\s*(?:\(.*)?$")
_SEPARATORS = re.compile(r"\s*[·;,|•]\s*(?![^()]*\))")
#: What an owner cell of symbols may hold besides them: joins, and words in brackets ("(rev 🟩)").
_JOINS = re.compile(r"\([^()]*\)|[+&/,\s]|\band\b")
#: An HTML entity, which the plain text of a line replaces by its character (``&#58;`` is a colon).
_ENTITY = re.compile(r"&#?\w+;")


def _may_label(raw: str) -> bool:
    # A label ends at a colon: a line without one (written, or as an entity) is passed over before its Markdown is
    # read.
    return ":" in raw or "：" in raw or bool(_ENTITY.search(raw))


def _norm(sym: str) -> str:
    return sym.replace("\ufe0f", "").strip()


#: A line that starts a block of its own, never the rest of the line above: a list entry, a heading, a table row.
_BLOCK_START = re.compile(r"^\s*(?:[-*+]\s|\d+[.)]\s|#|\||>|```)")
#: A line that nothing wraps on from: a heading, a table row, a fence.
_CLOSED = re.compile(r"^\s*(?:#|\||```)")


def _joined_lines(lines: list[str]) -> list[tuple[int, str]]:
    """Each line with the lines that wrap on from it (up to a blank line or a new block), by the number of its first
    line: ``**Owner key:** 🧑 You (…) ·`` over ``🤖 Me (…) · 🤝 Both`` is one legend. Headings, table rows and fences
    take no lines after them."""
    out: list[tuple[int, str]] = []
    open_line = False  # whether the line before may go on
    for n, raw in enumerate(lines, start=1):
        if open_line and raw.strip() and not _BLOCK_START.match(raw):
            first, text = out[-1]
            out[-1] = (first, f"{text} {raw.strip()}")
            continue
        out.append((n, raw))
        open_line = bool(raw.strip()) and not _CLOSED.match(raw)
    return out


def _names_owners(label: str) -> bool:
    """Whether a legend's label names owners: ``Owners``, or a phrase closing with an owner word ("Обозначения
    владельцев", a key of the owners)."""
    words = label.lower().split()
    return header_field(label) == "owner" or (bool(words) and header_field(words[-1]) == "owner")


def read_owner_legend(lines: list[str]) -> tuple[int, dict[str, str]]:
    """(line, symbol -> name) of the first owner legend in the plan, its pairs maybe wrapped over several lines; (0,
    {}) when it has none."""
    for n, raw in _joined_lines(lines):
        if not _may_label(raw):
            continue
        text = plain(raw).strip().rstrip(".")
        m = _LABEL.search(text)
        if not m or not _names_owners(m.group("label")):
            continue
        parts = _SEPARATORS.split(m.group("rest"))
        pairs = [_PAIR.match(p) for p in parts]
        if not all(pairs):
            # "**В** — Вова, **М** — Максим": capital letters standing for people, each with a dash.
            pairs = [lp if (lp := _LETTER_PAIR.match(p)) and lp.group("sym").isupper() else None for p in parts]
        if len(pairs) >= 2 and all(pairs):
            return n, {_norm(p.group("sym")): p.group("name").strip() for p in pairs if p}
    return 0, {}


def apply_owner_legend(b: Builder) -> None:
    """Read owner cells written in the legend's symbols as the people they stand for (see the module doc)."""
    line, legend = read_owner_legend(b.lines)
    if not legend:
        return
    read = 0
    for rid, rec in b.items.items():
        cell = rec.values.get("owner")
        if not isinstance(cell, str):
            continue
        syms = [s for s in (_norm(t) for t in _JOINS.sub(" ", cell).split()) if s]
        if not syms or any(s not in legend for s in syms):
            continue
        first = next((_norm(t) for t in re.findall(r"[^\w\s()+&/,]+", cell) if _norm(t) in legend), syms[0])
        rec.values["owner"] = legend[first]
        rec.values.setdefault("custom", {})["owner_as_written"] = cell
        read += 1
        if cell.strip() != first:
            b.note(rec.line, f"{rid}: owner {cell!r} read by the legend as {legend[first]!r}; the rest kept in custom")
    shown = ", ".join(f"{s} {n}" for s, n in legend.items())
    b.used(line, f"owner legend: {shown}" + (f" ({read} owners read by it)" if read else ""))


#: One entry of a priority legend: a code and the word it stands for (``P1: Kritisk``, ``P2 = High``, ``P3 – Low``).
_PRIO_PAIR = re.compile(r"\bP\s?(?P<n>\d)\s*(?:[:=(]|\s[-–—]\s?)\s*(?P<word>[^\W\d_][^,;|·/()]*)")


_CODE = re.compile(r"P\s?\d")


def read_priority_legend(lines: list[str]) -> tuple[int, dict[str, str]]:
    """(line, code -> level) of the first line that defines the plan's priority codes by words on a shifted scale
    (``P1: Kritisk, P2: Hög, P3: Medel, P4: Låg`` -> p1 P0 … p4 P3); (0, {}) when there is none, or when the
    codes already mean what they say (``P0: Critical, P1: High``)."""
    for n, raw in enumerate(lines, start=1):
        if len(_CODE.findall(raw)) < 3:  # a legend defines three codes or more: other lines are not parsed
            continue
        pairs = [(int(m.group("n")), priority_of_word(m.group("word"))) for m in _PRIO_PAIR.finditer(plain(raw))]
        if len(pairs) < 3 or any(level is None for _, level in pairs):
            continue
        codes = [c for c, _ in pairs]
        levels = [int(level[1]) for _, level in pairs if level]
        rising = all(a < b for a, b in zip(codes, codes[1:])) and all(a < b for a, b in zip(levels, levels[1:]))
        if rising and codes != levels:
            return n, {f"p{c}": f"P{lv}" for c, lv in zip(codes, levels)}
    return 0, {}


def read_symbol_priorities(lines: list[str]) -> tuple[int, dict[str, str]]:
    """(line, symbol -> level) of the first line that labels a priority scale of symbols, most urgent first
    (``Prioritats: 🔴 crític · 🟠 abans de l'exposició · 🟡 quan puguem · ⚪ idea``); (0, {}) when there is none.
    The symbols rank in turn from the level the first one's word names (P0 when it names none); past P3, P3."""
    for n, raw in enumerate(lines, start=1):
        if not _may_label(raw):
            continue
        m = _LABEL.search(plain(raw).strip().rstrip("."))
        if not m or header_field(m.group("label")) != "priority":
            continue
        # "⚪ idea / sense data": a word and its gloss.
        pairs = [_PAIR.match(re.sub(r"\s+/\s.*$", "", p)) for p in _SEPARATORS.split(m.group("rest"))]
        if len(pairs) < 3 or not all(pairs):
            continue
        first = priority_of_word(pairs[0].group("name")) if pairs[0] else None
        start = int(first[1]) if first else 0
        return n, {_norm(p.group("sym")): f"P{min(start + k, 3)}" for k, p in enumerate(pairs) if p}
    return _symbol_list(lines)


#: A heading about the plan's priorities: "## 🎯 Priority Classification", "### Priority levels".
_PRIORITY_HEADING = re.compile(r"^\s{0,3}#{1,6}\s.*\bpriorit(?:y|ies)\b", re.I)
#: A heading over a legend of several kinds of marks: "## Legend", "### Key".
_LEGEND_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+\W*(?:legend|key)\s*:?\s*$", re.I)
#: An entry of such a legend naming a priority: a symbol, a level, the word "priority" ("🔴 High Priority - Core").
_RANKED_ENTRY = re.compile(r"^(?P<sym>[^\w\s()=:,;·|]{1,3})\s*(?P<name>[^\W\d_]+)\s+priority\b", re.I)
#: A list entry of such a legend: a symbol, then its word (``- **🔴 Critical (Security & Compliance)**``).
_SYMBOL_ENTRY = re.compile(r"^\s{0,3}[-*+]\s+(?P<rest>.+)$")


def _symbol_list(lines: list[str]) -> tuple[int, dict[str, str]]:
    """The legend as a list right under a heading about priorities, three entries or more, each a symbol and the
    priority word that is its level (or under "## Legend", the three or more of its entries naming a priority,
    ``- 🔴 High Priority - Core functionality``, beside others naming states)::

        ## 🎯 Priority Classification
        - **🔴 Critical (Security & Compliance)**
        - **🟡 High (Core Functionality)**
        - **🟢 Medium (User Experience)**
    """
    for n, raw in enumerate(lines, start=1):
        mixed = _LEGEND_HEADING.match(raw) is not None
        if not _PRIORITY_HEADING.match(raw) and not mixed:
            continue
        entries: list[str] = []
        for text in lines[n:]:
            if not text.strip():
                if entries:
                    break
                continue
            m = _SYMBOL_ENTRY.match(text)
            if m is None:
                break
            entries.append(plain(m.group("rest")).strip())
        if mixed:
            # "## Legend" over "- 🔴 High Priority - Core, blocking" and "- ✅ Completed": the entries naming a priority.
            named = [m for e in entries if (m := _RANKED_ENTRY.match(e))]
            entries = [m.group(0) for m in named]
            pairs = [(m.group("sym"), priority_of_word(m.group("name"))) for m in named]
        else:
            pairs = [(p.group("sym"), priority_of_word(p.group("name"))) for e in entries if (p := _PAIR.match(e))]
        levels = {_norm(sym): level for sym, level in pairs if level}
        if len(entries) >= 3 and len(levels) == len(entries):
            return n + 1 + next(k for k, t in enumerate(lines[n:]) if t.strip()), levels
    return 0, {}


def apply_priority_legend(b: Builder) -> None:
    """Read the plan's priority codes by its own legend (see ``read_priority_legend``): a plan whose scale runs
    P1 Critical .. P4 Low means P0 by its P1; and the symbols a plan ranks its work with, by the line that lists
    them (``read_symbol_priorities``). Words the person gave (``--priority-word``) still come first."""
    own = PRIORITY_WORDS.get()
    if own is None:
        return
    at, symbols = read_symbol_priorities(b.lines)
    for sym, level in symbols.items():
        own.setdefault(sym, level)
    if symbols:
        b.used(at, "priority legend: " + ", ".join(f"{sym} {level}" for sym, level in symbols.items()))
    line, legend = read_priority_legend(b.lines)
    if not legend:
        return
    for code, level in legend.items():
        own.setdefault(code, level)
    shown = ", ".join(f"{c.upper()} -> {lv}" for c, lv in legend.items())
    b.used(line, f"priority legend: the plan's scale read as {shown}")


#: One line of a legend of state marks: a bullet, a mark (no letters or digits), then its word (``- ⏳ Offen``).
_MARK_LINE = re.compile(r"^\s*[-*+]\s+(?P<mark>[^\w\s\[\]()`*]{1,3})\s*[:=–-]?\s*(?P<word>[^\W\d_][^:()]*?)\s*$")


#: A state mark as a legend table writes it: a box (``[~]``) or a symbol with no letters or digits.
_TABLE_MARK = r"\[[^\]|]\]|[^|\w`\s]{1,4}"
#: One row of a legend table: a mark (maybe in a code span, ``[~]``), then its word (``| `[~]` | U toku |``).
_MARK_ROW = re.compile(rf"^\s*\|\s*(?P<mark>`?(?:{_TABLE_MARK})`?)\s*\|\s*(?P<word>[^|]*[^\W\d_][^|]*?)\s*\|\s*$")


def marks_legend(table: Table) -> bool:
    """Whether the table is the plan's legend of state marks (``| `[~]` | U toku |``), which ``read_mark_legend``
    read before the tables: two columns, a mark in every row's first cell, two of them or more the legend's (a mark
    it gives no state, ``[—]`` N/A, stays in its table)."""
    marks = LEGEND_MARKS.get()
    if not marks or len(table.headers) != 2 or not table.rows:
        return False
    firsts = [mark_key(plain(r.cells[0])) if r.cells else "" for r in table.rows]
    return all(re.fullmatch(_TABLE_MARK, f) for f in firsts) and sum(f in marks for f in firsts) >= 2


#: What a line may open with that its plain text does not: markup (an escape, an entity, a tag, a link, code,
#: emphasis).
_MARKUP_HEADS = frozenset("\\&<[`!*_")


#: A bullet whose text opens with a letter or digit: no mark.
_WORDS_BULLET = re.compile(r"\s*[-+]\s+[^\W_]")


def _may_pair(raw: str, shape: re.Pattern[str]) -> bool:
    """Whether the line's plain text may be one of ``shape``'s (a bullet, or a row of two cells): told from the line
    as written where its markup cannot change the answer, so that the plan's other lines are not parsed for it."""
    head = raw.lstrip()[:1]
    if not head or head in _MARKUP_HEADS:
        return bool(head)
    if shape is _MARK_LINE:
        return head in "-+" and not _WORDS_BULLET.match(raw)
    # Three pipes make a row of two cells; plain text keeps every pipe of a line with no entity, tag or link.
    return head == "|" and (raw.count("|") == 3 or "<" in raw or "](" in raw or bool(_ENTITY.search(raw)))


def read_mark_legend(lines: list[str]) -> tuple[int, dict[str, str]]:
    """(line, mark -> status) of the first run of bullets or table rows that each pair a mark with a word, two or
    more of them words of a state (``- ✅ Abgeschlossen``, ``- ⏳ Offen``, ``| `[~]` | U toku |``); (0, {}) when
    the plan has none."""
    for shape in (_MARK_LINE, _MARK_ROW):
        n = 0
        while n < len(lines):
            run = []
            while n < len(lines) and (m := shape.match(plain(lines[n]) if _may_pair(lines[n], shape) else "")):
                run.append((n + 1, m))
                n += 1
            # A legend's word may carry a gloss: "Blokirano / čeka klijenta", "In progress / partial".
            states = [
                (m.group("mark"), exact_status(m.group("word").rstrip(".")) or opening_state(m.group("word")))
                for _, m in run
            ]
            said = {mark_key(plain(mark)): st for mark, st in states if st}
            if len(run) >= 2 and len(said) >= 2:
                return run[0][0], said
            n += 1
    return _inline_mark_legend(lines)


#: One pair of a legend written on one line: a mark, then its word ("✅ fait (V0.1)", "⬜ à faire", "██ = completado").
_INLINE_PAIR = re.compile(
    r"^\s*(?P<mark>[^\w\s\[\]()`*:|·•;=]{1,3})\s*(?:[=:]\s*|\s)(?P<word>[^\W\d_][^·|;•]{0,40}?)\s*$"
)
#: The label opening such a line: "**Statut** — ", "Legend: ".
_LINE_LABEL = re.compile(r"^[^·|;•]{1,30}?(?:[:：]|\s[—–-])\s*")


_QUOTED = re.compile(r"^\s*>\s?")


def _inline_mark_legend(lines: list[str]) -> tuple[int, dict[str, str]]:
    """(line, mark -> status) of a line pairing marks with state words between separators, a label before them
    (``**Statut** — ✅ fait (V0.1) · 🟡 partiel · ⬜ à faire``), two states at least; (0, {}) when none."""
    for n, raw in enumerate(lines, start=1):
        # "> **Leyenda:** `██` = completado | `▒▒` = parcial": a legend may stand in a quote, its pairs between bars.
        raw = _QUOTED.sub("", raw, count=1)
        if not any(sep in raw for sep in ("·", "•", " | ")) or _BLOCK_START.match(raw):
            continue
        parts = _SEPARATORS.split(_LINE_LABEL.sub("", plain(raw).strip(), count=1))
        pairs = [_INLINE_PAIR.match(part) for part in parts]
        if "·" not in raw and "•" not in raw and not all("=" in part for part in parts):
            continue  # between bars, only pairs written "mark = word" are a legend ("<!-- Status: ⬜ Pending | …")
        if len(pairs) < 2 or not all(pairs):
            continue
        said = {
            mark_key(m.group("mark")): st
            for m in pairs
            if m and (st := exact_status(m.group("word").rstrip(".")) or opening_state(m.group("word")))
        }
        if len(said) >= 2:
            return n, said
    return 0, {}


def stated_marks(lines: list[str]) -> tuple[int, dict[str, str]]:
    """(line, mark -> status) of the marks the plan's status lines pair with a state word (``**Status:** 🔴 Not
    Started``) to mean another state than they mean alone (🔴 alone is blocked): where every such line agrees on the
    mark's state, a mark alone elsewhere (``### 1.1 Audit Log Infrastructure 🔴``) means it too. (0, {}) when none."""
    seen: dict[str, set[str]] = {}
    first: dict[str, int] = {}
    for n, line in enumerate(lines, start=1):
        m = _STATUS_PAIR.match(plain(line))
        state = exact_status(m.group("word").rstrip(".")) if m else None
        if m and state:
            mark = mark_key(m.group("mark"))
            seen.setdefault(mark, set()).add(state)
            first.setdefault(mark, n)
    said = {mark: next(iter(states)) for mark, states in seen.items() if len(states) == 1}
    said = {mark: st for mark, st in said.items() if parse_status(mark) not in (None, st)}
    return (min(first[mark] for mark in said), said) if said else (0, {})


#: A status line whose value is a mark and a state word: ``**Status:** 🔴 Not Started``, ``- Status: ⚪ Planned``.
_STATUS_PAIR = re.compile(
    r"^\s*(?:[-*+]\s+)?(?:status|state)\s*:\s*(?P<mark>[^\w\s\[\]()`*:]{1,3})\s+(?P<word>[^\W\d_][^()|]{0,30}?)\s*$",
    re.I,
)


def apply_mark_legend(b: Builder) -> None:
    """Read the plan's state marks by its own legend (see ``read_mark_legend``), else by what its status lines pair
    them with (``stated_marks``), wherever a status is read."""
    marks = LEGEND_MARKS.get()
    if marks is None:
        return
    line, legend = read_mark_legend(b.lines)
    said = "status legend"
    if not legend:
        line, legend = stated_marks(b.lines)
        said = "status marks as the plan's status lines pair them"
    if legend:
        marks.update(legend)
        b.used(line, f"{said}: " + ", ".join(f"{mark} {st}" for mark, st in legend.items()))


#: A legend's entry naming a column, then what it holds: ```Depends on` - The ID(s) of the task``, ``**Status**: one of``.
_COLUMN_ENTRY = re.compile(r"^\s*(?:`(?P<code>[^`\n]+)`|\*\*(?P<bold>[^*\n]+)\*\*)\s*[-–—:]\s*\S")


def column_legend(sec: Section, blk: ListBlock) -> bool:
    """Whether a list says what each column of the plan's tables holds: three entries or more, each naming a header of
    one of them in code or bold, then what it means (```ID` - The ID of the task``)."""
    root = sec
    while root.parent is not None:
        root = root.parent
    headers = {
        " ".join(plain(h).lower().split())
        for s in root.walk()
        for t in s.blocks
        if isinstance(t, Table)
        for h in t.headers
    }
    named = [m.group("code") or m.group("bold") for it in blk.items if (m := _COLUMN_ENTRY.match(it.text))]
    return (
        len(blk.items) >= 3
        and len(named) == len(blk.items)
        and all(" ".join(n.lower().split()) in headers for n in named)
    )
