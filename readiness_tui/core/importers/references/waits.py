"""Dependencies an item states in its own words, in any language the plan is written in, read once every item is
known: "Première spec, dès réception de `A-01`", "Évaluer le flux à partir de A-23", "Deploy after OPS-2",
"nach T-2", "T-2 完了後に実施", "T-2 이후 진행", "T-2'den sonra".

An item's own prose (title, description, notes and the text of its other columns) that holds a wait word of
``vocabulary.waits`` right before ids (at most two words between: "après validation de A-01") or right after them
depends on those ids. Only ids of this board's items count, and only ids with a letter or a ``#`` ("after 3 days"
names no item 3); an item never waits on itself. An item whose dependencies a field or a column states is left as it
is: there the plan says what it waits on. Each dependency read is reported as a guess.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.document.blocks import plain
from readiness_tui.core.importers.references.refs import parse_refs, unglue
from readiness_tui.core.importers.vocabulary.statuses import exact_status
from readiness_tui.core.importers.vocabulary.waits import AFTER_IDS, BEFORE_IDS, alternation
from readiness_tui.core.importers.vocabulary.words import UNSPACED

#: An id as prose writes it (its letters and digits; ranges and lists are read by ``parse_refs``).
_ID = r"(?:#\d+|[A-Za-z][A-Za-z0-9]*(?:[-_.][A-Za-z0-9]+)*)"
_RANGE = r"\s*(?:–|—|~|～|〜|\.\.)\s*"
#: Words that join two ids, in the plan languages read ("T-1 and T-2", "T-1 和 T-2").
_JOIN_WORDS = ("and", "et", "y", "e", "und", "en", "i", "и", "і", "ve", "ou", "o", "or", "oder")
_SEP = rf"\s*(?:,|/|&|\+|、|，|和|及|\s(?:{'|'.join(_JOIN_WORDS)})\s)\s*"
#: "T-011/12/13": ids after a slash that give only the part that changes (``parse_refs`` completes them).
_SHORT = r"(?:/\d+(?![\w.-]))*"
_IDS = rf"(?P<ids>{_ID}{_SHORT}(?:(?:{_RANGE}|{_SEP}){_ID}{_SHORT})*)"
_SLASH_RUN = re.compile(rf"{_ID}(?:/\d+(?![\w.-]))+")
_WORD_END = r"(?!\w)"
_LETTERS_END = r"(?![^\W\d_])"
_BEFORE_WORDS = alternation(BEFORE_IDS, _WORD_END)
_AFTER_WORDS = alternation(AFTER_IDS, _LETTERS_END)
_BEFORE_RE = re.compile(rf"(?<![\w])(?:{_BEFORE_WORDS})\s*:?\s*(?:[^\W\d_]{{1,14}}['’]?\s+){{0,2}}?{_IDS}", re.I)
_AFTER_RE = re.compile(rf"{_IDS}\s*(?:['’][^\W\d_]{{1,4}}\s*)?(?:[^\W\d_]{{1,3}}\s+)?(?:{_AFTER_WORDS})", re.I)
#: A number and the word after it: "7 端点", "3 tests" (a count), but also "3 and 4", "2 done" (ids).
_NUMBER_WORD = re.compile(r"(?<![\w#.\-])(?P<num>\d+)\s*(?P<word>[^\W\d_]+)")
#: Words that join ids rather than say what a number counts: those read between ids, and more of the plan languages.
_JOINS = frozenset(_JOIN_WORDS) | {
    "veya", "dan", "atau", "và", "hoặc", "of", "och", "eller", "og", "oraz", "lub", "a", "和", "及", "与", "與", "或", "と",
    "및", "과", "와",
}  # fmt: skip


def counted_numbers(text: str) -> set[str]:
    """The bare numbers of a dependency cell that count something (``全 9 端点``, ``3 tests``): a number followed by a
    word that neither joins ids (``3 and 4``) nor says a state (``2 done``)."""
    return {
        m.group("num")
        for m in _NUMBER_WORD.finditer(plain(text))
        if m.group("word").lower() not in _JOINS and exact_status(m.group("word")) is None
    }


#: A token that may be an id with a letter or a ``#`` (``A-01``, ``T3``, ``#12``).
_TOKEN = re.compile(r"#\d+|[A-Za-z][\w.-]*\d[\w.-]*", re.ASCII)
#: Where an item's own words are.
_PROSE_KEYS = ("title", "description", "notes", "custom")
#: Marks around ids in prose (code, bold) and what CJK text writes an id onto.
_MARKS = re.compile(r"[`*_]")
_CJK_BEFORE_ID = re.compile(f"(?<=[{UNSPACED}])(?=[A-Za-z#])")


def _texts(values: dict[str, Any]) -> Iterator[str]:
    for key in _PROSE_KEYS:
        value = values.get(key)
        inner = value.values() if isinstance(value, dict) else [value]
        yield from (v for v in inner if isinstance(v, str))


def _named(b: Builder, rid: str, ids: str) -> list[str]:
    """The items of this board a run of ids names (ranges expanded, a prefixed form read as its item:
    ``KM-1.2`` for ``1.2``), but ``rid`` and bare numbers."""
    named = [b.aliases.get(i, i) for i in parse_refs(ids).ids if any(c.isalpha() or c == "#" for c in i)]
    return [i for i in named if i in b.items and i != rid]


def read_item_waits(b: Builder) -> None:
    """Add the dependencies each item's own words state (see the module doc); each is reported."""
    for rid, rec in b.items.items():
        if rid in b.deps_stated:
            continue
        found: dict[str, str] = {}
        for text in _texts(rec.values):
            # Most text names no other item: one cheap look for an id of the board before the two wait readers.
            tokens = [b.aliases.get(t, t) for t in (t.rstrip(".") for t in _TOKEN.findall(text))]
            # "T-007/11/12": the ids after the slash are items too, though only their numbers are written.
            tokens += [i for run in _SLASH_RUN.findall(text) for i in parse_refs(run).ids]
            if not any(t in b.items and t != rid for t in tokens):
                continue
            clean = _CJK_BEFORE_ID.sub(" ", unglue(_MARKS.sub("", text)))
            for rx in (_BEFORE_RE, _AFTER_RE):
                for m in rx.finditer(clean):
                    for dep in _named(b, rid, m.group("ids")):
                        found.setdefault(dep, m.group(0).strip())
        deps: list[str] = rec.values.setdefault("depends_on", [])
        for dep, said in found.items():
            if dep not in deps:
                deps.append(dep)
                b.note(rec.line, f"{rid}: its words {said[:60]!r} state a wait on {dep}: read as a dependency")
