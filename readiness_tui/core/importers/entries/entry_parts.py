"""Entries taken apart before a checklist is read: one entry holding several (``- ✅ [P1] 3D objects · ✅ [P2] Bloom``,
``- [ ] 4.4 Tech tree; 4.5 dailies``), a plain entry that only names the group of the boxes under it, and an entry
ticking itself off by a mark of its state (a box drawn as a mark)."""

from __future__ import annotations

import re
from dataclasses import replace

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.assembly.item_titles import CLOSING_BRACKET
from readiness_tui.core.importers.document.blocks import ListItem, plain
from readiness_tui.core.importers.entries.entry_ids import JOINED_MARKS, LEAD_MARK_RE, opening_mark
from readiness_tui.core.importers.sections.patterns import numbered
from readiness_tui.core.importers.vocabulary.statuses import exact_status


def unjoined(b: Builder, items: list[ListItem]) -> list[ListItem]:
    """The entries with one drawn as a state mark and holding others after a middle dot, each opening with its own
    mark (``- ✅ [P1] 3D objects · ✅ [P2] Bloom · ⬜ [P3] Grain``), made one entry each (reported)."""
    out: list[ListItem] = []
    for it in items:
        parts = JOINED_MARKS.split(it.text) if it.checked is None and LEAD_MARK_RE.match(plain(it.text)) else [it.text]
        parts = [p for p in parts if p.strip()]
        if len(parts) > 1:
            b.note(it.line, f"entry holding {len(parts)} entries, each after a middle dot and its mark: one item each")
            out += [replace(it, text=part, children=[] if n else it.children) for n, part in enumerate(parts)]
        elif len(ided := _joined_ids(it.text)) > 1:
            # "- [ ] 4.4 Tech tree stage 2; 4.5 dailies + replay sharing; 4.6 ore tiers": one box, several numbered tasks.
            b.note(it.line, f"box holding {len(ided)} numbered tasks, parted by semicolons: one item each")
            out += [replace(it, text=part, children=[] if n else it.children) for n, part in enumerate(ided)]
        else:
            out.append(it)
    return out


#: A semicolon before the next outline number of a box: "; 4.5 dailies".
_NEXT_NUMBERED = re.compile(r";\s+(?=\d+(?:\.\d+)+\s+\S)")


def _joined_ids(text: str) -> list[str]:
    """The parts of a box's words that each open with an outline number of one run (``4.4 x; 4.5 y``), when it opens
    with one and holds another after a semicolon; else the words whole."""
    parts = _NEXT_NUMBERED.split(text)
    if len(parts) < 2 or not all(re.match(r"\d+(?:\.\d+)+\s", p.strip()) for p in parts):
        return [text]
    heads = [p.strip().split()[0].rsplit(".", 1)[0] for p in parts]
    return [p.strip().rstrip(".") for p in parts] if len(set(heads)) == 1 else [text]


def ungrouped(b: Builder, items: list[ListItem]) -> list[ListItem]:
    """The entries of a list of boxes with each plain entry over boxes of its own (``* Software`` over ``* [ ] Write
    the PID class``) replaced by those boxes: it names a group of the work, not work (reported)."""
    out: list[ListItem] = []
    for it in items:
        if (
            it.checked is None
            and any(sub.has_checkboxes for sub in it.children)
            and not numbered(plain(it.text))
            and not ticks_itself(it)
        ):
            b.note(it.line, f"entry {plain(it.text)[:40]!r} names the group of the boxes under it; not an item")
            out += it.sub_items()
        else:
            out.append(it)
    return out


def ticks_itself(it: ListItem) -> bool:
    """Whether an entry under a checklist's entry opens with a mark of its state ("  - ✅ Create the Order model"): a
    box drawn as a mark, a child item as boxes under a box are. "  - ✅ Complete (~400 lines)" says the state of the
    entry above it, no work of its own."""
    marked = opening_mark(plain(it.text)) if it.checked is None else None
    if marked is None:
        return False
    words = CLOSING_BRACKET.sub("", marked[1]).strip(" .!")
    return bool(words) and exact_status(words) is None
