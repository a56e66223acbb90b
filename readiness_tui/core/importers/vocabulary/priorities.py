"""Priority words and marks: ``Critical``..``Low``, ``P0``..``P3``, ``🔴``..``🟢``, the plan languages' words, and a
plan's own scale (``Priority: Blocker > Major > Minor``, see ``priority_words``)."""

from __future__ import annotations

import re
from contextvars import ContextVar

from readiness_tui.core.importers.document.blocks import plain
from readiness_tui.core.importers.guided.recipe import RECIPE
from readiness_tui.core.importers.vocabulary.state_words import PRIORITY_WORDS as _FOREIGN_PRIORITIES
from readiness_tui.core.importers.vocabulary.statuses import MARK
from readiness_tui.core.model.board import normalize_priority

_PRIO_WORDS = {
    "critical": "P0",
    "blocker": "P0",
    "highest": "P0",
    "top": "P0",
    "urgent": "P0",
    "must": "P0",
    "must have": "P0",
    "high": "P1",
    "higher": "P1",
    "should": "P1",
    "should have": "P1",
    "important": "P1",
    "major": "P1",  # an issue tracker's scale: Blocker, Critical, Major, Minor, Trivial
    "medium": "P2",
    "med": "P2",
    "mid": "P2",
    "normal": "P2",
    "moderate": "P2",
    "could": "P2",
    "could have": "P2",
    "low": "P3",
    "lowest": "P3",
    "lower": "P3",
    "minor": "P3",
    "nice to have": "P3",
    "trivial": "P3",
}
_PRIO_WORDS.update(_FOREIGN_PRIORITIES)


_PRIO_RE = re.compile(r"\bP\s?([0-3])\b", re.I)
_P4_RE = re.compile(r"\bP\s?4\b", re.I)


#: The plan's own priority words (``import_markdown(priority_words=...)``, ``--priority-word``), read before the
#: built-in scale; set for the length of one import.
PRIORITY_WORDS: ContextVar[dict[str, str] | None] = ContextVar("PRIORITY_WORDS", default=None)


def priority_words(pairs: list[str]) -> dict[str, str]:
    """``["Blocker=P0", "Nice=P3"]`` -> {"blocker": "P0", "nice": "P3"}; ValueError naming the bad pair."""
    out: dict[str, str] = {}
    for pair in pairs:
        word, sep, prio = pair.partition("=")
        if not sep or not word.strip():
            raise ValueError(f"priority word {pair!r}: expected WORD=P0..P3")
        out[" ".join(word.lower().split())] = normalize_priority(prio.strip())
    return out


#: A mark opening an entry (``🔴 Emit the files``).
_LEAD_SIGN = re.compile(rf"^\s*(?P<mark>{MARK})\s*")


def ranked_mark(text: str) -> tuple[str, str] | None:
    """(priority, the words after it) when ``text`` opens with a mark the plan's legend ranks (``🔴 Emit the files``
    where the plan says "🔴 P0 (critical)"); None otherwise."""
    lead = _LEAD_SIGN.match(text)
    level = (PRIORITY_WORDS.get() or {}).get(lead.group("mark").replace("\ufe0f", "")) if lead else None
    return (level, text[lead.end() :]) if lead and level else None


def priority_of_word(text: str) -> str | None:
    """The level a priority word names on the built-in scale (``Kritisk`` -> P0, ``High`` -> P1), else None."""
    recipe = RECIPE.get()
    given = recipe.priority(plain(text).strip("*_ .")) if recipe else None
    if given:
        return given
    low = " ".join(plain(text).lower().split()).strip("*_ .")
    return _PRIO_WORDS.get(low) or _PRIO_WORDS.get(re.split(r"[\s(/,]+", low)[0] if low else "")


def parse_priority(cell: str) -> tuple[str | None, bool]:
    """(priority, was_a_word): ``P0``/``p1``/``0`` directly, ``High``/``Critical`` folded to P1/P0."""
    text = plain(cell).strip().strip("*_").rstrip(".")
    if not text:
        return None, False
    recipe = RECIPE.get()
    given = recipe.priority(text) if recipe else None
    if given:
        return given, True
    own = PRIORITY_WORDS.get() or {}
    if own and " ".join(text.lower().split()) in own:
        return own[" ".join(text.lower().split())], True
    try:
        return normalize_priority(text), False
    except ValueError:
        pass
    m = _PRIO_RE.search(text)
    if m:
        return f"P{m.group(1)}", False
    if _P4_RE.search(text):
        # A five-level scale's last step ("Backlog (P4)"): the board's lowest, as "Lowest" and "Nice to have" are.
        return "P3", True
    low = text.lower()
    for emoji, p in (("🔴", "P0"), ("🟠", "P1"), ("🟡", "P2"), ("🟢", "P3")):
        if low.startswith(emoji):
            low = low[len(emoji) :].strip() or p
            if low == p:
                return p, True
    # "⭐⭐⭐ Alta", "🚨 Critical", "🔧 High": marks before the word (a star rating, an icon); the word says the
    # priority (stars alone have no known scale).
    low = re.sub(r"^[^\w\s]+\s*(?=\w)", "", low)
    # "Must-Haves", "Should-haves": the MoSCoW words as headings write them.
    low = re.sub(r"\b(must|should|could|nice[\s-]+to)[\s-]+haves?\b", lambda m: m[1].replace("-", " ") + " have", low)
    if low in _PRIO_WORDS:
        return _PRIO_WORDS[low], True
    # "Medium/High", "MEDIUM-HIGH": a level between two, read as its first word, as a range's start is.
    first = re.split(r"[\s(/,]+|-(?=(?:critical|urgent|highest|high|medium|low|lowest)\b)", low)[0] if low else ""
    if first in _PRIO_WORDS:
        return _PRIO_WORDS[first], True
    return None, False
