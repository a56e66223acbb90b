"""Rows that only gather items written elsewhere: a queue, a packet, a batch of backlog ids.

    | Queue | Backlog IDs  | Goal                 |
    | Q1    | EX-20, EX-21 | Map the donor schema |
    ...
    | EX-20 | Pull the schema | Agent | Done |      (the items, in the plan's backlog tables)

Each such row is a group of the items its cell lists, not work of its own: it becomes a milestone holding them,
and what the row waits on, each of them waits on (a group it names stands for its items). Only when the column's
header says it holds items (``Backlog IDs``, ``Tasks``, ``Stories``; not ``Requirements`` or ``Related``), and
every row of it, two at least, lists items made elsewhere in the plan and nothing else. A row "linked" to a story
(``| Task ID | Linked Story |``) is work under it.

A row whose own id is a range of such items (``| Week 1 | G1-G5: Analysis |`` beside the week tables holding
G1 … G5) is their group in the same way: an id that repeats its prefix after the hyphen names a range, not one.

A group that lists groups of its kind (an epic's milestone over its features' milestones) holds their items.
"""

from __future__ import annotations

import re

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.assembly.result import Rec
from readiness_tui.core.importers.references.ids import expand_range
from readiness_tui.core.importers.references.refs import parse_refs

#: A column key (the header, as the custom field's name) that says its cells are the items a row holds.
_HOLDS_ITEMS = re.compile(
    r"(?:^|_)(?:ids?|items?|tasks?|stor(?:y|ies)|tickets?|issues?|backlog|includes?|contains?|scope)(?:_|$)"
)

#: A column key that says the row belongs to the items its cell names (``Linked Story``, ``Parent epic``): the
#: row is work of its own under them, not a group of them.
_BELONGS_TO = re.compile(r"(?:^|_)(?:linked|related|parent|belongs)(?:_|$)")


def _rows_listing_items(b: Builder) -> dict[str, list[str]]:
    """Row id -> the items its cell lists, for every column that only gathers items made elsewhere."""
    columns: dict[str, list[str]] = {}
    for i, r in b.items.items():
        for key, value in (r.values.get("custom") or {}).items():
            if isinstance(value, str) and _HOLDS_ITEMS.search(key) and not _BELONGS_TO.search(key):
                columns.setdefault(key, []).append(i)
    found: dict[str, list[str]] = {}
    for key, rows in columns.items():
        if len(rows) < 2 or any(i in found for i in rows):
            continue
        listed: dict[str, list[str]] = {}
        for i in rows:
            refs = parse_refs(b.items[i].values["custom"][key], loose=False)
            if refs.rest or refs.bad_ranges or not refs.ids:
                break
            if any(x not in b.items or x in rows or x in found for x in refs.ids):
                break
            listed[i] = refs.ids
        else:
            found.update(listed)
    return found


#: ``G1-G5``, ``WP-1-WP-4``: an id whose prefix comes again after the hyphen: a range of ids.
_ID_RANGE = re.compile(r"^(?P<p>[A-Za-z][A-Za-z_]*-?)(?P<a>\d+)\s*-\s*(?P=p)(?P<b>\d+)$")


def _rows_named_by_ranges(b: Builder) -> dict[str, list[str]]:
    """Row id -> the items it names, for rows whose id is a range of two items or more made elsewhere. An id the
    import made itself (``T2-T3``: the third entry of a second list under "TODO", beside T2 and T3) names no range."""
    found: dict[str, list[str]] = {}
    for i in b.items:
        m = None if i in b.made_ids else _ID_RANGE.match(i)
        ids = expand_range(m.group("p") + m.group("a"), m.group("p") + m.group("b")) if m else None
        if ids and len(ids) >= 2 and all(x in b.items for x in ids):
            found[i] = ids
    return found


def groups_listing_items(b: Builder) -> None:
    """Turn rows that gather items written elsewhere into milestones holding them (see the module)."""
    groups = {**_rows_listing_items(b), **_rows_named_by_ranges(b)}
    if not groups:
        return
    for gid, members in groups.items():
        rec = b.items.pop(gid)
        waits: list[str] = []
        for dep in rec.values.get("depends_on") or []:
            waits += [d for d in groups.get(dep, [dep]) if d not in waits]
        for m in members:
            b.wait_on_group(m, [d for d in waits if d not in members])
        title = rec.values.get("title") or gid
        b.records["milestones"].append(Rec("milestones", {"id": gid, "title": title, "items": members}, rec.line))
        said = f"{gid}: its row lists items of the plan ({', '.join(members)}): a group of them, a milestone"
        b.note(rec.line, said + (f"; they wait on {', '.join(waits)} as it does" if waits else ""))


def groups_of_groups(b: Builder) -> None:
    """A milestone (or phase) that lists others of its kind, no items (``## E10`` over ``### E10.F1``, each over its
    stories): it holds their items. Read after each item took the group it is listed in, so an item keeps the
    innermost one."""
    for kind in ("phases", "milestones"):
        groups = {str(r.values.get("id")): r for r in b.records[kind]}
        for gid, rec in groups.items():
            listed = rec.values.get("items", [])
            if any(i in groups and i not in b.items for i in listed):
                rec.values["items"] = list(dict.fromkeys(_items_within(b, groups, gid, frozenset({gid}))))
                b.note(rec.line, f"{kind[:-1]} {gid}: lists {kind} of its own; it holds their items")


def _items_within(b: Builder, groups: dict[str, Rec], gid: str, seen: frozenset[str]) -> list[str]:
    """The items group ``gid`` lists, those of the groups it lists in their place (none twice round a loop)."""
    out: list[str] = []
    for i in groups[gid].values.get("items", []):
        if i in b.items:
            out.append(i)
        elif i in groups and i not in seen:
            out += _items_within(b, groups, i, seen | {i})
    return out
