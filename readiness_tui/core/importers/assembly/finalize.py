"""After the walk, before the board is written: what only the whole document tells. Milestones and phases get
their items, items their phase or milestone, parents a status from their children, the matrix fills unstated
dependencies, section defaults reach their items, schedules set targets, and every item gets its defaults.
"""

from __future__ import annotations

import re

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.assembly.id_references import (
    aliases,
    decisions,
    dotted_parents,
    family,
    group_rows,
    number_ranges,
    widen,
)
from readiness_tui.core.importers.assembly.listed_groups import groups_listing_items, groups_of_groups
from readiness_tui.core.importers.assembly.restated import (
    drop_milestone_rows,
    drop_restated,
    drop_reworded,
    drop_scheduled,
    drop_shortened,
)
from readiness_tui.core.importers.assembly.result import WBS_ROW, Rec
from readiness_tui.core.importers.assembly.rosters import assigned_lists, drop_rosters, heading_owners, roles_own
from readiness_tui.core.importers.document.blocks import Section
from readiness_tui.core.model.board import (
    CLOSED,
)

#: "DRI is `fingerskier` unless a row names someone else", "The owner is @ana unless stated otherwise": one person
#: answers for every row that names nobody.
_DEFAULT_OWNER = re.compile(r"\b(?:DRI|owner|assignee)\s+is\s+[`*_]*@?(?P<who>[\w.-]+)[`*_]*,?\s+unless\b", re.I)


def _default_owner(b: Builder) -> None:
    """The owner a sentence of the plan gives every row that names none (see ``_DEFAULT_OWNER``)."""
    said = [(n, m) for n, line in enumerate(b.lines, start=1) if (m := _DEFAULT_OWNER.search(line))]
    if len(said) != 1:
        return
    line, m = said[0]
    who = m.group("who")
    given = [i for i, r in b.items.items() if not r.values.get("owner")]
    for i in given:
        b.items[i].values["owner"] = who
    if given:
        b.note(line, f"{who!r} is the owner the plan gives every row that names none ({len(given)} items)")


def _groups_written_as_items(b: Builder) -> None:
    """An entry other items name as their milestone or phase ("1. **M1 Design**" over rows whose Milestone cell says
    M1) is that group, not work of its own: it becomes the milestone (or phase) of its members, and a dependency on
    it ("M1 완료", M1 complete) waits on each of them."""
    for kind, fld in (("phases", "phase"), ("milestones", "milestone")):
        known = {r.values.get("id") for r in b.records[kind]}
        named = {str(r.values[fld]) for r in b.items.values() if r.values.get(fld)}
        for g in sorted(named - known):
            rec = b.items.get(g)
            if rec is None or rec.values.get(fld) or rec.values.get("depends_on"):
                continue
            members = [i for i, r in b.items.items() if r.values.get(fld) == g and i != g]
            del b.items[g]
            title = rec.values.get("title") or f"{fld.title()} {g}"
            b.records[kind].append(Rec(kind, {"id": g, "title": title, "items": members}, rec.line, "named by items"))
            b.note(rec.line, f"{g}: items name it as their {fld} ({', '.join(members)}): the {fld} itself, not an item")


def _no_self_waits(b: Builder) -> None:
    """An item never waits on itself: a summary under its heading ("3.1 → 3.2 → … → 3.6" under Story 3.6) may name
    it among the others; that wait is dropped and reported."""
    for rid, rec in b.items.items():
        deps = rec.values.get("depends_on") or []
        if rid in deps:
            rec.values["depends_on"] = [d for d in deps if d != rid]
            b.note(rec.line, f"{rid}: named among its own dependencies; an item does not wait on itself")


def _risks_written_as_items(b: Builder) -> None:
    """An entry of a list whose id is a risk's (``- ✅ RP-001 (Scope Creep): **MITIGADO**`` beside rows whose risk
    cell names RP-001) sums that risk up: no item. Its words go to the risk, unless an item waits on it."""
    risks = {str(r.values.get("id")): r for r in b.records["risks"]}
    waited = {d for r in b.items.values() for d in r.values.get("depends_on") or []}
    for rid in [i for i, r in b.items.items() if i in risks and r.origin == "list" and i not in waited]:
        rec = b.items.pop(rid)
        risk = risks[rid].values
        if risk.get("title") in (None, "", rid) and rec.values.get("title"):
            risk["title"] = rec.values["title"]
        b.note(rec.line, f"{rid}: the entry sums up a risk of the plan, not an item")


def _held(items: dict[str, Rec], fld: str) -> dict[str, list[str]]:
    """The items of each group (by the group's id) that ``fld`` names, in the board's order: read once, where each
    group looking through every item was quadratic in a plan of many phases."""
    held: dict[str, list[str]] = {}
    for i, r in items.items():
        gid = r.values.get(fld)
        if isinstance(gid, str):
            held.setdefault(gid, []).append(i)
    return held


def _group_waits(b: Builder) -> None:
    """A dependency on a milestone or phase ("M1 done") that is no item: a wait on each item in it."""
    members: dict[str, tuple[str, list[str]]] = {}
    for kind, fld in (("phases", "phase"), ("milestones", "milestone")):
        held = _held(b.items, fld)
        for rec in b.records[kind]:
            gid = str(rec.values.get("id"))
            inside = list(held.get(gid, []))
            inside += [i for i in rec.values.get("items", []) if i in b.items and i not in inside]
            # A bare number ("1") is read as a group only with its word ("Phase 1", see references.groups), or where
            # the group is a work breakdown's summary row, the rows numbered under it (``tables.outline_rows``).
            if inside and gid not in b.items and (not gid.isdigit() or rec.origin == WBS_ROW):
                members.setdefault(gid, (fld, inside))

    def read(ref: str) -> tuple[list[str], str] | None:
        if ref not in members:
            return None
        fld, inside = members[ref]
        return inside, f"after {fld} {ref}, that is after each of its {len(inside)} items"

    widen(b, read)
    # "Tasks: M2-T2, M4" in a risk register: the milestone's items mitigate it.
    for risk in b.records["risks"]:
        links: list[str] = risk.values.get("mitigated_by") or []
        if any(ref in members and ref not in b.items for ref in links):
            wide: list[str] = []
            for ref in links:
                wide += [i for i in (members[ref][1] if ref in members else [ref]) if i not in wide]
            risk.values["mitigated_by"] = wide
            b.note(risk.line, f"risk {risk.values.get('id')}: a milestone or phase it names stands for its items")


def _merge_phases(b: Builder) -> None:
    """One phase per id: "Phase 8: Search" and "Phase 8: Browsers" under a phase table's row 8 are parts of that
    phase, not phases of their own; the first record keeps its values, the others add what it lacks."""
    first: dict[str, Rec] = {}
    kept: list[Rec] = []
    for rec in b.records["phases"]:
        pid = str(rec.values.get("id"))
        had = first.get(pid)
        if had is None:
            first[pid] = rec
            kept.append(rec)
            continue
        for key, value in rec.values.items():
            old = had.values.get(key)
            if isinstance(old, list) and isinstance(value, list):
                had.values[key] = old + [v for v in value if v not in old]
            elif not old and value:
                had.values[key] = value
        b.note(rec.line, f"phase {pid} appears again (first at line {had.line}); read as the same phase")
    b.records["phases"] = kept


def finalize(b: Builder, root: Section) -> None:
    drop_rosters(b)
    roles_own(b)
    assigned_lists(b, root)
    heading_owners(b, root)
    drop_restated(b)
    drop_reworded(b)
    drop_shortened(b)
    drop_scheduled(b)
    drop_milestone_rows(b)
    items = b.items
    _merge_phases(b)
    aliases(b)
    group_rows(b)
    dotted_parents(b)
    decisions(b)
    _default_owner(b)
    # Milestones "P0 complete" -> the P0 items.
    for rec in b.records["milestones"]:
        prios = rec.values.pop("_prio_items", [])
        if prios and not rec.values.get("items"):
            rec.values["items"] = [
                i for i, r in items.items() if r.values.get("priority") in prios and r.values.get("kind") != "stream"
            ]
            b.note(
                rec.line,
                f"milestone {rec.values['id']}: items = the {'/'.join(prios)} items ({len(rec.values['items'])})",
            )
    # Items in exactly one phase carry it; phase groups (P0 Tickets) list their items.
    held = _held(items, "phase")
    for rec in b.records["phases"]:
        pid = rec.values["id"]
        listed = rec.values.get("items", [])
        if not listed:
            members = (
                list(held.get(pid, []))
                if isinstance(pid, str)
                else [i for i, r in items.items() if r.values.get("phase") == pid]
            )
            if members and rec.origin == "priority group":
                rec.values["items"] = members
    # Likewise items in exactly one milestone.
    for kind, fld in (("phases", "phase"), ("milestones", "milestone")):
        membership: dict[str, list[str]] = {}
        for rec in b.records[kind]:
            for i in rec.values.get("items", []):
                membership.setdefault(i, []).append(rec.values["id"])
        for i, ids in membership.items():
            if i in items and len(set(ids)) == 1 and not items[i].values.get(fld):
                items[i].values[fld] = ids[0]
    groups_of_groups(b)
    # Statuses of streams/parents the document did not state: from their progress notes and children.
    notes_for: dict[str, list[str]] = {}
    for rec in b.records["progress"]:
        if rec.values.get("item"):
            notes_for.setdefault(rec.values["item"], []).append(rec.values.get("status", "done"))
    children: dict[str, list[str]] = {}
    for i, r in items.items():
        if r.values.get("parent"):
            children.setdefault(r.values["parent"], []).append(i)
    for i, r in items.items():
        if i in b.status_stated or "status" in r.values:
            continue
        kids = [items[k].values.get("status", "todo") for k in children.get(i, [])]
        notes = notes_for.get(i, [])
        if kids and all(s in CLOSED for s in kids) and (not notes or all(s in CLOSED for s in notes)):
            r.values["status"] = "done"
            b.note(r.line, f"{i}: status done (every child item is closed)")
        elif notes or any(s != "todo" for s in kids):
            r.values["status"] = "in_progress"
            b.note(r.line, f"{i}: status in_progress (from {len(notes)} progress notes and its child items)")
    number_ranges(b)
    # "A blocks B" written on A's row: B depends on A. When A states its own dependencies as well, the plan writes
    # each link both ways; where B's own list leaves A out, the two disagree and B's word on what it waits for wins.
    own = set(b.deps_stated)
    for target, blocker, line in b.blocks:
        if target not in items:
            b.warn(line, f"{blocker} blocks {target!r}, which names no item")
            continue
        deps = items[target].values.setdefault("depends_on", [])
        if blocker in deps:
            continue
        if blocker in own and target in own:
            b.note(
                line, f"{blocker} says it blocks {target}, whose own dependencies leave it out: kept as {target} says"
            )
            continue
        deps.append(blocker)
        b.deps_stated.add(target)
    # The dependency matrix: fills dependencies nobody stated, else is checked against them.
    if b.matrix:
        order, rows, line = b.matrix
        stated = any(i in b.deps_stated for i in order)
        if not stated:
            for row_n, rid in enumerate(order):
                if rid in items:
                    items[rid].values["depends_on"] = [order[c] for c, ch in enumerate(rows[row_n]) if ch == "1"]
            b.note(line, "no dependency column for the matrix's items: their depends_on are taken from the matrix")
    # Fields a section gives its items ("Owner: X" under the heading): the innermost section wins.
    for start, end, fields in sorted(b.defaults, key=lambda d: d[1] - d[0], reverse=True):
        for r in items.values():
            if start <= r.line <= end:
                for k, v in fields.items():
                    if not r.values.get(k) or r.values.get("_default_" + k) or _refines_a_mark(b, r, k, v):
                        r.values[k] = v
                        r.values["_default_" + k] = True
    for r in items.values():
        for k in [k for k in r.values if k.startswith("_default_")]:
            del r.values[k]
    # Week-by-week schedules: the latest week an item is to be completed in is its target.
    latest: dict[str, tuple[str, int]] = {}
    for ref, target, line in b.schedule:
        if ref in items and (ref not in latest or target > latest[ref][0]):
            latest[ref] = (target, line)
    for ref, (target, line) in latest.items():
        if not items[ref].values.get("target"):
            items[ref].values["target"] = target
            b.note(line, f"{ref}: target {target} from the schedule")
    groups_listing_items(b)
    _groups_written_as_items(b)
    _risks_written_as_items(b)
    _group_waits(b)
    widen(b, lambda ref: family(b, ref))
    _no_self_waits(b)
    # Phases and milestones items name but the document never defined: made, so nothing dangles.
    for kind, fld in (("phases", "phase"), ("milestones", "milestone")):
        known = {r.values.get("id") for r in b.records[kind]}
        for i, r in items.items():
            named = r.values.get(fld)
            if named and named not in known:
                b.records[kind].append(
                    Rec(kind, {"id": named, "title": f"{fld.title()} {named}"}, r.line, "named by items")
                )
                known.add(named)
                b.note(r.line, f"{i} names {fld} {named!r}, which the document does not describe; added it")
    # Defaults every item gets.
    for i, r in items.items():
        r.values.setdefault("status", "todo")
        r.values.setdefault("kind", "task")
        if not str(r.values.get("title") or "").strip():
            # "| Backlog-Element | Story Points | Owner |" over US-1, US-2: the plan names the work by its id alone; an
            # item without a title fails lint, so the board written would.
            r.values["title"] = i
            b.note(r.line, f"{i}: the plan gives it no title; titled by its id")


def _refines_a_mark(b: Builder, r: Rec, key: str, value: object) -> bool:
    """Whether a section's status says more than the bare mark an item has: "## In corso" over "- [ ] Notifiche",
    where the empty box says only that the work is not done. ("## Testing" may be a column of work in review or a
    checklist's part: it refines nothing.)"""
    return (
        key == "status"
        and r.values.get("status") == "todo"
        and value in ("in_progress", "blocked")
        and r.values.get("id") in b.status_marks
    )
