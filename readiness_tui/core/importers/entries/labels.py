"""Work named by a label and a number: ``**Story 6.1:** Feature flag setup``, ``**Kilometre Taşı 1.2:** ...``.

The lines of a paragraph, or the entries of a list, that each open with the same bold label and a number are
one unit of work each. Its id is the number when it is dotted (``6.1``: the plan's outline), else the label and
the number (``STORY-4``, as a ``### Story 4`` heading is named); a label of several words, or in another script,
keeps the number alone. One such line alone is a reference in passing; a run of them, no number twice, is a numbering.
"""

from __future__ import annotations

import re
from typing import Any

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.document.blocks import Paragraph, Section, plain
from readiness_tui.core.importers.references.refs import GROUP_NOUN
from readiness_tui.core.importers.sections.patterns import Ctx

#: A bold label of one to three words, a number, then the title: ``**Task 1.1:** x``, ``**Story 4** — x``.
_LABEL_RE = re.compile(
    r"^\*\*(?P<noun>[^\W\d_]+(?:[ \t]+[^\W\d_]+){0,2})[ \t]+(?P<num>\d+(?:\.\d+)*[a-z]?)[ \t]*:?\*\*"
    r"[ \t]*(?:[:—–-][ \t]*)?(?P<title>\S.*)$",
    re.S,
)
#: Labels that name a group of work or a stretch of time (a phase, a sprint, a week), or no work at all (an option
#: weighed, a question asked), not one unit of work. A step or a milestone so labelled is one.
_GROUP_LABEL = re.compile(
    rf"^(?!step$|milestone$){GROUP_NOUN}$|^(?:week|day|month|quarter|option|question|example)$", re.I
)


def label_id(noun: str, num: str) -> str:
    """The id a label and its number give (see the module doc)."""
    if "." in num or not re.fullmatch(r"[A-Za-z]+", noun):
        return num
    return f"{noun.upper()}-{num}"


def labelled(texts_md: list[str]) -> list[tuple[str, str, str | None] | None]:
    """(id, title, None) of each text when every one of them (two or more) opens with the same bold label and a
    number, no id twice; else None for each."""
    found = [_LABEL_RE.match(t.strip()) for t in texts_md]
    if len(found) < 2 or not all(found):
        return [None] * len(texts_md)
    nouns = {re.sub(r"\s+", " ", m.group("noun")).lower() for m in found if m}
    if len(nouns) != 1 or _GROUP_LABEL.match(next(iter(nouns))):
        return [None] * len(texts_md)
    out = [(label_id(m.group("noun"), m.group("num")), m.group("title"), None) for m in found if m]
    if len({o[0] for o in out}) != len(out):
        return [None] * len(texts_md)
    return list(out)


def label_lines(b: Builder, para: Paragraph, sec: Section, ctx: Ctx) -> None:
    """A paragraph whose every line is ``**Story 6.1:** title`` with one label: each line an item. Any other
    paragraph is left as it is."""
    lines = [ln.strip() for ln in para.text.splitlines() if ln.strip()]
    found = labelled(lines)
    if not all(found):
        return
    made: list[str] = []
    for n, got in enumerate(found):
        assert got
        values: dict[str, Any] = {"id": got[0], "title": plain(got[1], keep_code=True), **ctx.item_fields()}
        rid = b.add_item(values, para.line + n, "label line")
        if rid:
            made.append(rid)
    b.consume(para, sec)
    b.used(para.line, f"lines of labelled work ({len(made)}) -> items {', '.join(made)}")
