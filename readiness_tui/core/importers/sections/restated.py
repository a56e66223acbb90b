"""Lists that restate the plan's items by title under a heading that gives them a priority.

    ## Immediate next steps
    ### High Priority (This Week)
    1. **Complete Migration Roadmap** (`docs/architecture/migration-roadmap.md`)
       - Detailed phase breakdown ...

The entries name rows of the plan's tables in other words; they are no new work. An entry names an item by a
file in code the item delivers (``migration-roadmap.md``), else by words holding all of the item's title, or all
held in it ("Complete Migration Roadmap" and "Migration roadmap"), when only one item's title does. Each item so
named takes the heading's priority, where it states none; an entry naming none is reported, not imported.
"""

from __future__ import annotations

import re

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.assembly.item_titles import similarity
from readiness_tui.core.importers.document.blocks import ListBlock, ListItem, plain
from readiness_tui.core.importers.sections.patterns import Ctx

#: What an entry's name is followed by: a file in code, an aside in brackets, a dash and more words.
_AFTER_NAME = re.compile(r"\s*(?:\(|`|\s[—–-]\s|:\s).*$")
_CODE = re.compile(r"`([^`\s]+)`")


def _named(b: Builder, it: ListItem, name: str) -> str | None:
    """The one item the entry names (see the module doc), else None."""
    files = set(_CODE.findall(it.text))
    if files:
        by_file = [
            rid
            for rid, rec in b.items.items()
            if files & {str(d).strip("`") for d in rec.values.get("deliverables", []) + [rec.values.get("path", "")]}
        ]
        if len(by_file) == 1:
            return by_file[0]
    by_words = [rid for rid, rec in b.items.items() if similarity(name, str(rec.values.get("title", ""))) == 1.0]
    return by_words[0] if len(by_words) == 1 else None


def restated_priorities(b: Builder, lst: ListBlock, ctx: Ctx) -> bool:
    """Give the items the entries name by title the priority of the heading above (see the module doc); False, and
    nothing done, when there is no such priority or no entry names an item."""
    if ctx.priority is None or len(b.items) < 3:
        return False
    names = [_AFTER_NAME.sub("", plain(it.text)).strip(" *") for it in lst.items]
    named = [_named(b, it, name) if name else None for it, name in zip(lst.items, names, strict=True)]
    if not any(named):
        return False
    for it, name, rid in zip(lst.items, names, named, strict=True):
        if rid is None:
            b.skipped(it.line, f"list entry {name[:50]!r} names no item of the plan; not imported")
            continue
        values = b.items[rid].values
        if values.get("priority"):
            b.note(it.line, f"list entry {name[:50]!r} names {rid}; it states its own priority")
            continue
        values["priority"] = ctx.priority
        b.note(it.line, f"list entry {name[:50]!r} names {rid}: priority {ctx.priority}")
    return True
