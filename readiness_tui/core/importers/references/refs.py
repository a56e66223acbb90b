"""References to items in a cell or a phrase: lists, ranges (``T-1..T-5``, ``#14-17``, ``05–11``), slash shorthand
(``TASK-S2-04/05/06``), negations ("not blocked by X") and group words ("Phase 2"). What an id looks like is
``references.ids``.
"""

from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import dataclass, field

from readiness_tui.core.importers.document.blocks import plain
from readiness_tui.core.importers.references.ids import (
    NONE_WORDS,
    NOT_IDS,
    RANGE_SEP,
    TEXT_ID_RE,
    expand_range,
    is_id,
    looks_like_text_id,
)
from readiness_tui.core.importers.vocabulary.words import UNSPACED


@dataclass
class Refs:
    """What a dependency cell or phrase said: ids (ranges expanded) and whatever words were left."""

    ids: list[str] = field(default_factory=list)
    rest: str = ""
    ranges: list[str] = field(default_factory=list)
    bad_ranges: list[str] = field(default_factory=list)

    #: Ids the text names only to say it does not depend on them ("no longer depends on T-2").
    negated: list[str] = field(default_factory=list)

    @property
    def none(self) -> bool:
        return not self.ids and not self.rest


_RANGE_RE = re.compile(
    # "3-1〜3-7": ids of numbers joined by hyphens range too (a year's "2024-01" is no such id: three digits at most).
    r"(?P<a>[A-Za-z][A-Za-z0-9-]*\d(?:\.\d+)*|(?<![\d-])\d{1,3}(?:-\d+)+|\d+(?:\.\d+)*)\s*"
    + RANGE_SEP
    + r"\s*(?P<b>[A-Za-z][A-Za-z0-9-]*\d(?:\.\d+)*|\d+(?:\.\d+)*(?:-\d+)*)\b"
)
#: ``2.03-2.07``: dotted numbers joined by a hyphen (no dotted id has a hyphen inside, so it can only be a range).
_DOTTED_RANGE_RE = re.compile(r"(?<![\w.])(?P<a>\d+(?:\.\d+)+)\s*-\s*(?P<b>\d+(?:\.\d+)+)(?![\w.])")
#: ``#14-17``: an issue-number range written with a hyphen (only ``#`` refs: elsewhere a hyphen is part of the id).
_HASH_RANGE_RE = re.compile(r"#(?P<a>\d+)\s*[-–—]\s*#?(?P<b>\d+)\b")
#: ``TASK-S2-04/05/06``: one id, then the numbers of its siblings.
_LETTER_SLASH_RE = re.compile(r"\b(?P<stem>[A-Za-z][A-Za-z0-9-]*\d)(?P<first>[a-z])(?P<more>(?:/[a-z])+)\b")
_SLASH_RE = re.compile(r"(?P<head>(?:[A-Za-z][A-Za-z0-9]*-)+[A-Za-z]*)(?P<first>\d+)(?P<more>(?:/\d+)+)\b")
#: ``TASK-015, 016, 018``: one id, then the bare numbers of its siblings, written to the same width.
_SIBLINGS_RE = re.compile(
    r"(?P<head>\b[A-Za-z][A-Za-z0-9]*-)(?P<first>\d{2,})(?P<more>(?:\s*,\s*(?:and\s+)?\d{2,}\b(?![.\-]\d))+)"
)


def joined_range(known: Container[str], token: str) -> list[str]:
    """``T017-T019`` (or ``T-001.1-T-001.3``) where both ends are ``known`` ids and the whole is none, or ``DEF-63-65``
    where the first is and the last is its number, as wide and set apart by a dash (``M1-02`` is an id of its own): the
    known ids of the range between them; empty otherwise."""
    for n, ch in enumerate(token):
        if ch != "-" or token[:n] not in known:
            continue
        end = token[n + 1 :]
        tail = re.search(r"(?<=[-.])\d+$", token[:n])
        if end in known or (end.isdigit() and tail is not None and len(tail.group()) == len(end)):
            return [i for i in expand_range(token[:n], end) or [] if i in known]
    return []


#: An aside in brackets beside ids: "T027 (storage)".
_ASIDE = re.compile(r"\([^()]*\)")


def ids_alone(known: Container[str], text: str) -> list[str] | None:
    """The ids ``text`` names when it names ``known`` ids and nothing else, asides in brackets aside (``T027
    (storage)``, ``T028-T029``, ``T-001.1-T-001.3`` joined by a hyphen); None when it says anything more."""
    refs = parse_refs(_ASIDE.sub(" ", text))
    ids: list[str] = []
    for i in refs.ids:
        found = [i] if i in known else joined_range(known, i)
        if not found:
            return None  # an id the plan has not made: the step names something else
        ids += found
    return ids if ids and not refs.rest.strip(" ,;&") else None


def _siblings(text: str) -> str:
    """``TASK-015, 016`` -> ``TASK-015, TASK-016`` when every bare number has the first one's width."""

    def one(m: re.Match[str]) -> str:
        nums = re.findall(r"\d+", m.group("more"))
        if any(len(n) != len(m.group("first")) for n in nums):
            return m.group(0)
        return ", ".join(m.group("head") + n for n in [m.group("first"), *nums])

    return _SIBLINGS_RE.sub(one, text)


#: "no longer depends on X", "not blocked by X", "none — no longer needs X": ids named to deny a dependency.
NEGATION_RE = re.compile(
    r"\b(?:no longer|not|never|doesn't|does not|don't|do not|isn't|is not)\s+(?:\w+\s+)?"
    r"(?:depends?|depending|dependent|blocked|needs?|requires?|waits?|waiting|covered|mitigated|addressed|handled)\b(?:\s+(?:on|by|for))?\s*(?P<refs>[^.;()]*)",
    re.I,
)
#: "B2 not required", "T4 is not needed": the ids before the denial are named to say no dependency on them.
NEGATED_AFTER_RE = re.compile(
    r"(?P<refs>(?:[A-Za-z]+-?\d[\w.-]*|\d+(?:\.\d+)+)(?:\s*(?:,|and|&)\s*(?:[A-Za-z]+-?\d[\w.-]*|\d+(?:\.\d+)+))*)"
    r"\s+(?:is\s+|are\s+)?not\s+(?:required|needed|a\s+(?:blocker|dependency|prerequisite))\b",
    re.I,
)
#: The words plans name a period of the plan with ("Phase 1", "Sprint 3", "Welle 2"): a group whose number is no
#: item's id. A step, a milestone, a batch or an "etapa" so named may be one item ("Step 3", "Etapa 3").
PERIOD_NOUN = (
    r"(?:phase|stage|wave|sprint|iteration|fase|étape|etape|vague|welle|stufe|etappe|ola|onda|этап|фаза|волна"
    r"|спринт|faza)"
)
#: "Phase" as a heading names one in the plan languages read: ``## Phase 2: Auth``, ``## ΦΑΣΗ 1: Setup``.
PHASE_WORDS = r"phase|stage|φ[αά]ση"
#: The words plans name a group of items with, in the plan languages read ("Fase 2", "vague 1", "Этап 3").
GROUP_NOUN = rf"(?:{PERIOD_NOUN}|milestone|step|batch|etapa|etap)"
#: Their plurals, which only a range of groups uses ("Phases 1-5", "Fases 1-4 completadas") -> the singular.
_PLURALS = {
    "phases": "phase", "phasen": "phase", "stages": "stage", "waves": "wave", "sprints": "sprint",
    "milestones": "milestone", "steps": "step", "batches": "batch", "iterations": "iteration", "fases": "fase", "fasi": "fase", "etapas": "etapa",
    "étapes": "étape", "etapes": "étape", "vagues": "vague", "wellen": "welle", "stufen": "stufe", "etappen": "etappe",
    "olas": "ola", "ondas": "onda",
    "этапы": "этап", "фазы": "фаза", "волны": "волна", "спринты": "спринт", "fazy": "faza", "etapy": "etap",
}  # fmt: skip
_RANGE_WORDS = r"(?:–|—|~|\.\.|\bto\b|\ba\b|à|\bbis\b|до)"
_GROUP_RANGE_RE = re.compile(
    r"(?<!\w)(?:(?P<noun>" + "|".join(_PLURALS) + r")\s+(?P<a>\d+)\s*(?:-|" + _RANGE_WORDS + r")\s*(?P<b>\d+)"
    # "Batch 1–3": a singular noun before a range, but not before a hyphen ("Step 8-11" is as often one step's id).
    r"|(?P<one>"
    + "|".join(sorted(set(_PLURALS.values()), key=len, reverse=True))
    + r")\s+(?P<a1>\d+)\s*"
    + _RANGE_WORDS
    + r"\s*(?P<b1>\d+))(?!\w)",
    re.I,
)
_GROUP_WORD_RE = re.compile(r"(?<!\w)(?:" + GROUP_NOUN[3:-1] + r"|week|iteration)\s+[A-Za-z0-9]+\b", re.I)


def expand_group_ranges(text: str) -> str:
    """``Fases 1-4`` (or ``Batch 1–3``) -> ``Fase 1, Fase 2, Fase 3, Fase 4``: a range of groups is each of them."""

    def one(m: re.Match[str]) -> str:
        a, b = int(m.group("a") or m.group("a1")), int(m.group("b") or m.group("b1"))
        if b < a or b - a > 50:
            return m.group(0)
        noun = _PLURALS[m.group("noun").lower()] if m.group("noun") else m.group("one").lower()
        return ", ".join(f"{noun} {n}" for n in range(a, b + 1))

    return _GROUP_RANGE_RE.sub(one, text)


_SPLIT = re.compile(r"\s*(?:[,;/&+|]|\band\b|\bor\b|\s)\s*", re.I)


_CJK_AFTER_ID = re.compile(f"(?<=[A-Za-z0-9])(?=[{UNSPACED}])")


def unglue(text: str) -> str:
    """``W01의 기준``, ``T3完了後``: part a CJK particle or word from the id it is written onto."""
    return _CJK_AFTER_ID.sub(" ", text)


#: ``3.*``, ``M2-*``, ``OPS-*``: every item whose id opens with the part before the star (resolved once every item is known,
#: in ``references.groups``); never the id ``3``.
WILDCARD_RE = re.compile(r"(?<![\w.*-])(?P<prefix>[A-Za-z0-9][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*[.-])\*(?![\w*])")

_PAREN_RE = re.compile(r"\(([^()]*)\)")
_OWN_ISSUE_RE = re.compile(r"(?<=[A-Za-z0-9])\s*\(#\d+\)")


def parse_refs(cell: str, *, loose: bool = True) -> Refs:
    """A dependency cell: ``none``/``-``/``—``/``N/A`` -> nothing; ``A, B``; ranges; leftover words kept.

    ``loose`` accepts any id-shaped token (``A1``, ``7``) as an id; otherwise only ids that are
    unmistakable in running text (``T-001``, ``1.2``).
    """
    text = unglue(plain(cell).strip())
    out = Refs()
    if text.lower().rstrip(".") in NONE_WORDS:
        return out

    def _range(m: re.Match[str]) -> str:
        a, b = m.group("a"), m.group("b")
        ids = expand_range(a, b)
        if ids is None:
            out.bad_ranges.append(m.group(0))
            return m.group(0)
        out.ranges.append(m.group(0))
        return " " + " ".join(ids) + " "

    def _negated(m: re.Match[str]) -> str:
        out.negated += [t for t in (tok.strip("()[]{}.,:;\"'`*") for tok in _SPLIT.split(m.group("refs"))) if is_id(t)]
        return " "

    text = NEGATION_RE.sub(_negated, text)
    text = NEGATED_AFTER_RE.sub(_negated, text)
    wildcards = [m.group(0) for m in WILDCARD_RE.finditer(text)]
    text = WILDCARD_RE.sub(" ", text)
    # "Phase 2", "Wave 1": a group, not the id "2"; kept in the words for ``references.groups`` to resolve.
    text = expand_group_ranges(text)
    groups = [m.group(0) for m in _GROUP_WORD_RE.finditer(text)]
    text = _GROUP_WORD_RE.sub(" ", text)
    text = _siblings(text)
    # "WP5a/b", "T3a/b/c": lettered siblings of one number, the letter after the slash standing for the whole id.
    text = _LETTER_SLASH_RE.sub(
        lambda m: " ".join(m.group("stem") + x for x in [m.group("first"), *m.group("more").split("/")[1:]]), text
    )
    text = _SLASH_RE.sub(
        lambda m: " ".join(
            m.group("head") + n.zfill(len(m.group("first")))
            for n in [m.group("first"), *m.group("more").split("/")[1:]]
        ),
        text,
    )

    def _hash_range(m: re.Match[str]) -> str:
        ids = expand_range(m.group("a"), m.group("b"))
        if ids is None:
            out.bad_ranges.append(m.group(0))
            return m.group(0)
        out.ranges.append(m.group(0))
        return " " + " ".join("#" + i for i in ids) + " "

    text = _HASH_RANGE_RE.sub(_hash_range, text)
    text = _DOTTED_RANGE_RE.sub(_range, text)
    text = _RANGE_RE.sub(_range, text)
    words: list[str] = []

    def _aside(m: re.Match[str]) -> str:
        # "M-3.1 (WebView2 infrastructure)": words in parentheses explain; unless all of them are ids.
        toks = [t.strip(".,:;\"'`*") for t in _SPLIT.split(m.group(1)) if t.strip(".,:;\"'`*")]
        if toks and all(is_id(t) and not NOT_IDS.match(t) for t in toks):
            return " " + m.group(1) + " "
        words.append(m.group(0))
        return " "

    # "T05 (#102)": the issue or pull request of the id before it, not a second dependency.
    text = _OWN_ISSUE_RE.sub(" ", text)
    text = _PAREN_RE.sub(_aside, text)
    for raw in _SPLIT.split(text):
        tok = raw.strip().strip("()[]{}.,:;\"'`*")
        if not tok:
            continue
        if _HASH_LETTER_ID.fullmatch(tok):
            tok = tok[1:]  # "#T2": the item T2, named as its entry names itself (``entries.entry_ids.trailing_id``)
        if (is_id(tok) if loose else looks_like_text_id(tok)) and not NOT_IDS.match(tok):
            if tok not in out.ids:
                out.ids.append(tok)
        else:
            words.append(raw.strip())
    out.rest = " ".join([*groups, *wildcards, *words]).strip()
    if out.negated and out.rest.lower().strip(" —–-:,") in NONE_WORDS | {"any more", "anymore", "any longer"}:
        out.rest = ""
    if out.rest.lower().rstrip(".") in NONE_WORDS:
        out.rest = ""
    return out


#: A hash and an id of letters and a number: ``#T2``.
_HASH_LETTER_ID = re.compile(r"#[A-Z]{1,4}\d{1,5}")


def board_ids_in(text: str, known: Container[str]) -> list[str]:
    """The ids of ``known`` items a phrase names: those ``ids_in_text`` finds, and short letter-and-number words it
    takes for something else (``P3``, a priority elsewhere) where the board has an item so named."""
    found = [i for i in ids_in_text(text) if i in known]
    words: list[str] = []
    for m in _SHORT_ID_RE.finditer(plain(text)):
        # "after T007-T015": a range of such words when both ends are items.
        span = expand_range(m.group("a"), m.group("b")) if m.group("b") in known and m.group("a") in known else []
        words += span or [w for w in m.group("a", "b") if w]
    return found + [w for w in dict.fromkeys(words) if w in known and w not in found]


#: A short letter-and-number word (``T007``, ``P3``), or a range of two (``T007-T015``).
_SHORT_ID_RE = re.compile(r"\b(?P<a>[A-Za-z]{1,3}\d+)\b(?:\s*[-–]\s*(?P<b>[A-Za-z]{1,3}\d+)\b)?")


def ids_in_text(text: str) -> list[str]:
    """Unmistakable ids mentioned in running text, ranges expanded, in order, without repeats."""
    src = _siblings(plain(text))
    found: list[str] = []

    def _range(m: re.Match[str]) -> str:
        ids = expand_range(m.group("a"), m.group("b"))
        if ids and looks_like_text_id(m.group("a")):
            found.extend(ids)
            return " "
        return m.group(0)

    src = _DOTTED_RANGE_RE.sub(_range, src)
    src = _RANGE_RE.sub(_range, src)
    found += [m.group(0) for m in TEXT_ID_RE.finditer(src) if not NOT_IDS.match(m.group(0))]
    return list(dict.fromkeys(found))
