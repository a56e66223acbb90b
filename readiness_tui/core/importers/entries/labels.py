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
from readiness_tui.core.importers.entries.inline import inline_fields
from readiness_tui.core.importers.references.refs import GROUP_NOUN, parse_refs
from readiness_tui.core.importers.sections.patterns import Ctx
from readiness_tui.core.importers.vocabulary.title_states import trailing_status

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


#: The same without bold, for a word naming one unit of work only: ``Story 5.2: Tages-Ansicht``, ``Task 3: x``.
_PLAIN_LABEL_RE = re.compile(
    r"^(?P<noun>(?:user\s+)?story|task|ticket|issue|bug|feature|aufgabe|tarea|tâche|tarefa|história|historia)[ \t]+"
    r"(?P<num>\d+(?:\.\d+)*[a-z]?)[ \t]*[:—–-][ \t]*(?P<title>\S.*)$",
    re.S | re.I,
)


def labelled(texts_md: list[str]) -> list[tuple[str, str, str | None] | None]:
    """(id, title, None) of each text when every one of them (two or more) opens with the same bold label and a
    number (or the same word for a unit of work, not bold: ``Story 5.2: x``), no id twice; else None for each."""
    found = [_LABEL_RE.match(t.strip()) for t in texts_md]
    if not all(found):
        found = [_PLAIN_LABEL_RE.match(t.strip()) for t in texts_md]
    if len(found) < 2 or not all(found):
        return [None] * len(texts_md)
    nouns = {re.sub(r"\s+", " ", m.group("noun")).lower() for m in found if m}
    if len(nouns) != 1 or _GROUP_LABEL.match(next(iter(nouns))):
        return [None] * len(texts_md)
    out = [(label_id(m.group("noun"), m.group("num")), m.group("title"), None) for m in found if m]
    if len({o[0] for o in out}) != len(out):
        return [None] * len(texts_md)
    return list(out)


#: ``**12a. NTFS core parser**: `ntfs.go`; registers a `Detector`. Depends on: 5.``: a bold number (maybe lettered),
#: its full stop and title, then what the work holds.
_NUMBERED_RE = re.compile(r"^\*\*(?P<num>\d{1,3}[a-z]?)\.\s+(?P<title>[^*]+?)\*\*\s*(?:[:—–-]\s*)?(?P<rest>.*)$", re.S)
#: What a numbered line says it waits on, closing it: "Depends on: 12a, 6."
_WAITS = re.compile(r"(?:^|[.;]\s+)(?:depends on|blocked by|requires|after)\s*:\s*(?P<refs>[^.;]+?)\.?\s*$", re.I)


def numbered_lines(texts_md: list[str]) -> list[tuple[str, str, str | None] | None]:
    """(id, title, rest) of each text when every one of them (two or more) opens with a bold number and title, no
    number twice; else None for each."""
    found = [_NUMBERED_RE.match(t.strip()) for t in texts_md]
    if len(found) < 2 or not all(found):
        return [None] * len(texts_md)
    out = [(m.group("num"), m.group("title"), m.group("rest")) for m in found if m]
    return list(out) if len({o[0] for o in out}) == len(out) else [None] * len(texts_md)


def label_lines(b: Builder, para: Paragraph, sec: Section, ctx: Ctx) -> None:
    """A paragraph whose every line is ``**Story 6.1:** title`` with one label, or ``**12a. Title**: what it holds``:
    each line an item (a closing state in the title its status, a closing "Depends on:" its dependencies). Any
    other paragraph is left as it is."""
    lines = [ln.strip() for ln in para.text.splitlines() if ln.strip()]
    found = labelled(lines)
    if not all(found):
        found = numbered_lines(lines)
    if not all(found):
        return
    made: list[str] = []
    for n, got in enumerate(found):
        assert got
        # "APFS core parser (done)": the closing state in brackets is the item's, no part of its title.
        title, said = inline_fields(b, got[1], para.line + n, got[0])
        title, state = trailing_status(title)
        state = state or said.pop("status", None)
        values: dict[str, Any] = {"id": got[0], "title": title, **ctx.item_fields()}
        if state:
            values["status"] = state
        rest = plain(got[2] or "", keep_code=True)
        if waits := _WAITS.search(rest):
            refs = parse_refs(waits.group("refs"))
            values["depends_on"] = refs.ids
            if refs.rest:  # "12a": an id of this plan that only the plan's own items tell from a word
                values["dependency_note"] = waits.group("refs").strip()
            rest = rest[: waits.start()].rstrip(" .;") + ("." if waits.start() else "")
        if rest.strip(" ."):
            values["description"] = rest.strip()
        rid = b.add_item(values, para.line + n, "label line")
        if rid:
            made.append(rid)
            if state:
                b.status_stated.add(rid)
            if "depends_on" in values:
                b.deps_stated.add(rid)
    b.consume(para, sec)
    b.used(para.line, f"lines of labelled work ({len(made)}) -> items {', '.join(made)}")
