"""Entries of a plain list that restate an item the plan describes elsewhere.

A plan often names its work twice: once in a summary ("## Quick Reference: Top 10 Features", "### Phase 1 (Next
3 Months)" over ``1. **Flight Risk Prediction** — ML model, alerts``) and once where it describes it (``#### 1.3
Board Member Management`` over its fields, a table row). The summary's entry is no second piece of work: where its
title is the title of exactly one item read from a heading, a table row or a ticket, the entry is dropped, what it
alone says (a priority, a status) goes to that item, and whatever named the entry names the item. Entries under
different headings that share a title with each other only ("Add endpoints" under two stories) are different work,
and stay.

A summary names the work again in other words as often as in the same ones: "1. **Implement REST API** - enable
integrations" under "## Recommended Next Steps" beside "### REST API Layer" and its description; "- [ ] Basic
polyrhythms (presets)" under "### Sprint 2" beside "### 2.3 Basic Polyrhythm Support". Where half the entries of a
plain list under one heading or more (two at least), or of the boxes under a heading naming one unit of a schedule (a
sprint, a week), each share most of their words with one item described by a heading of its own elsewhere (more of
them than with any other such item),
those entries restate it; the entries that match nothing are work of their own, and stay. (Boxes elsewhere are a
plan's own record of its work: "- [x] Dashboard links fixed" under "## Deliverables checklist" is kept.)

A Mermaid gantt chart beside work the plan lists in full is its schedule: the bars name that work again, often
coarser ("Core Forum System" over a checklist of the forum's pieces). Where the rest of the plan makes at least as many
items as the chart has bars, and none of them names a bar, the bars are no items (reported); a chart that is the
plan's only list of work (its table of owners keyed by the bars' ids), or one under a heading the person labelled
items, stays the work.

A checklist naming the rows of a table one for one, in their order and in fewer letters (a burndown under a betting
table: "Cust Search" for the row "Customer Search Rewrite", "Notif Prefs" for "Notification Preferences", each of its
words shortening one of the row's), is a view of that table: its entries fold into the rows.

A table whose rows are named by the plan's milestones (``| 1 | M1 data layer; provision staging |`` where ``### M1.
Data layer`` heads the milestone's work) says when each milestone happens: the rows are no items (reported).
"""

from __future__ import annotations

import re

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.assembly.item_titles import CLOSING_BRACKET, title_words
from readiness_tui.core.importers.document.blocks import HEADING_LINE, plain
from readiness_tui.core.importers.document.steps import outside_fences
from readiness_tui.core.importers.references.groups import title_key
from readiness_tui.core.importers.vocabulary.dates import parse_estimate

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
        for rid in ids:
            rec = b.items[rid]
            if (
                rec.origin not in _NAMED
                or rec.values.get("parent")
                or any(r.values.get("parent") == rid for r in b.items.values())
            ):
                continue
            _fold(b, rid, described[0], "again")


#: Where an item is described at length by a heading of its own, so that another list may name it in other words.
_HEADED = frozenset({"ticket", "stream"})


def drop_reworded(b: Builder) -> None:
    """Drop the entries of a list that restate, in other words, items described elsewhere (see the module doc)."""
    heading = _heading_lines(b.lines)
    described = {
        rid: title_words(str(rec.values.get("title", "")), stems=True)
        for rid, rec in b.items.items()
        if rec.origin in _HEADED
    }
    has_children = {rec.values.get("parent") for rec in b.items.values()}
    under: dict[int, list[str]] = {}
    for rid, rec in b.items.items():
        if not 0 < rec.line <= len(heading) or rec.values.get("parent") or rid in has_children:
            continue
        head = heading[rec.line - 1]
        if rec.origin in _NAMED or (rec.origin == "checklist" and head in b.schedule_headings):
            under.setdefault(head, []).append(rid)
    for head, entries in under.items():
        found = {}
        for rid in entries:
            own = title_words(_named(str(b.items[rid].values.get("title", ""))), stems=True)
            # Only an item described under another heading: under its own, an entry is its step or its check.
            targets = [
                t for t, words in described.items() if heading[b.items[t].line - 1] != head and _restates(own, words)
            ]
            # "Payment method cache" names "Payment Method Cache" more than "Customer Payment Methods List": the item
            # sharing the most words, where one does.
            shared = sorted((len(own & described[t]), t) for t in targets)
            if shared and (len(shared) == 1 or shared[-1][0] > shared[-2][0]):
                found[rid] = shared[-1][1]
        if len(found) < 2 or 2 * len(found) < len(entries):
            continue
        for rid, target in found.items():
            _fold(b, rid, target, "again in other words")


def drop_shortened(b: Builder) -> None:
    """Drop the entries of a list naming a table's rows one for one in fewer letters (see the module doc)."""
    lists: dict[int, list[str]] = {}  # the list's first entry's heading line -> its entries, in order
    heading = _heading_lines(b.lines)
    for rid, rec in b.items.items():
        if (rec.origin in _NAMED or rec.origin == "checklist") and 0 < rec.line <= len(heading):
            if not rec.values.get("parent"):
                lists.setdefault(heading[rec.line - 1], []).append(rid)
    for rows in b.table_items.values():
        rows = [r for r in dict.fromkeys(rows) if r in b.items]
        for entries in lists.values():
            if len(entries) != len(rows) or len(rows) < 3 or b.items[entries[0]].line < b.items[rows[-1]].line:
                continue
            titles = [
                (str(b.items[e].values.get("title", "")), str(b.items[r].values.get("title", "")))
                for e, r in zip(entries, rows)
            ]
            if all(_shortens(short, whole) for short, whole in titles):
                for rid, target in zip(entries, rows, strict=True):
                    _fold(b, rid, target, "in fewer letters, as its list names the table's rows")


def _shortens(short: str, whole: str) -> bool:
    """Whether each word of ``short`` shortens a word of ``whole``, in its order, and ``short`` is not ``whole``: the
    word's letters in order, from the same first letter (``Cust`` ``Customer``, ``Prefs`` ``Preferences``), or
    the word with an ending more (``Gates`` ``Gate``)."""
    mine = re.findall(r"\w+", plain(short).casefold())
    theirs = re.findall(r"\w+", plain(whole).casefold())
    at = 0
    for word in mine:
        while at < len(theirs) and not _shortened(word, theirs[at]):
            at += 1
        if at == len(theirs):
            return False
        at += 1
    return bool(mine) and mine != theirs


def _shortened(word: str, full: str) -> bool:
    if word[0] != full[0]:
        return False
    if len(full) >= 3 and word.startswith(full) and len(word) - len(full) <= 2:
        return True
    letters = iter(full)
    return all(ch in letters for ch in word)


def _fold(b: Builder, rid: str, target: str, how: str) -> None:
    """Drop the entry ``rid`` that names ``target``: what it alone says goes to the item, and whatever named the
    entry names the item; reported."""
    rec, keep = b.items[rid], b.items[target]
    for fld in _CARRIED:
        if rec.values.get(fld) and not keep.values.get(fld):
            keep.values[fld] = rec.values[fld]
    del b.items[rid]
    b.repoint(rid, target)
    b.note(rec.line, f"{rid}: names {target} (line {keep.line}) {how}; not a second item")


def _named(title: str) -> str:
    """What an entry's title names: without a closing bracket saying how long it takes ("Config file support (30
    min)", "ICS export (2 hours)"): a schedule times the work it names again."""
    m = CLOSING_BRACKET.search(title)
    if m and m.start() > 0 and parse_estimate(m.group(1).strip().lstrip("~"), minutes=True) is not None:
        return title[: m.start()]
    return title


def _restates(entry: frozenset[str], item: frozenset[str]) -> bool:
    """Whether an entry's words name an item: two shared at least, two thirds of the entry's and half the item's."""
    shared = len(entry & item)
    return shared >= 2 and 3 * shared >= 2 * len(entry) and 2 * shared >= len(item)


def _heading_lines(lines: list[str]) -> list[int]:
    """For each line of the plan, the line of the heading it stands under (0 before the first), fences aside."""
    heads = {n + 1 for n, ln in outside_fences(lines) if HEADING_LINE.match(ln)}
    out, head = [], 0
    for n in range(1, len(lines) + 1):
        head = n if n in heads else head
        out.append(head)
    return out


def drop_scheduled(b: Builder) -> None:
    """Drop the bars of a gantt chart that schedules work the plan lists elsewhere (see the module doc)."""
    bars = [rid for rid, rec in b.items.items() if rec.origin == "gantt"]
    others = [rec for rec in b.items.values() if not rec.origin.startswith("gantt")]
    if len(bars) < 2 or len(others) < len(bars):
        return
    named = {r for rec in others for fld in ("depends_on", "soft_depends_on") for r in rec.values.get(fld) or []}
    if named & set(bars) or any(rec.values.get("parent") in bars for rec in others):
        return
    first = min(b.items[rid].line for rid in bars)
    for rid in bars:
        del b.items[rid]
        b.repoint(rid, None)
    b.skipped(
        first,
        f"gantt chart: a schedule of the work the plan lists elsewhere ({len(others)} items beside its {len(bars)} "
        "bars); its bars are no items",
    )


def drop_milestone_rows(b: Builder) -> None:
    """Drop the rows of a table each named by one of the plan's milestones (see the module doc)."""
    milestones = {str(rec.values.get("id")) for rec in b.records["milestones"]}
    if len(milestones) < 2:
        return
    cited = {r for rec in b.items.values() for r in rec.values.get("depends_on") or []}
    for made in b.table_items.values():
        rows = [i for i in dict.fromkeys(made) if i in b.items and b.items[i].origin == "table"]
        if len(rows) < 2 or not all(i in milestones for i in rows) or cited & set(rows):
            continue
        line = min(b.items[i].line for i in rows)
        for rid in rows:
            del b.items[rid]
        b.skipped(
            line, f"table rows {', '.join(rows)} are named by the plan's milestones: when each happens, not items"
        )
