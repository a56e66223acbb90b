"""Checklists that look back at the plan's work rather than add to it: a log of what was finished before the plan,
and boxes that name items already made by the words the plan numbers them with ("- [ ] Fase 1 iniciada" beside a
table whose "Fase" column numbered the items 1 … 14), and the deliverables of a session whose tasks are boxes beside
them. All are kept as text, not made items."""

from __future__ import annotations

import re

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.document.blocks import ListBlock, ListItem, Section, Table, plain
from readiness_tui.core.importers.references.refs import ids_in_text
from readiness_tui.core.importers.sections.headings import names_actions
from readiness_tui.core.importers.sections.phases import boxed_phases
from readiness_tui.core.importers.vocabulary.headers import header_field
from readiness_tui.core.importers.vocabulary.title_states import status_heading

#: "What's done", "Ce qui est fait", "Lo que está hecho", "Was erledigt ist", "Done so far": a record of finished work.
_DONE_LOG = re.compile(
    r"^(?:what(?:'s| is| has been| we)\s+(?:done|finished|shipped|completed)|ce qui (?:est|a été) (?:fait|terminé)|"
    r"lo que (?:está|se ha) (?:hecho|terminado)|was (?:erledigt|fertig) ist|done so far|already done|déjà fait)\b",
    re.I,
)

#: "Fase 3 iniciada", "Step 2: reviewed": a word and a number opening the entry.
_WORD_NUMBER = re.compile(r"^\W*(?P<word>[^\W\d_]+)\s+(?P<num>\d+(?:\.\d+)*)\b")


def done_log(sec: Section, entries: list[ListItem]) -> bool:
    """Every box ticked, under a heading that says what was done, in a plan whose tables name their rows by id."""
    if not all(it.box == "done" for it in entries):
        return False
    if not (_DONE_LOG.match(sec.bare_title) or status_heading(sec.bare_title) == "done"):
        return False
    return any(
        isinstance(blk, Table) and len(blk.rows) >= 2 and header_field(blk.headers[0]) == "id"
        for s in sec.root.walk()
        for blk in s.blocks
    )


def names_numbered_items(b: Builder, entries: list[ListItem]) -> bool:
    """Whether every entry opens with one same word and the number of an item made already (two or more entries):
    the boxes follow the plan's numbered work ("Fase 1 iniciada", "Fase 1 completada"), they are none of it."""
    found = [_WORD_NUMBER.match(plain(it.text)) for it in entries]
    if len(entries) < 2 or not all(found):
        return False
    words = {m.group("word").lower() for m in found if m}
    return len(words) == 1 and all(m.group("num") in b.items for m in found if m)


#: An entry opening with a phase by its number: ``Phase 1: Foundation (2025-03-03 to 2025-03-07)``.
_PHASE_LEAD = re.compile(r"^\W*(?:phase|stage)\s+(?P<num>\d+(?:\.\d+)?)\b", re.I)


def names_phases(b: Builder, entries: list[ListItem]) -> bool:
    """Whether every entry opens with a phase whose own heading holds boxes (``- [ ] Phase 1: Foundation`` beside
    ``## Phase 1 Tasks`` over its boxes), two entries or more: a summary of the phases, whose boxes are the work."""
    found = [_PHASE_LEAD.match(plain(it.text)) for it in entries]
    return len(entries) >= 2 and all(found) and {m.group("num") for m in found if m} <= boxed_phases(b.lines)


def restates_ids(b: Builder, lst: ListBlock, entries: list[ListItem]) -> bool:
    """Whether every entry names an item the plan writes elsewhere by its id ("- [ ] Finish SR-03" beside the row of
    SR-03). An id the plan writes nowhere else ("Normalize quantity storage (#38)") is the entry's own issue: work."""
    named = [ids_in_text(it.text) for it in entries]
    if not entries or not all(named):
        return False
    outside = "\n".join(b.lines[: lst.line - 1] + b.lines[lst.end :])
    return all(any(re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", outside) for i in ids) for ids in named)


#: "#### Deliverables", "Outputs", "Artifacts produced": what the work leaves.
_OUTPUTS = re.compile(r"^\W*(?:key\s+)?(?:deliverables|outputs|artifacts)\b", re.I)


def deliverables_beside_tasks(sec: Section) -> bool:
    """``#### Deliverables`` over boxes beside ``#### Tasks`` over boxes under one heading (a session, a sprint):
    the tasks are the work, and the deliverables what it leaves ("- [x] Bazelisk installed and verified" beside
    "- [x] Install Bazelisk globally")."""
    up = sec.parent
    if up is None or up.heading is None or not _OUTPUTS.match(plain(sec.bare_title)):
        return False
    return any(c is not sec and names_actions(c) and c.holds_boxes for c in up.children)
