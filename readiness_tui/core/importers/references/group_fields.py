"""Dependencies a plan states once for a group of items, on bold-label lines under the group's heading.

    ## Sprint 2: Contract + Tests
    **Priority:** P0
    **Dependencies:** Sprint 1

    ### Task 2.1: Contract entrypoint
    ...

So does a heading closing with what its work waits on (``### Phase 4 — the game — blocked by D1, D2, D3``).
The lines speak for every item under the heading (its tables, lists and item headings, at any depth):
dependencies (ids, or groups named by their headings: "Sprint 1") are added to each item's own, and
"**Blocks:** ..." makes the items (or groups) it names wait on every item of the group. (A group's owner and
priority lines are read with its other defaults, ``sections.defaults``.)

Only headings that are no item's own are read (an item's heading states that item's fields), only lines of a
paragraph (or a quote: "> **depends:** Batch 1 complete") whose label (``split_keyval``, as a section's defaults are
read) is a dependency field, and only values that name items, not sentences. Each line applied is one report line
naming the items it reached.
"""

from __future__ import annotations

import re

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.document.blocks import Other, Paragraph, Section, plain
from readiness_tui.core.importers.document.fields import split_keyval
from readiness_tui.core.importers.references.group_members import group_items
from readiness_tui.core.importers.references.refs import parse_refs
from readiness_tui.core.importers.vocabulary.headers import header_field

#: The fields a group's line states for its items here.
_FIELDS = frozenset({"depends_on", "blocks"})


def _lines(sec: Section) -> list[tuple[int, str, str]]:
    """(line, field, value) of the section's own bold-label lines (not those of the headings inside it)."""
    found = []
    if said := _HEADING_WAITS.search(plain(sec.bare_title)):
        # "### 1.4 Phase 4 — the game — blocked by D1, D2, D3": the heading says what all of it waits on.
        found.append((sec.line, "depends_on", said["refs"].strip()))
    for blk in sec.blocks:
        # A quote set apart under the heading ("> **depends:** Batch 1 complete") says it as a paragraph does.
        if not (isinstance(blk, Paragraph) or (isinstance(blk, Other) and blk.kind == "blockquote")):
            continue  # a list of labelled entries details one thing ("Prerequisites:"), not the group's fields
        for line, whole in enumerate(blk.text.splitlines(), start=blk.line):
            # "**前置**：Batch 2。**风险**：中。": several bold labels on one line, each with its own value.
            for text in _NEXT_LABEL.split(whole):
                pair = split_keyval(text)  # "**Dependencies:** Sprint 1", "Blocks: T-9", as a section's defaults are
                fld = header_field(pair[0]) if pair else None
                if pair and fld in _FIELDS and pair[1].strip():
                    found.append((line, fld, pair[1].strip()))
    return found


#: A heading closing with what its work waits on, after a dash or in brackets: "— blocked by D1, D2, D3",
#: "(depends on Sprint 1)".
_HEADING_WAITS = re.compile(
    r"(?:\s[—–-]|\()\s*(?:blocked by|depends on|waits on|waiting on|requires)\s+(?P<refs>[^()—–]+?)\)?\s*$", re.I
)
#: Where a second bold label starts on the same line.
_NEXT_LABEL = re.compile(r"(?<=\S)\s*(?=\*\*[^*]+?\*\*\s*[:：]|\*\*[^*]+?[:：]\*\*)")


def read_group_fields(b: Builder, root: Section) -> None:
    """Give the items under each heading the fields its own bold-label lines state (see the module doc)."""
    item_lines = {rec.line for rec in b.items.values()}
    for sec in root.walk():
        if sec.heading is None or sec.level <= 1 or sec.line in item_lines:
            continue
        lines = _lines(sec)
        members = [i for i, rec in b.items.items() if sec.line < rec.line <= sec.end] if lines else []
        if not members:
            continue
        for line, fld, value in lines:
            reached = _give(b, root, fld, value, members)
            if reached:
                b.used(
                    line,
                    f"{fld} {plain(value)[:50]!r} under {sec.title!r} given to its items: {', '.join(reached)}",
                )


def _named(b: Builder, root: Section, value: str) -> list[str]:
    """The items a value names: ids of the board, and the items under the headings its words name; none when the
    value is a sentence ("Hermes must be installed for Phase 1"), which may name a group without meaning all of it."""
    # "Batch 2（T2.1 removed the last import）。": the aside in brackets of either width, and the full stop, are words.
    value = re.sub(r"\([^()]*\)|（[^（）]*）", " ", plain(value)).strip().removesuffix("。")
    if len(value.split()) > 8 or re.search(r"[.;!?](?:\s|$)", value):
        return []
    refs = parse_refs(value)
    ids = [i for i in refs.ids if i in b.items]
    return ids + [i for i in group_items(b, root, refs.rest, "") if i not in ids] if refs.rest else ids


def _give(b: Builder, root: Section, fld: str, value: str, members: list[str]) -> list[str]:
    reached: list[str] = []
    if fld == "depends_on":
        first = _named(b, root, value)
        for i in members:
            reached += [i] if b.wait_on_group(i, [d for d in first if d not in members]) else []
    else:  # blocks: what it names waits on the whole group
        for t in _named(b, root, value):
            if t in members:
                continue
            reached += [t] if b.wait_on_group(t, members) else []
    return reached
