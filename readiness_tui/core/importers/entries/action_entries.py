"""Entries a list labels as actions, among notes: ``- **ACTION:** [Add a 1.0 Debian component](…)`` beside
"- We'll just ship an Ubuntu package for 1.0".

Release plans and meeting notes write what was said and, beside it, what someone will do, marked by a bold label
(``**ACTION:**``, ``**TODO:**``, ``**Action item:**``). The labelled entries are the work, each an item; the others
are the discussion, each reported. An entry struck through whole (``~~**ACTION:** List what we do~~``) was crossed
off: done. A struck id in a table (``~~2.16~~``) cancels its item instead; there the id is struck, not the work.
"""

from __future__ import annotations

import re
from typing import Any

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.document.blocks import ListBlock, Section, plain
from readiness_tui.core.importers.entries.inline import inline_fields
from readiness_tui.core.importers.entries.lists import heading_prefix
from readiness_tui.core.importers.references.ids import id_span
from readiness_tui.core.importers.sections.patterns import Ctx

#: ``**ACTION:**``, ``**Action item**:``, ``**TODO** -``: the label that opens an entry of work, bold.
_ACTION_LABEL = re.compile(
    r"^\*\*\s*(?:action(?:\s+items?)?|to[- ]?do|follow[- ]?up)\s*:?\s*\*\*\s*[:—–-]?\s*(?P<rest>\S.*)$", re.I | re.S
)
#: The whole entry struck through.
_STRUCK = re.compile(r"^~~(?P<inner>.+)~~$", re.S)


def action_entries(b: Builder, lst: ListBlock, sec: Section, ctx: Ctx) -> bool:
    """Make the labelled entries of ``lst`` items when two entries or more (or every entry) open with an action
    label, reporting the others; whether it did. Not under an item: there the label is one of its fields."""
    if ctx.parent is not None:
        return False
    found = [_labelled(it.text) for it in lst.items]
    count = sum(1 for f in found if f)
    if count < min(2, len(lst.items)):
        return False
    prefix = heading_prefix(b, sec)
    counter = 0
    made: list[str] = []
    for it, got in zip(lst.items, found, strict=True):
        if got is None:
            b.skipped(
                it.line, f"entry {plain(it.text)[:50]!r} under {sec.title!r}: a note beside the actions, not an item"
            )
            continue
        rest, struck = got
        counter += 1
        rid = f"{prefix}{counter}"
        b.made_ids.add(rid)
        title, fields = inline_fields(b, rest, it.line, rid)
        values: dict[str, Any] = {"id": rid, "title": title, "kind": "task", **ctx.item_fields(), **fields}
        if struck:
            values["status"] = "done"
        source = b.item_source(it).strip()
        if source:
            values["description"] = source + "\n"
        if got_id := b.add_item(values, it.line, "action entry"):
            made.append(got_id)
    b.consume(lst, sec)
    b.used(lst.line, f"list under {sec.title!r}: entries labelled as actions -> items {id_span(made)}")
    return True


def _labelled(text: str) -> tuple[str, bool] | None:
    """The words after an entry's action label, and whether the entry is struck through; None without one."""
    text = text.strip()
    struck = _STRUCK.match(text)
    if struck:
        text = struck.group("inner").strip()
    m = _ACTION_LABEL.match(text)
    if m is None or not plain(m.group("rest")).strip():
        return None
    return m.group("rest"), struck is not None
