"""Items a group's prose lists, where the plan's other groups list theirs in tables.

``## Wave 5 — Service`` then "AIN-P2-08 service module → AIN-P3-03 repeat-sale rules → AIN-P3-04 portal
integration", beside waves whose tables hold AIN-P1-01 … : each id the paragraph opens a phrase with is an item of
that group, titled by the words up to the next id; an arrow between two of them makes the later wait on the earlier;
``AIN-P3-05/06`` is two ids. Read only once every table and list is read, for ids no other place made items, of a
kind (``AIN-``) the plan already has three items of, in paragraphs under a heading that names a group (wave, phase,
stage, sprint, milestone, step): a sentence merely mentioning an id elsewhere makes nothing.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.document.blocks import Paragraph, Section, plain
from readiness_tui.core.importers.references.ids import TEXT_ID_RE
from readiness_tui.core.importers.references.refs import GROUP_NOUN

#: A heading that names a group of the plan's work: "Wave 4 — Structure", "Phase 2: Launch".
_GROUP_HEADING = re.compile(rf"^\W*{GROUP_NOUN}\s+[A-Za-z0-9]+\b", re.I)
#: ``AIN-P3-05/06``: an id and its sibling with the last number replaced.
_PAIR = re.compile(r"(?P<id>\b[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*-[A-Z]*(?P<last>\d+))/(?P<other>\d+)\b")
#: What separates one listed item from the next.
_SEPARATORS = " ,;:.→->—–()"
_ARROW = re.compile(r"→|->|=>|⟶")


def _kind(item_id: str) -> str:
    """The letters an id opens with (``AIN-`` of AIN-P2-08, ``T`` of T12)."""
    m = re.match(r"^[A-Za-z]+-?", item_id)
    return m.group(0).upper() if m else ""


def _listed(text: str) -> list[tuple[str, int, int]]:
    """(id, start, end) of each id in the text, compact pairs split (``AIN-P3-05/06`` -> two at one place)."""
    out: list[tuple[str, int, int]] = []
    masked = text
    for m in _PAIR.finditer(text):
        head = m.group("id")[: len(m.group("id")) - len(m.group("last"))]
        out += [(m.group("id"), m.start(), m.end()), (head + m.group("other"), m.start(), m.end())]
        masked = masked[: m.start()] + " " * (m.end() - m.start()) + masked[m.end() :]
    out += [(m.group(0), m.start(), m.end()) for m in TEXT_ID_RE.finditer(masked)]
    return sorted(out, key=lambda x: x[1])


def _title(phrase: str) -> str:
    """The words naming a listed item: up to a bracket, a semicolon or an arrow; a phrase that opens with a bracket
    ("AIN-P2-04 (unify the sends; …)") is titled by what the bracket opens with."""
    phrase = phrase.strip()
    if phrase.startswith("("):
        phrase = phrase[1:]
    return re.split(r"[();]|\s[→—–]\s|→|->", phrase, maxsplit=1)[0].strip(_SEPARATORS)


def prose_items(b: Builder, root: Section) -> None:
    """Make the items group paragraphs list (see the module doc); each paragraph read is reported."""
    kinds = Counter(_kind(i) for i in b.items)
    for sec in root.walk():
        if sec.heading is None or not _GROUP_HEADING.match(plain(sec.title)):
            continue
        for blk in sec.blocks:
            if isinstance(blk, Paragraph) and id(blk) not in b.used_blocks:
                _read(b, blk, sec, kinds)


def _read(b: Builder, blk: Paragraph, sec: Section, kinds: Counter[str]) -> None:
    text = plain(blk.text, keep_code=True)
    listed = _listed(text)
    # Ids with letters only: "#2" is an issue and "10.08" a date as often as an item.
    new = [x for x in listed if x[0] not in b.items and _kind(x[0]) and kinds[_kind(x[0])] >= 3]
    if not new:
        return
    made: list[str] = []
    for n, (rid, start, end) in enumerate(listed):
        if (rid, start, end) not in new or rid in made:
            continue
        stop = next((x[1] for x in listed[n + 1 :] if x[1] > start), len(text))
        values: dict[str, Any] = {"id": rid, "title": _title(text[end:stop]) or rid, "kind": "task"}
        done = re.search(r"\s+DONE$", values["title"])
        if done:
            values["title"] = values["title"][: done.start()]
            values["status"] = "done"
            b.status_stated.add(rid)
        before = [x for x in listed[:n] if x[2] <= start]
        if before and _ARROW.search(text[before[-1][2] : start]):
            # "A → B": B waits on A, and on the id paired with A ("A/06 → B" names two).
            values["depends_on"] = [x[0] for x in before if x[1] == before[-1][1]]
            b.deps_stated.add(rid)
        if b.add_item(values, blk.line, "group prose"):
            made.append(rid)
    if made:
        b.consume(blk, None)
        b.used(blk.line, f"paragraph under {sec.title!r} lists work of the plan's kind: items {', '.join(made)}")
