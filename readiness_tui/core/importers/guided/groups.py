"""Entries on a heading: one field given to every item under it, as a plan states it once for a group.

A plan says "everything in Wave 1 waits on W0", "Phase 2 starts after phase 1", "All [agent]" or puts a whole
section on hold in one sentence; the import makes one item per row, so without these a person would correct
each item in turn. A recipe's ``[sections."words"]`` table (see ``guided.recipe``) says it once::

    [sections."Wave 1"]
    depends_on = ["W0"]     # every item under the heading also waits on W0
    after = ["Wave 0"]      # ... and on every item under the heading "Wave 0"
    owner = "agent"         # owner, status and priority are set on each item
    label = "items"         # the heading's [sections] label, when it has one too

The heading is matched as a ``[sections]`` label is (its words; ``"Phase *"`` matches every heading that starts
with "Phase"), and an item is under it when the line it was read from is. The plan's title may be named too: its
fields go to every item of the plan. Dependencies are added to what each
item already waits on (a dependency on itself is left out, and an item under a heading it would come ``after``
does not wait on its own group); the other fields replace the item's. They apply after
renames and before the entries of one item, so ``[items."ID"]`` still has the last word. Each applied field is a
report line naming the items; a heading that matches nothing, or holds no item, and a value the board refuses,
are warnings naming the recipe file, line and entry.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.document.blocks import Section
from readiness_tui.core.importers.document.parse import parse_sections
from readiness_tui.core.importers.guided.recipe import (
    GROUP_FIELDS,
    LIST_FIELDS,
    FixValue,
    Recipe,
    _quote,
    heading_matches,
    section_key,
)
from readiness_tui.core.importers.guided.values import board_value, split_ids

#: The fields that add to an item's dependencies rather than replace a value.
_ADDS = frozenset({"depends_on", "after"})


def headings(root: Section) -> list[Section]:
    """The headings a ``[sections."words"]`` table may name: every one, the title too, whose items are all the plan's
    (a plan that states its owner or priority once, at the top, for all its work)."""
    return [s for s in root.walk() if s.heading is not None]


def items_under(b: Builder, heads: list[Section], key: str) -> list[str]:
    """The ids of the items read under every heading ``key`` matches, in board order."""
    spans = [(s.line, s.end) for s in heads if heading_matches(key, s.bare_title)]
    return [i for i, rec in b.items.items() if any(lo <= rec.line <= hi for lo, hi in spans)]


def group_value(fld: str, value: FixValue, known: Collection[str]) -> FixValue:
    """A group field's value as the board takes it (``after``: heading keys); ``ValueError`` says why not."""
    if fld == "after":
        words = value if isinstance(value, list) else [str(value)]
        keys = [section_key(w) for w in words]
        if not all(keys):
            raise ValueError("name the headings whose items these wait on, by their words")
        return keys
    new = board_value(fld, value, known)
    return "" if new is None else new


def apply_groups(b: Builder, recipe: Recipe) -> None:
    """Give every item under each ``[sections."words"]`` heading the table's fields (see the module doc)."""
    if not recipe.groups:
        return
    heads = headings(parse_sections(b.text))  # the text the import read, so lines are the items' own
    for key, fix in recipe.groups.items():
        entry = f"[sections.{_quote(key)}]"
        ids = items_under(b, heads, key)
        if not ids:
            found = any(heading_matches(key, s.bare_title) for s in heads)
            what = "holds no item of this import" if found else "names no heading of the plan"
            b.warn(0, f"{recipe.where('sections', key)}: {entry} {what}; not applied")
            continue
        for fld, value in fix.items():
            said = f"{recipe.where('sections', key, fld)}: {entry} {fld} = {value!r}"
            try:
                new = group_value(fld, value, b.items)
            except ValueError as exc:
                b.warn(0, f"{said}: {exc}; not applied")
                continue
            given = ids
            if fld == "after" and isinstance(new, list):
                waits = list(dict.fromkeys(i for k in new for i in items_under(b, heads, k)))
                if not waits:
                    b.warn(0, f"{said}: no item is under {', '.join(map(repr, new))}; not applied")
                    continue
                # An item under both headings is part of what the others wait on, not waiting on its own group.
                new, given = waits, [i for i in ids if i not in waits]
            for i in given:
                _give(b, b.items[i].values, fld, new)
            b.used(0, f"{said} applied to {len(given)} items: {', '.join(given)}")


def _give(b: Builder, values: dict[str, object], fld: str, new: FixValue) -> None:
    rid = str(values["id"])
    if fld in _ADDS:
        had = values.get("depends_on")
        old = list(had) if isinstance(had, list) else []
        adds = new if isinstance(new, list) else []
        values["depends_on"] = list(dict.fromkeys([*old, *(d for d in adds if d != rid)]))
        b.deps_stated.add(rid)
        return
    if new == "":
        values.pop(fld, None)
        return
    values[fld] = new
    if fld == "status":
        b.status_stated.add(rid)


def group_entry(recipe: Recipe, section: str, fld: str, text: str, known: Collection[str]) -> Recipe:
    """``recipe`` with ``[sections."section"] fld`` set to what a person typed (a new recipe); ``ValueError`` when
    the board would refuse it (``known``: the ids dependencies may name)."""
    if fld not in GROUP_FIELDS:
        raise ValueError(f"{fld!r} is not a field of a heading's items; expected one of {', '.join(GROUP_FIELDS)}")
    key = section_key(section)
    if not key:
        raise ValueError("a block under no heading (or under the title) has no group: give it a heading")
    value: FixValue
    if fld == "after":
        value = [w.strip() for w in text.split(",") if w.strip()]
    else:
        value = split_ids(text) if fld in LIST_FIELDS else text.strip()
    group_value(fld, value, known)
    if fld == "after" and not value:
        raise ValueError("name one heading or more, separated by commas")
    groups = {**recipe.groups, key: {**recipe.groups.get(key, {}), fld: value}}
    return replace(recipe, groups=groups, applied=set(), lines={})
