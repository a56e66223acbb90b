"""Dependencies a plan states in a sentence of its prose, read once every item is known.

* "3.1-3.12 depend on 3.0", "T-4 and T-5 are blocked by T-2", "T-2 requires T-1";
* "T-1 must be done before T-4 and T-5", "CI (T017-T019) should be completed before opening the PR (T022)";
* "PHASE-1 must complete first (all other phases depend on it)": every other item of its kind after it; "PHASE-6
  should be last": it after every other item of its kind (the kind: the id's letters, ``PHASE-``);
* "Before starting the feature stories (3.1-3.12), the following must be addressed:" and a list whose entries
  name the prerequisites by id ("**Security hardening (Story 3.0)**").

Only ids of the board's items count (ranges expanded), and each sentence read is reported.
"""

from __future__ import annotations

import re

from readiness_tui.core.importers.blocks import ListBlock, Paragraph, Section, plain
from readiness_tui.core.importers.builder import Builder
from readiness_tui.core.importers.refs import expand_range, ids_in_text, parse_refs

#: Words of one clause: no stop, except the dot inside a dotted id (3.12).
_CLAUSE = r"(?:[^,;:.!?]|\.(?=\d))*?"
#: A list of ids to the clause's end: a comma goes on only before another id ("3.1, 3.2 and 3.4").
_IDS_ON = r"(?:[^,;:!?]|,\s*(?=(?:and\s+|or\s+)?[\w#-]*\d))*"
_DEPENDS_RE = re.compile(
    rf"(?P<x>{_CLAUSE})\s+(?:(?:all|each|both)\s+)?(?:depends?\s+on|(?:is|are)\s+blocked\s+by|requires?|waits?\s+(?:on|for))"
    rf"\s+(?P<y>{_IDS_ON})",
    re.I,
)
_BEFORE_RE = re.compile(
    rf"(?P<y>{_CLAUSE})\s+(?:must|should|has\s+to|have\s+to|needs?\s+to)\s+"
    r"(?:be\s+(?:done|finished|completed|merged|shipped|resolved|in\s+place)|finish|land|complete)"
    rf"\s+before\s+(?P<x>{_IDS_ON})",
    re.I,
)
#: "X must complete first (all other phases depend on it)", "X should be last": one item against all others of its kind.
_ALL_OTHERS_RE = re.compile(
    r"\ball\s+(?:the\s+)?other\s+\w+\s+(?:depends?|waits?|build)\s+on\s+(?:it|this|them)\b", re.I
)
_LAST_RE = re.compile(r"\b(?:should|must|has\s+to|will)\s+(?:be|come|go|run)\s+last\b", re.I)
#: "Before starting X (3.1-3.12), the following must be addressed:" then the list of what comes first.
_BEFORE_LIST_RE = re.compile(r"^before\b(?P<x>[^:]*):\s*$", re.I)
#: The words every sentence read here holds.
_WORDS_RE = re.compile(r"depend|blocked\s+by|requir|wait|before|last\b", re.I)
#: A stop that ends a sentence, not the dot of a dotted id (3.12).
_SENTENCE_RE = re.compile(r"(?<!\d)[.!?](?!\d)\s*")


def _known(b: Builder, text: str) -> list[str]:
    refs = parse_refs(text)
    # "(Story 3.0)": an id after its noun, which a dependency cell would keep as a group's name.
    ids = refs.ids + [i for i in ids_in_text(refs.rest) if i not in refs.ids]
    out: list[str] = []
    for i in ids:
        out += [i] if i in b.items else _joined_range(b, i)
    return out


def _joined_range(b: Builder, token: str) -> list[str]:
    """``T017-T019`` where T017 and T019 are items and T017-T019 is none: the range between them."""
    for n, ch in enumerate(token):
        if ch == "-" and token[:n] in b.items and token[n + 1 :] in b.items:
            return [i for i in expand_range(token[:n], token[n + 1 :]) or [] if i in b.items]
    return []


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
                # "4. CI (T017-T019) should be completed before the PR (T022).": a numbered note, not an item.
                for it in blk.items:
                    _read_sentences(b, it.line, plain(it.text, keep_code=True))
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
            _read_sentences(b, blk.line, text)


def _read_sentences(b: Builder, line: int, text: str) -> None:
    if not _WORDS_RE.search(text):  # most text says nothing of the kind: one quick look instead of two scans
        return
    for sentence in _SENTENCE_RE.split(text):
        if _one_against_all(b, line, sentence):
            continue
        for rx in (_DEPENDS_RE, _BEFORE_RE):
            for s in rx.finditer(sentence):
                _add(b, line, _known(b, s.group("x")), _known(b, s.group("y")), sentence.strip())


def _kind(item_id: str) -> str:
    return re.sub(r"\d.*$", "", item_id)


def _one_against_all(b: Builder, line: int, sentence: str) -> bool:
    """The two sentences above that set one item against every other of its kind; False when neither is here."""
    others = _ALL_OTHERS_RE.search(sentence)
    last = _LAST_RE.search(sentence)
    said = others or last
    if said is None:
        return False
    named = _known(b, sentence[: said.start()])
    if len(named) != 1 or not _kind(named[0]):
        return False
    one = named[0]
    rest = [i for i in b.items if i != one and _kind(i) == _kind(one)]
    if others:
        _add(b, line, rest, [one], sentence.strip())
    else:
        _add(b, line, [one], rest, sentence.strip())
    return True
