"""Dependencies a plan states in a sentence of its prose, read once every item is known.

* "3.1-3.12 depend on 3.0", "T-4 and T-5 are blocked by T-2", "T-2 requires T-1", and the same verb in the other plan
  languages ("T-3 dépend de T-1", "T-4 hängt von T-3 ab", "T-5 依赖 T-4": ``vocabulary.waits``);
* "T-1 must be done before T-4 and T-5", "CI (T017-T019) should be completed before opening the PR (T022)", "OTel
  removal (#311) – prerequisite before sampling (#315) & correlation (#316)";
* "Tests (T006-T011) before core implementation (T012-T016)", "Template runtime (T055-T062) after template work":
  runs of ids, named with their ids in brackets or by the name an earlier line of the list gave them;
* "PHASE-1 must complete first (all other phases depend on it)": every other item of its kind after it; "PHASE-6
  should be last": it after every other item of its kind (the kind: the id's letters, ``PHASE-``);
* "Before starting the feature stories (3.1-3.12), the following must be addressed:" and a list whose entries
  name the prerequisites by id ("**Security hardening (Story 3.0)**").

Only ids of the board's items count (ranges expanded), and each sentence read is reported.

A wait a section's heading states for the work under it: ``## Next — once T-01 is closed``.

The open items written in such a section (not done, not cancelled) depend on the items the heading names after its
wait word (English "after", "once", "when", "until" and the same words in the plan languages the importer reads).
A heading that is an item's own (``### T-5: after T-1``) is that item's title, read elsewhere.

Dependencies an item states in its words, by a number rather than an id, read once every item is known.

* "only after blockers 1-4 pass", "once steps 2 to 5 are done": entries of the item's own numbered list,
  by their list numbers;
* "until blocker 001 is resolved", "after step 3": the one item whose id ends with those words
  (``OPS-BLOCKER-001``), else the entry numbered so in the item's own list.

A list number counts only when its noun names the list's entries: a word of its heading ("Runtime blockers"),
of the entries' ids (``OPS-GATE-01``: "gates") or a word for any entry (step, item, task); "after sprint 2"
under "Launch steps" is a time, not entry 2.

Only after a word that says the item waits (after, until, once, requires ...); "see steps 1-3" names none.
Each dependency read this way is reported as a guess.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.document.blocks import ListBlock, ListItem, Paragraph, Section, plain
from readiness_tui.core.importers.references.group_members import group_items
from readiness_tui.core.importers.references.ids import id_kind, others_of_kind
from readiness_tui.core.importers.references.refs import board_ids_in, ids_alone, ids_in_text, joined_range, parse_refs
from readiness_tui.core.importers.references.sentences import (
    AFTER_RE,
    BEFORE_RE,
    DEPENDS_RE,
    FOREIGN_DEPENDS,
    SEQUENCE_RE,
)
from readiness_tui.core.importers.sections.heading_numbers import ticket_id
from readiness_tui.core.importers.vocabulary.waits import HEADING_WAITS
from readiness_tui.core.model.board import CLOSED

#: "X must complete first (all other phases depend on it)", "X should be last": one item against all others of its kind.
_ALL_OTHERS_RE = re.compile(
    r"\ball\s+(?:the\s+)?other\s+\w+\s+(?:depends?|waits?|build)\s+on\s+(?:it|this|them)\b", re.I
)
_LAST_RE = re.compile(r"\b(?:should|must|has\s+to|will)\s+(?:be|come|go|run)\s+last\b", re.I)
#: "Before starting X (3.1-3.12), the following must be addressed:" then the list of what comes first.
_BEFORE_LIST_RE = re.compile(r"^before\b(?P<x>[^:]*):\s*$", re.I)
#: "**Parallel after mp3-003:** mp3-004, mp3-005", "Once T-2 is done: T-3, T-4": what may start after the items named.
_AFTER_LIST_RE = re.compile(
    r"^(?:[^\W\d_][\w -]{0,30}\s+)?(?:after|once)\s+(?P<first>[^:：]+?)"
    r"(?:\s+(?:is|are)\s+(?:done|complete|completed|merged|finished))?\s*[:：]\s*(?P<rest>\S.*)$",
    re.I,
)
#: "**US3**: T027 (storage) before T028-T029 (service) before T030-T033": runs of ids in the order they are done;
#: "Template work (T055-T062) after template & diagnostics (T047-T054)": the other way round.
_LABEL_RE = re.compile(r"^(?:[^:：]{1,40}[:：]\s*)?(?P<chain>.*\b(?:before|after)\b.*)$", re.I)
_BEFORE_WORD_RE = re.compile(r"\s+before\s+", re.I)
_AFTER_WORD_RE = re.compile(r"\s+after\s+", re.I)
#: A run named with its ids in brackets: "Tests (T006-T011)", "core implementation (T012-T016)".
_NAMED_RUN_RE = re.compile(r"^(?P<name>[^()]{1,60}?)\s*\((?P<ids>[^()]+)\)$")
#: The words every sentence read here holds.
_WORDS_RE = re.compile(
    r"depend|blocked\s+by|requir|wait|before|prerequisite|last\b|after|once|sequen|in\s+order|one\s+after|"
    + FOREIGN_DEPENDS,
    re.I,
)
#: A stop that ends a sentence (one after an id too: "after T-2. Then"), not the dot of a dotted id (3.12) or of a
#: file's name (api.py).
_SENTENCE_RE = re.compile(r"(?:(?<!\d)[.!?](?!\d|[^\W\d_]{2})|[.!?](?=\s|$)|[。！？])\s*")


#: "Task 6.x", "2.X", "3.*": every item numbered under that number (``tasks.md`` files group their tasks so).
_WILDCARD_RE = re.compile(r"(?<![\w.])(?P<n>\d+(?:\.\d+)*)\.[xX*](?![\w.])")
#: "Task 7.x depends on all previous tasks": every item before the ones waiting, in the plan's order.
_ALL_BEFORE_RE = re.compile(r"\ball\s+(?:the\s+)?(?:previous|preceding|earlier|prior)\s+(?:tasks|items|steps)\b", re.I)


def _known(b: Builder, text: str) -> list[str]:
    wild = [i for m in _WILDCARD_RE.finditer(text) for i in b.items if i.startswith(m.group("n") + ".")]
    if wild:
        text = _WILDCARD_RE.sub(" ", text)
    refs = parse_refs(text)
    # "(Story 3.0)": an id after its noun, which a dependency cell would keep as a group's name.
    # ("sampling (#315) & correlation (#316)": ids among words, which a cell's reading sets aside.)
    ids = refs.ids + [i for i in ids_in_text(refs.rest if refs.ids else text) if i not in refs.ids]
    out: list[str] = wild
    for i in ids:
        out += [i] if i in b.items else joined_range(b.items, i)
    # "Stream H depends on Streams A and G": streams named by their word and number or letter.
    return out + [s for s in b.stream_refs(text) if s in b.items and s not in out]


def _add(b: Builder, line: int, waiting: list[str], first: list[str], said: str) -> None:
    pairs = [(x, y) for x in waiting for y in first if x != y]
    added = 0
    for x, y in pairs:
        deps = b.items[x].values.setdefault("depends_on", [])
        if y not in deps:
            deps.append(y)
            added += 1
    if added:
        b.note(
            line, f"dependencies read from the sentence {said[:70]!r}: {', '.join(waiting)} after {', '.join(first)}"
        )


def read_dependency_sentences(b: Builder, root: Section) -> None:
    """Add the dependencies the plan's paragraphs and list entries state in words (see the module's docstring)."""
    for sec in root.walk():
        blocks = sec.blocks
        for n, blk in enumerate(blocks):
            if isinstance(blk, ListBlock):
                # "4. CI (T017-T019) should be completed before the PR (T022).": a numbered note, not an item;
                # "- **User Story 1**: …" over "  - T007-T017 must be executed sequentially": nested ones too.
                names: dict[str, list[str]] = {}  # the runs the list's lines name: "Tests (T006-T011)"
                for it in _entries(blk.items):
                    said = plain(it.text, keep_code=True)
                    if not _before_chain(b, it.line, said, names):
                        _read_sentences(b, it.line, said)
                continue
            if not isinstance(blk, Paragraph):
                continue
            text = plain(blk.text, keep_code=True)
            nxt = blocks[n + 1] if n + 1 < len(blocks) else None
            m = _BEFORE_LIST_RE.match(text.strip())
            if m and isinstance(nxt, ListBlock):
                waiting = _known(b, m.group("x"))
                first = [i for it in nxt.items for i in _known(b, plain(it.text, keep_code=True))]
                _add(b, blk.line, waiting, first, text)
                continue
            for n, line in enumerate(blk.text.splitlines(), start=blk.line):
                if not _before_chain(b, n, plain(line, keep_code=True)):
                    _after_list(b, n, plain(line, keep_code=True))
            _read_sentences(b, blk.line, text)


def _after_list(b: Builder, line: int, text: str) -> None:
    """A line naming items and what may start after them (``_AFTER_LIST_RE``): each of the latter waits on the
    former. Read only when both sides are ids of the board and nothing else."""
    m = _AFTER_LIST_RE.match(text.strip())
    if not m:
        return
    first, rest = parse_refs(m.group("first")), parse_refs(m.group("rest").rstrip(". "))
    named = first.ids + rest.ids
    if first.rest or rest.rest or not first.ids or not rest.ids or any(i not in b.items for i in named):
        return
    _add(b, line, rest.ids, first.ids, text.strip())


def _before_chain(b: Builder, line: int, text: str, names: dict[str, list[str]] | None = None) -> bool:
    """A line of ids in the order they are done (``_LABEL_RE``): each run waits on the run before it. Read only where
    every run is ids of the board and the words in brackets beside them, a name with its ids in brackets, or a name
    an earlier line of the same list gave its ids (``names``), nothing else; True when read."""
    m = _LABEL_RE.match(text.strip().rstrip("."))
    if m is None:
        return False
    chain = m.group("chain")
    before, after = _BEFORE_WORD_RE.search(chain), _AFTER_WORD_RE.search(chain)
    if bool(before) == bool(after):  # neither as a word between runs, or both: no one order
        return False
    parts = _BEFORE_WORD_RE.split(chain) if before else _AFTER_WORD_RE.split(chain)[::-1]
    # Every run is looked at, so that the names a line gives are kept even when another of its runs names nothing.
    found = [_run(b, part, names if names is not None else {}) for part in parts]
    runs = [ids for ids in found if ids is not None]
    if len(runs) < 2 or len(runs) < len(found):
        return False
    for first, then in zip(runs, runs[1:]):
        _add(b, line, then, first, text.strip())
    return True


def _run(b: Builder, part: str, names: dict[str, list[str]]) -> list[str] | None:
    """The ids of one run of a chain: ids alone, a name with its ids in brackets (the name is kept in ``names``),
    or a name kept so from an earlier line; None when the run names anything else."""
    ids = ids_alone(b.items, part)
    if ids is not None:
        return ids
    m = _NAMED_RUN_RE.match(part.strip())
    if m and (ids := ids_alone(b.items, m.group("ids"))) is not None:
        names[_run_name(m.group("name"))] = ids
        return ids
    return names.get(_run_name(part))


def _run_name(text: str) -> str:
    return " ".join(re.sub(r"^\W*(?:the\s+)?", "", text.casefold()).split())


def _entries(items: list[ListItem]) -> Iterator[ListItem]:
    """The entries and the entries nested under them, in the plan's order."""
    for it in items:
        yield it
        yield from _entries(it.sub_items())


def _read_sentences(b: Builder, line: int, text: str) -> None:
    if not _WORDS_RE.search(text):  # most text says nothing of the kind: one quick look instead of two scans
        return
    for sentence in _SENTENCE_RE.split(text):
        if _one_against_all(b, line, sentence):
            continue
        for rx in (DEPENDS_RE, BEFORE_RE, AFTER_RE):
            for s in rx.finditer(sentence):
                waiting = _known(b, s.group("x"))
                _add(b, line, waiting, _first(b, waiting, s.group("y")), sentence.strip())
        for s in SEQUENCE_RE.finditer(sentence):
            chain = list(dict.fromkeys(_known(b, s.group("x"))))
            for before, after in zip(chain, chain[1:]):
                _add(b, line, [after], [before], sentence.strip())


def _first(b: Builder, waiting: list[str], text: str) -> list[str]:
    """The items ``text`` names as coming first: its ids, or every item before the first of ``waiting`` where it
    says "all previous tasks"."""
    if not (_ALL_BEFORE_RE.search(text) and waiting):
        return _known(b, text)
    order = list(b.items)
    start = min(order.index(i) for i in waiting)
    return order[:start]


def _one_against_all(b: Builder, line: int, sentence: str) -> bool:
    """The two sentences above that set one item against every other of its kind; False when neither is here."""
    others = _ALL_OTHERS_RE.search(sentence)
    last = _LAST_RE.search(sentence)
    said = others or last
    if said is None:
        return False
    named = _known(b, sentence[: said.start()])
    if len(named) != 1 or not id_kind(named[0]):
        return False
    one = named[0]
    rest = others_of_kind(b.items, one)
    if others:
        _add(b, line, rest, [one], sentence.strip())
    else:
        _add(b, line, [one], rest, sentence.strip())
    return True


#: (A word of two letters in lower case only: "po" is after, "PO" a purchase order.)
_WAIT = re.compile(
    r"\b(?:" + "|".join(f"(?-i:{w})" if len(w) <= 2 else w for w in HEADING_WAITS) + r")\b(?P<rest>.*)$", re.I
)


def read_heading_waits(b: Builder, root: Section) -> None:
    """Add the dependencies section headings state to the open items beneath them; each heading read is reported."""
    for sec in root.walk():
        if sec.heading is None or ticket_id(sec):
            continue
        m = _WAIT.search(plain(sec.title))
        if not m:
            continue
        first = board_ids_in(m.group("rest"), b.items)
        # "Wave 1 (after W0 merged)": a group the plan's headings name, every item under it.
        grouped = not first
        first = first or [
            i for i in group_items(b, root, m.group("rest"), "") if not sec.line <= b.items[i].line <= sec.end
        ]
        if not first:
            continue
        waiting = [
            rid
            for rid, rec in b.items.items()
            if sec.line < rec.line <= sec.end
            and rid not in first
            and str(rec.values.get("status", "")) not in CLOSED
            and rid not in b.deps_drawn  # a drawing of the plan's order names this item's own: it is more exact
        ]
        for rid in waiting:
            if grouped:
                b.wait_on_group(rid, first)
            else:
                deps = b.items[rid].values.setdefault("depends_on", [])
                deps += [i for i in first if i not in deps]
        if waiting:
            b.note(
                sec.line,
                f"heading {sec.title!r} states a wait: its open items ({len(waiting)}) depend on {', '.join(first)}",
            )


#: Where an item's prose lives.
_PROSE_KEYS = ("title", "description", "notes", "acceptance", "gate", "custom")
_WAITS = r"\b(?:after|until|once|following|requires|required|needs|depends on|blocked (?:by|on)|waits? (?:for|on))\s+"
#: The waiting word, at most two words, then a noun and a number or a range of numbers.
_WAITS_RE = re.compile(_WAITS, re.I)
_REF_RE = re.compile(
    _WAITS
    + r"(?:(?:the|all|every|of)\s+){0,2}(?P<word>[A-Za-z]+?)s?\s+#?(?P<a>\d+)(?:\s*(?:-|–|—|to|through)\s*(?P<b>\d+))?\b",
    re.I,
)


def _texts(values: list[Any]) -> Iterator[str]:
    """The strings among an item's prose values: strings, lists of them, and tables of those (gate, custom)."""
    for value in values:
        inner = value.values() if isinstance(value, dict) else [value]
        for v in inner:
            if isinstance(v, str):
                yield v
            elif isinstance(v, list):
                yield from (x for x in v if isinstance(x, str))


#: Words for any entry of a numbered list.
_ENTRY_WORDS = frozenset({"STEP", "ITEM", "ENTRY", "TASK", "POINT", "NUMBER"})


def _numbered_entries(root: Section) -> tuple[dict[int, tuple[int, int]], dict[int, str]]:
    """Source line of each numbered list entry -> (its section's line, its number); section line -> its
    heading's words in capitals."""
    out: dict[int, tuple[int, int]] = {}
    words: dict[int, str] = {}
    for sec in root.walk():
        for blk in sec.blocks:
            if isinstance(blk, ListBlock) and blk.ordered:
                words[sec.line] = sec.title.upper()
                for it in blk.items:
                    if it.number is not None:
                        out[it.line] = (sec.line, it.number)
    return out, words


def resolve_number_refs(b: Builder, root: Section) -> None:
    """Read the references of the module doc in each item's text and add them as dependencies."""
    entries, headings = _numbered_entries(root)
    # (section line, list number) -> item id, for items made from numbered entries.
    by_number = {entries[rec.line]: rid for rid, rec in b.items.items() if rec.line in entries}
    names = dict(headings)
    for (line, _), rid in by_number.items():
        names[line] += " " + rid
    for rid, rec in b.items.items():
        text = "\n".join(_texts([rec.values.get(k) for k in _PROSE_KEYS]))
        found: list[str] = []
        if _WAITS_RE.search(text):
            for m in _REF_RE.finditer(text):
                sec_line = entries.get(rec.line, (None, 0))[0]
                if sec_line is not None and not _names_entries(m.group("word"), names.get(sec_line, "")):
                    sec_line = None
                found += _targets(b, rid, m, sec_line, by_number)
        deps: list[str] = rec.values.get("depends_on", [])
        added = [d for d in dict.fromkeys(found) if d not in deps and d != rid]
        if added:
            rec.values["depends_on"] = deps + added
            b.note(rec.line, f"{rid}: depends on {', '.join(added)}, named in its text by number")


def _names_entries(word: str, names: str) -> bool:
    """Whether a noun ("blockers", "gate") names the entries of a list whose heading and ids are ``names``."""
    stem = word.upper().removesuffix("S")
    return stem in _ENTRY_WORDS or bool(re.search(rf"\b{re.escape(stem)}", names.replace("-", " ")))


def _targets(
    b: Builder, rid: str, m: re.Match[str], sec_line: int | None, by_number: dict[tuple[int, int], str]
) -> list[str]:
    word, first = m.group("word").upper(), int(m.group("a"))
    last = int(m.group("b")) if m.group("b") else first
    if last < first or last - first > 50:
        return []
    if not m.group("b"):
        suffix = f"{word}-{m.group('a')}"
        named = [i for i in b.items if i.upper() == suffix or i.upper().endswith("-" + suffix)]
        if len(named) == 1:
            return named
    if sec_line is None:
        return []
    hits = [by_number.get((sec_line, n)) for n in range(first, last + 1)]
    return [h for h in hits if h] if all(hits) else []
