"""Entries of a plain list that restate an item the plan describes elsewhere.

A plan often names its work twice: once in a summary ("## Quick Reference: Top 10 Features", "### Phase 1 (Next
3 Months)" over ``1. **Flight Risk Prediction** — ML model, alerts``) and once where it describes it (``#### 1.3
Board Member Management`` over its fields, a table row). The summary's entry is no second piece of work: where its
title is the title of exactly one item read from a heading, a table row or a ticket, the entry is dropped, what it
alone says (a priority, a status) goes to that item, and whatever named the entry names the item. Entries under
different headings that share a title with each other only ("Add endpoints" under two stories) are different work,
and stay.
"""

from __future__ import annotations

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.references.groups import title_key

#: Where an item is described: a heading of its own (a ticket, a stream), a table row, a YAML task.
_DESCRIBED = frozenset({"ticket", "stream", "table", "phase row", "yaml"})
#: Where an item may only be named: an entry of a plain list, a phase's list, a list of ids.
_NAMED = frozenset({"plain list", "phase list", "list"})
#: What a naming entry may add to the item it names, where the item says nothing of it.
_CARRIED = ("priority", "status")


def drop_restated(b: Builder) -> None:
    """Drop the list entries that restate a described item (see the module doc), each reported."""
    by_title: dict[str, list[str]] = {}
    for rid, rec in b.items.items():
        if isinstance(title := rec.values.get("title"), str) and (key := title_key(title)):
            by_title.setdefault(key, []).append(rid)
    for ids in by_title.values():
        described = [rid for rid in ids if b.items[rid].origin in _DESCRIBED]
        if len(ids) < 2 or len(described) != 1:
            continue
        keep = b.items[described[0]]
        for rid in ids:
            rec = b.items[rid]
            if (
                rec.origin not in _NAMED
                or rec.values.get("parent")
                or any(r.values.get("parent") == rid for r in b.items.values())
            ):
                continue
            for fld in _CARRIED:
                if rec.values.get(fld) and not keep.values.get(fld):
                    keep.values[fld] = rec.values[fld]
            del b.items[rid]
            b.repoint(rid, described[0])
            b.note(rec.line, f"{rid}: names {described[0]} (line {keep.line}) again; not a second item")
