"""Dependencies an item states in its words, by a number rather than an id, read once every item is known.

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

from readiness_tui.core.importers.blocks import ListBlock, Section
from readiness_tui.core.importers.builder import Builder

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
