"""The state of one import: the records found so far, the report, and how items are merged."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from typing import Any

from readiness_tui.core.importers.assembly.item_titles import (
    MORE_TITLE,
    NOTHING_TITLE,
    similarity,
    take_better_title,
    title_and_said,
    title_words,
    undecorated,
)
from readiness_tui.core.importers.assembly.result import RECOGNIZED, Rec, ReportLine
from readiness_tui.core.importers.document.blocks import Block, ListItem, Section, plain
from readiness_tui.core.importers.references.refs import ids_in_text
from readiness_tui.core.model.board import ITEM_LIST_FIELDS

#: Set in an item's values by whoever read its status from a bare mark (``⏳``, ``🚧``) rather than words.
STATUS_BY_MARK = "_status_by_mark"
#: Set in a risk's values to the words that may name its mitigating items (read by ``risk_prose``).
RISK_PROSE = "_prose"
#: Set in an item's values to its child items, added right after it (``Builder.add_child``).
STEP_ITEMS = "_step_items"
#: The line opening a fence with no language, or plain text: ```` ``` ````, ```` ```text ````.
_PLAIN_FENCE = re.compile(r"^\s*(?:`{3,}|~{3,})\s*(?:text|txt|plain|plaintext)?\s*$", re.I)

#: A title that is only words in square brackets, two or more: ``[New services go here]``, ``[Task name]``.
_PLACEHOLDER_TITLE = re.compile(r"\[[^\[\]]*\w[^\[\]]*\s[^\[\]]*\w[^\[\]]*\]")
#: A title that is only a priority code ("`PX` - " with nothing after it): a slot the writer left blank.
_CODE_ONLY_TITLE = re.compile(r"[`*]*P[0-4X][`*]*\s*[-—–:]?\s*", re.I)


#: The id letters of each kind of stream: ``Stream 2`` is S2, ``Workstream A`` WSA.
STREAM_PREFIX = {"stream": "S", "workstream": "WS", "epic": "E", "track": "TR"}
_STREAM_REF = re.compile(
    r"\b(stream|workstream|epic|track)s?\s+(\d+|[A-Z]\b)(?:\s*(?:-|–|to|through|\.\.)\s*(\d+|[A-Z]\b))?"
    r"((?:\s*(?:,|and|&|, and)\s*(?:\d+|[A-Z]\b))*)",
    re.I,
)


def stream_key(word: str, num: str) -> tuple[str, str]:
    """How a stream is known, as a heading names it or a phrase cites it: ``Stream 02`` as ``stream 2``,
    ``Workstream a`` as ``workstream A``."""
    return word.lower(), str(int(num)) if num.isdigit() else num.upper()


class Builder:
    def __init__(self, text: str, source: str):
        self.text = text
        self.source = source
        self.lines = text.splitlines()
        self.meta: dict[str, Any] = {}
        self.items: dict[str, Rec] = {}
        self.records: dict[str, list[Rec]] = {
            k: [] for k in ("risks", "phases", "milestones", "waivers", "deliverables", "progress", "sections")
        }
        self.matrix: tuple[list[str], list[str], int] | None = None
        self.report: list[ReportLine] = []
        #: stream number -> item id ("2" -> "S2"), from "## Stream 2 (P0): ..." headings.
        self.streams: dict[tuple[str, str], str] = {}
        #: item ids whose dependencies the document stated (a column, a key, a phrase).
        self.deps_stated: set[str] = set()
        #: item ids a drawing gave dependencies to, one by one: a group's wait does not add to them.
        self.deps_drawn: set[str] = set()
        #: item ids whose status the document stated.
        self.status_stated: set[str] = set()
        #: stream item id -> its section title, for matching a priority table's rows to sections.
        self.stream_titles: dict[str, str] = {}
        self.used_sections: set[int] = set()
        self.templates: set[int] = set()
        #: The lines of the headings naming one unit of a schedule ("### Sprint 2", "## Week 3"): what a list under
        #: one names may be work described elsewhere (``restated.drop_reworded``).
        self.schedule_headings: set[int] = set()
        #: (item, target, line) from week-by-week schedules.
        self.schedule: list[tuple[str, str, int]] = []
        #: (first line, last line, fields) set by a section for the items inside it.
        self.defaults: list[tuple[int, int, dict[str, Any]]] = []
        self.used_blocks: set[int] = set()
        #: risks written as headings, whose prose is read for item ids once every item is known.
        self.risk_prose: list[Rec] = []
        #: (item, blocker, line): "PAY-1 blocks PAY-7" read on PAY-1's row, for PAY-7 once every item is known.
        self.blocks: list[tuple[str, str, int]] = []
        #: how many checklists of the document give most entries an id (see ``generic.generic_list``).
        self.checklists_with_ids = 0
        #: Headings that name an item by its id (``## Task 9.1: x``), counted before the walk.
        self.id_headings = 0
        #: Of those, the ones whose id has letters (``### SEC-001: x``): with two or more, the plan's dotted
        #: numbers in headings (``## 1.1 Overview``) and running numbers in tables are its outline, not ids.
        self.named_id_headings = 0
        #: Ids of headings that group the work their ids number (``## E1`` over ``### E1.F1``): a table listing
        #: them is the plan's map of its groups (``sections.heading_groups.groups_by_id``).
        self.group_heading_ids: set[str] = set()
        #: Of those, the ones read so far as a topic over work: their boxes are items (``item_steps.steps_into``).
        self.topic_headings = 0
        #: Rows of task tables whose id column holds named ids (``P1-T001``): with two or more, numbered
        #: headings (``### 2.3 Migration tasks``) are the document's outline too.
        self.named_id_rows = 0
        #: another name of an item the plan cites it by: a table's position column ("1.4") beside the id its
        #: title cell opens with ("**AIN-P1-03** logging"); read for dependencies that name no item.
        self.aliases: dict[str, str] = {}
        #: table line -> what comes before its row numbers, where tables number their rows from 1 again under
        #: each heading (``tables.row_numbers``).
        self.row_prefixes: dict[int, str] = {}
        #: List line -> what comes before its steps' numbers (``sections.bold_steps.step_prefixes``).
        self.step_prefixes: dict[int, str] = {}
        #: Checklists read as criteria, with why (``sections.box_lists.criteria_checklists`` says it or reads them).
        self.criteria_lists: list[tuple[Any, Any, Any, str]] = []
        #: the import's id -> the id a recipe's ``[ids]`` numbering gave the item (``guided.corrections``).
        self.numbered: dict[str, str] = {}
        #: item ids whose status so far comes from a bare mark only (see ``STATUS_BY_MARK``).
        self.status_marks: set[str] = set()
        #: (line, item id, range) of dependency ranges a cell gave that name no ids by their prefix.
        self.bad_ranges: list[tuple[int, str, str]] = []
        #: item id -> every line a record of it was read at (a phase table restating it, a summary row).
        self.seen_at: dict[str, list[int]] = {}
        #: (kind, id, line) of cells saying "All" where ids go: a risk's items cell ("risk", risk id) or an item's
        #: risk cell ("item", item id). Plans differ on what it means; the recipe's ``all`` option decides.
        self.says_all: list[tuple[str, str, int]] = []
        #: item id -> an owner cell the owner was cut from, as written ("Eng + Founder", "Ana (Legal)"): the first
        #: named owns the item, the others contribute, unless the recipe's ``owner = "whole"`` keeps the cell.
        self.owner_cells: dict[str, str] = {}
        #: lists of entries over nested lists nothing was read from ("1) Reliability" over bullets) -> (line, why): a
        #: plan with no items of any other kind reads them (``sections.bullet_plan``); the rest are reported skipped.
        self.unread_groups: dict[int, tuple[int, str]] = {}
        #: lists whose entries draw an order with arrows between ids ("- **G2** (API) → **G3** (schema)"), read as a
        #: drawing once every item is known (``references.drawings``).
        self.drawn_lists: set[int] = set()
        #: (item, dependency) pairs made because the plan named a group the item waits on ("after Phase 1",
        #: "Sprint 1 complete"), not the item itself: the recipe's ``group_waits = "none"`` takes them back.
        self.group_waits: set[tuple[str, str]] = set()
        #: ids the import made for items the plan gives none (rows, boxes and bullets numbered T1, CAT-2 …), which
        #: the recipe's ``[ids] "*"`` numbers; ids the plan writes stay.
        self.made_ids: set[str] = set()
        #: the line of each table whose rows made items -> those items, in row order (``assembly.rosters``).
        self.table_items: dict[int, list[str]] = {}

    def wait_on(self, item: str, first: Iterable[str]) -> list[str]:
        """Make ``item`` wait on each of ``first`` it does not wait on yet (never on itself); the ones added."""
        deps = self.items[item].values.setdefault("depends_on", [])
        added = [m for m in dict.fromkeys(first) if m not in deps and m != item]
        deps += added
        return added

    def wait_on_group(self, item: str, members: Iterable[str]) -> list[str]:
        """Make ``item`` wait on the items of a group the plan names (see ``group_waits``); the ones added."""
        added = self.wait_on(item, members)
        self.group_waits.update((item, m) for m in added)
        return added

    # ------------------------------------------------------------------ report
    def used(self, line: int, text: str) -> None:
        self.report.append(ReportLine(line, "used", text))

    def skipped(self, line: int, text: str) -> None:
        self.report.append(ReportLine(line, "skipped", text))

    def note(self, line: int, text: str) -> None:
        self.report.append(ReportLine(line, "note", text))

    def warn(self, line: int, text: str) -> None:
        self.report.append(ReportLine(line, "warning", text))

    def consume(self, block: Block | ListItem, sec: Section | None = None) -> None:
        self.used_blocks.add(id(block))
        if sec is not None:
            self.mark(sec)

    def mark(self, sec: Section) -> None:
        self.used_sections.add(id(sec))

    def plain_fence(self, line: int) -> bool:
        """Whether the fence opened at ``line`` names no language (or plain text): a drawing or a chart in text,
        where a fence of code is code."""
        return bool(_PLAIN_FENCE.match(self.lines[line - 1]))

    def src(self, line: int, end: int) -> str:
        return "\n".join(self.lines[line - 1 : end]).rstrip()

    def keep_text(self, block: Block, title: str, said: str) -> None:
        """Keep ``block``'s lines as text under the heading ``title`` ([[sections]]), reported as ``said``."""
        body = self.src(block.line, block.end) + "\n"
        self.records["sections"].append(Rec("sections", {"title": title, "body": body}, block.line, "text"))
        self.used(block.line, said)

    def item_source(self, it: ListItem) -> str:
        """The Markdown of a list entry's nested lists, dedented (for descriptions)."""
        if not it.children:
            return ""
        first = it.children[0].line
        last = it.children[-1].end
        raw = self.lines[first - 1 : last]
        indent = min((len(x) - len(x.lstrip()) for x in raw if x.strip()), default=0)
        return "\n".join(x[indent:] for x in raw).rstrip() + "\n"

    # ------------------------------------------------------------------ risks
    def free_risk_id(self) -> str:
        """The first ``R-n`` no risk read so far has: the id of a risk the plan names without one."""
        taken = {r.values.get("id") for r in self.records["risks"]}
        n = 1
        while f"R-{n}" in taken:
            n += 1
        return f"R-{n}"

    def add_risk(self, values: dict[str, Any], line: int, origin: str) -> Rec:
        """Add a risk, or add to the one of the same id already read (a risk ref cell, a register, a bullet
        each say something of it): what it lacks is filled, its mitigations and notes grow. Returns the record."""
        rid = values.get("id")
        rec = next((r for r in self.records["risks"] if r.values.get("id") == rid), None)
        if rec is None:
            rec = Rec("risks", values, line, origin)
            self.records["risks"].append(rec)
            return rec
        old = rec.values
        for key, value in values.items():
            if key == "id" or value in (None, "", []):
                continue
            have = old.get(key)
            if key == "mitigated_by":
                old[key] = [*(have or []), *(v for v in value if v not in (have or []))]
            elif key in ("notes", RISK_PROSE) and have:
                old[key] = f"{have}\n{value}"
            elif have in (None, "", []) or (key == "title" and have == rid):
                old[key] = value  # a title that only repeated the id gives way to words
        self.note(line, f"risk {rid} appears again (first at line {rec.line}): its fields added")
        return rec

    # ------------------------------------------------------------------ items
    def add_child(self, values: dict[str, Any], rid: str, sid: str, line: int, **fields: Any) -> str:
        """Give the item ``rid`` (its ``values``, before they are added) the child item ``sid``, added right after it
        in the plan's order (``STEP_ITEMS``): a box under a box, a task after its "Tasks:" lead-in, a role's work."""
        self.made_ids.add(sid)
        values.setdefault(STEP_ITEMS, []).append(({"id": sid, "kind": "task", "parent": rid, **fields}, line))
        return sid

    def add_item(self, values: dict[str, Any], line: int, origin: str) -> str | None:
        """Add an item, or fill the fields an earlier record of the same id left empty."""
        item_id = str(values.get("id", "")).strip()
        if not item_id:
            return None
        if item_id[:1] == "#" and item_id not in self.items and item_id[1:] in self.items:
            item_id = item_id[1:]  # "- **#13 — Pricing model.**" said of the row the plan numbers 13
        values["id"] = item_id
        self.seen_at.setdefault(item_id, []).append(line)
        by_mark = values.pop(STATUS_BY_MARK, False)
        steps: list[tuple[dict[str, Any], int]] = values.pop(STEP_ITEMS, [])
        if item_id not in self.items:
            title = str(values.get("title", "")).strip()
            if _PLACEHOLDER_TITLE.fullmatch(title) or _CODE_ONLY_TITLE.fullmatch(title):
                # "- [ ] [New services go here]": a template's slot, left for the plan's writer to fill in.
                self.skipped(line, f"entry {title!r}: a placeholder to fill in, not an item")
                return None
            if NOTHING_TITLE.fullmatch(title):
                # "## Raw Ideas" over "- (none currently)": the list is empty, as its writer says.
                self.skipped(line, f"entry {title!r}: says there is none, not an item")
                return None
            if MORE_TITLE.fullmatch(title):
                # "- monitoring", "- etc.": the list goes on without naming more work.
                self.skipped(line, f"entry {title!r}: says there is more without naming it, not an item")
                return None
            named, said = title_and_said(title)
            if named != (plain_named := undecorated(named)):
                named = values["title"] = plain_named
            if said:
                values["title"] = named
                values["description"] = "\n".join(p for p in (said, str(values.get("description") or "")) if p)
            self.items[item_id] = Rec("items", values, line, origin)
            if by_mark:
                self.status_marks.add(item_id)
            for step, at in steps:  # after the item, in the plan's order
                self.add_item(step, at, "step")
            return item_id
        rec = self.items[item_id]
        old = rec.values
        added, differs = [], []
        for key, value in values.items():
            if key == "id" or value in (None, "", [], {}):
                continue
            if key in ("gate", "custom") and isinstance(value, dict):
                sub = old.setdefault(key, {})
                for k, v in value.items():
                    if k not in sub or sub[k] in (None, "", []):
                        sub[k] = v
                        added.append(f"{key}.{k}")
                    elif sub[k] != v:
                        differs.append(f"{key}.{k}")
                continue
            if (
                key not in old
                or old[key] in (None, "", [], {})
                or (key == "status" and item_id not in self.status_stated)
            ):
                old[key] = value
                added.append(key)
            elif key in ITEM_LIST_FIELDS and isinstance(value, list) and isinstance(old[key], list):
                new = [v for v in value if v not in old[key]]
                if new:
                    old[key] = old[key] + new
                    added.append(key)
            elif old[key] != value:
                if key == "title" and similarity(str(old[key]), str(value)) >= 0.5:
                    continue  # the same name written twice ("Grant submission completion")
                if key == "title" and take_better_title(old, str(value), item_id):
                    added.append(key)
                    continue
                if key == "kind":
                    continue  # a row and a section of the same item: both say what it is
                if key == "status" and item_id in self.status_marks and not by_mark:
                    # "⏳" in a summary table, "Not started" in the item's section: the words say more.
                    self.note(
                        line,
                        f"{item_id}: status {old[key]} from a mark at line {rec.line}, {value} in words here; took the words",
                    )
                    old[key] = value
                    self.status_marks.discard(item_id)
                    continue
                differs.append(key)
                old.setdefault("custom", {}).setdefault(f"{key}_{origin_key(origin)}", value)
        text = f"{item_id} appears again (first at line {rec.line})"
        if added:
            text += f"; added {', '.join(added)}"
        if differs:
            text += f"; kept the first value of {', '.join(differs)} (the other is in custom)"
        self.note(line, text)
        for step, at in steps:  # an item written again brings its steps too
            self.add_item(step, at, "step")
        return item_id

    def add_records(self, kind: str, origin: str, read: Iterable[tuple[int, dict[str, Any] | str]]) -> int:
        """Add one ``kind`` record per (line, values); a string in place of values is why that entry is none
        (reported as skipped). Returns how many were added."""
        n = 0
        for line, values in read:
            if isinstance(values, str):
                self.skipped(line, values)
                continue
            self.records[kind].append(Rec(kind, values, line, origin))
            n += 1
        return n

    # ------------------------------------------------------------------ streams
    def stream_refs(self, text: str) -> list[str]:
        """Item ids of the streams a phrase names: "Stream 2", "Streams 1-4", "streams 1, 3 and 5"."""
        out: list[str] = []
        for m in _STREAM_REF.finditer(plain(text)):
            word, first, last = m.group(1).lower(), m.group(2), m.group(3)
            names = [first]
            # "Streams 1-4", "Streams A-D": every stream between.
            if last and first.isdigit() and last.isdigit():
                names = [str(n) for n in range(int(first), int(last) + 1)]
            elif last and first.isalpha() and last.isalpha() and first.upper() < last.upper():
                names = [chr(c) for c in range(ord(first.upper()), ord(last.upper()) + 1)]
            if m.group(4):
                names += re.findall(r"\d+|\b[A-Z]\b", m.group(4))
            for name in names:
                sid = self.streams.get(stream_key(word, name))
                if sid and sid not in out:
                    out.append(sid)
        return out

    def add_stream(self, word: str, num: str) -> str | None:
        """Know the stream ``word num`` (a stream heading's, or a table row's that is only that name) by its id,
        ``Workstream A`` -> WSA, so that "Streams A and G" elsewhere name it; None when that id is taken."""
        key = stream_key(word, num)
        sid = f"{STREAM_PREFIX[key[0]]}{num}"
        if key in self.streams or sid in self.items:
            return None
        self.streams[key] = sid
        return sid

    def match_stream(self, title: str, row_no: int, prefix: str, named: tuple[str, str] | None = None) -> str:
        """The id for a row of a table without ids: the stream section it names, else the stream its title is
        (``named``: ``Stream 3`` -> S3, see ``add_stream``), else the next free."""
        if named and (sid := self.add_stream(*named)):
            self.made_ids.add(sid)
            return sid
        best, score = None, 0.0
        for sid, stitle in self.stream_titles.items():
            s = similarity(title, stitle)
            if s > score or (s == score and best is not None and sid == f"{prefix}{row_no}"):
                best, score = sid, s
        # One word in common is no match ("bots" in "Track B —— API 基建（随 bots 一起构建）"), unless it is the
        # whole of both titles ("Payments" for "## Payments").
        shared = title_words(title) & title_words(self.stream_titles[best]) if best is not None else set()
        whole = best is not None and title_words(title) == title_words(self.stream_titles[best])
        if best is not None and score >= 0.5 and (len(shared) >= 2 or whole) and best not in self.items:
            return best
        n = row_no
        while f"{prefix}{n}" in self.items or f"{prefix}{n}" in self.stream_titles:
            n += 1
        self.made_ids.add(f"{prefix}{n}")
        return f"{prefix}{n}"

    def free_id(self, prefix: str, counter: list[int], taken: Collection[str] = ()) -> str:
        """The next ``<prefix><n>`` after ``counter[0]`` that no item has (nor ``taken``), counted on and kept as an
        id the import made: ``T1``, ``T2`` … for work the plan gives no id."""
        counter[0] += 1
        while (rid := f"{prefix}{counter[0]}") in self.items or rid in taken:
            counter[0] += 1
        self.made_ids.add(rid)
        return rid

    def found_anything(self) -> bool:
        """Whether the plan gave any record that makes it recognizable (``result.RECOGNIZED``) so far."""
        return any(self.items if kind == "items" else self.records[kind] for kind in RECOGNIZED)

    def repoint(self, old: str, new: str | None) -> list[tuple[Rec, str]]:
        """Make every record that names the item ``old`` (its dependencies, the items mitigating a risk, a phase's or
        milestone's items, a parent) name ``new`` instead, or no longer name it (``new`` None); the (record, field)
        pairs changed."""
        changed: list[tuple[Rec, str]] = []
        for rec in [*self.items.values(), *(r for k in ("risks", "phases", "milestones") for r in self.records[k])]:
            for fld in ("depends_on", "soft_depends_on", "mitigated_by", "items"):
                refs = rec.values.get(fld)
                if isinstance(refs, list) and old in refs:
                    moved = [new if r == old else r for r in refs] if new is not None else [r for r in refs if r != old]
                    rec.values[fld] = list(dict.fromkeys(r for r in moved if r != rec.values.get("id")))
                    changed.append((rec, fld))
            if rec.values.get("parent") == old:
                if new is None:
                    rec.values.pop("parent")
                else:
                    rec.values["parent"] = new
                changed.append((rec, "parent"))
        return changed

    def refs_in(self, text: str) -> list[str]:
        """Every item a phrase names: ids and stream references."""
        return list(dict.fromkeys(self.stream_refs(text) + ids_in_text(text)))


def origin_key(origin: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", origin.lower()).strip("_")[:24] or "other"
