"""A table's rows as items: ids from an id column, from the start of the title cells, or made from the title
column's header; a table about items already known adds to them; rows whose ids are struck through are cancelled.
What a table is, and which rows reach here, ``tables.tables`` decides."""

from __future__ import annotations

import re
from typing import Any

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.assembly.item_titles import similarity
from readiness_tui.core.importers.document.blocks import ListBlock, Section, Table, plain
from readiness_tui.core.importers.entries.lists import heading_prefix
from readiness_tui.core.importers.guided.recipe import chosen_id, recipe_option
from readiness_tui.core.importers.references.ids import (
    CAPS_ID_RE,
    NAMESPACED_ID_RE,
    NUMBERED_SLUG,
    id_shape,
    id_tails,
    is_id,
    title_initials,
)
from readiness_tui.core.importers.references.refs import parse_refs
from readiness_tui.core.importers.sections.patterns import STREAM_RE
from readiness_tui.core.importers.tables.cells import mapping_note
from readiness_tui.core.importers.tables.columns import PERIOD
from readiness_tui.core.importers.tables.id_columns import SLUG_ID, slug_ids
from readiness_tui.core.importers.tables.records import ticket_aliases
from readiness_tui.core.importers.tables.risk_tables import addressed_risk_column, risk_column, row_risk
from readiness_tui.core.importers.tables.row_fields import row_values, severity_as_priority
from readiness_tui.core.importers.tables.rows import Row, item_rows
from readiness_tui.core.importers.tables.state_columns import row_state, state_columns
from readiness_tui.core.importers.tables.views import (
    drop_placeholder_rows,
    link_rows,
    merge_supplement,
    names_known_items_only,
    row_numbers_only,
    rows_of_known_titles,
)
from readiness_tui.core.importers.tables.work_columns import TASK_HEADERS
from readiness_tui.core.importers.vocabulary.headers import custom_key, header_field, norm_header

_EMBEDDED_ID = re.compile(
    r"^\**`?([A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+|\d+(?:\.\d+)+|[A-Z]{1,4}\d+(?:\.\d+)*)`?\**(?:(?:\s*[:—–.|-])?\s+(\S.*))?$"
)
#: A story's id written with a space, then a dash and its title: "US 10.01 - Bookings Page UI/UX" (id US-10.01).
_SPACED_ID = re.compile(r"^([A-Z]{1,4}) (\d+(?:\.\d+)+)\s+[—–-]\s+(\S.*)$")
#: An id cell saying the id is still to come: "TBD", "TBA", "?".
_TO_BE_GIVEN = re.compile(r"^\s*(?:tbd|tba|\?+)\s*$", re.I)
#: A title cell counted by the plan: ``1) Enforce merge gate`` (every row so, each number once: see ``handle_items``).
_COUNTED = re.compile(r"^(\d{1,3})\)\s+(\S.*)$")
_GEN_PREFIX = {
    "stream": "S",
    "workstream": "WS",
    "workstream name": "WS",
    "epic": "E",
    "task": "T",
    "action": "A",
    "item": "I",
    "milestone": "M",
    "check": "C",
    "feature": "F",
    "story": "ST",
}


#: Reverse-dependency headers said both ways: "Blocking" heads the rows a row holds up, or its "blocking dependencies".
_BOTH_WAYS = frozenset({"blocking"})


def _blocking_waits(
    b: Builder, table: Table, fields: list[str | None], rows: list[Row], known: set[str]
) -> list[str | None]:
    """``fields`` with a "Blocking" column read as what each row waits on when the ids it names are rows above it
    (in this table, or items of a block before) more often than rows below: a plan lists its work in the order it is
    done, so a row's blockers come before it and the rows it holds up after it."""
    out = list(fields)
    place = {rid: n for n, (_, _, rid) in enumerate(rows) if rid}
    for col, fld in enumerate(fields):
        if fld != "blocks" or norm_header(plain(table.headers[col])) not in _BOTH_WAYS:
            continue
        above = below = 0
        for n, (_, cells, _) in enumerate(rows):
            for ref in parse_refs(cells[col]).ids:
                at = place.get(ref, -1 if ref in known else len(rows))
                above += at < n
                below += at > n
        if above > below:
            out[col] = "depends_on"
            b.note(
                table.line, f"table: column {plain(table.headers[col])!r} names rows above each row: what it waits on"
            )
    return out


def _dependency_labels(b: Builder, table: Table, fields: list[str | None], rows: list[Row]) -> list[str | None]:
    """``fields`` with a dependency column read as a label of each row when it names no id and repeats a few words down
    many rows ("Odoo", "Meeting", "Room Config" beside a hundred tasks): the area a row belongs to, not what it waits
    on, which a plan writes row by row."""
    if "depends_on" not in fields:
        return fields
    col = fields.index("depends_on")
    refs = [(text, parse_refs(text)) for _, cells, _ in rows if (text := plain(cells[col]).strip())]
    said = [text for text, r in refs if r.rest.strip()]
    if len(said) < 6 or any(r.ids for _, r in refs) or len(set(said)) * 3 > len(said):
        return fields
    b.note(table.line, f"table: column {plain(table.headers[col])!r} repeats a few words down its rows: a label, kept")
    return [None if n == col else f for n, f in enumerate(fields)]


def handle_items(
    b: Builder,
    table: Table,
    sec: Section,
    fields: list[str | None],
    id_col: int | None,
    kind: str,
    defaults: dict[str, Any] | None = None,
) -> None:
    # A title column a reader chose after the first look (``work_names_column``, a recipe's label) judges rows by their
    # names now: one still to be named ("↳ tbd", "—") is no item.
    table = drop_placeholder_rows(b, table, fields, by_name=not risk_column(table))
    table = link_rows(b, table, fields) or table
    known = set(b.items)
    prio_ids = id_col is not None and header_field(table.headers[id_col]) == "priority"
    slugs = id_col is not None and slug_ids(table, id_col)
    rows, struck_rows, own_state, range_rows = item_rows(b, table, fields, id_col, known)
    fields = _blocking_waits(b, table, fields, rows, known)
    fields = _dependency_labels(b, table, fields, rows)
    if id_col is not None and rows and custom_key(table.headers[id_col]) == "number":
        # "| # | Ticket doc | State |" over 09..16, after a table that numbered its rows 01..16 beside their keys:
        # the same rows cited by those numbers.
        cited = [b.aliases.get(r) for _, _, r in rows]
        if all(c in known for c in cited):
            rows = [(row, cells, str(c)) for (row, cells, _), c in zip(rows, cited, strict=True)]
            b.note(table.line, "table: its # column cites rows by the numbers an earlier table gave them")
    if id_col is not None and rows and all(r and r not in known and b.aliases.get(r) in known for _, _, r in rows):
        # "| #10 | - | #11 |" where the entries named their issues ("Core structure (#10)"): the rows cite those items.
        rows = [(row, cells, str(b.aliases[r])) for row, cells, r in rows]
        b.note(table.line, "table: its rows cite the plan's items by another name of theirs (their issues)")
    elif id_col is not None and rows and all(r and r not in known for _, _, r in rows) and known:
        tails = id_tails(known)
        if all(tails.get(r) in known for _, _, r in rows):
            # "| A001 | Section 5.1 |" in a plan of TASK-A001 …: the rows cite its items by their ids' last part.
            rows = [(row, cells, tails[r]) for row, cells, r in rows]
            b.note(table.line, "table: its rows cite the plan's items by the last part of their ids")
    ids = [r for _, _, r in rows if r]
    if not (ids and all(i in known for i in ids)) and names_known_items_only(b, table, fields):
        b.skipped(
            table.line,
            f"table ({', '.join(plain(h) for h in table.headers)}): its rows cite items "
            "of the plan by id; a view, not items",
        )
        return
    numbers_only = row_numbers_only(b, table, sec, id_col, ids, fields) if id_col is not None else None
    if numbers_only:
        head = ", ".join(plain(h) for h in table.headers)
        b.skipped(table.line, f"table ({head}): its first column only numbers the rows, {numbers_only}; not items")
        return
    # A table about items already known (an issue mapping, a status table): it adds to them.
    if id_col is not None and ids and all(i in known for i in ids):
        for row, cells, rid in rows:
            if not rid:
                b.skipped(row.line, f"table row without an id ({plain(' | '.join(cells))[:60]!r})")
                continue
            values = row_values(b, table, fields, cells, row.line, rid)
            values["id"] = rid
            merge_supplement(b, rid, values, row.line)
        b.consume(table, sec)
        b.used(table.line, f"table of {len(ids)} known items ({mapping_note(table, fields)}) -> added to those items")
        return
    if id_col is None and rows_of_known_titles(b, table, sec, fields):
        return
    severity_as_priority(b, table, fields, rows)
    marks = state_columns(table, fields)
    if marks:
        heads = ", ".join(repr(plain(table.headers[n])) for n in marks)
        b.note(table.line, f"table: no status column; each row's state read from its marks under {heads}")
    made = 0
    gen_prefix = None
    embedded: dict[int, tuple[str, str]] = {}
    if id_col is None:
        # "2.1 Cut over reads" / "T-3: Build": the title cells carry the ids.
        tcol = fields.index("title")
        for n, (_, cells, _) in enumerate(rows):
            spaced = _SPACED_ID.match(plain(cells[tcol], keep_code=True))
            if spaced:
                embedded[n] = (f"{spaced.group(1)}-{spaced.group(2)}", spaced.group(3))
                continue
            m = _EMBEDDED_ID.match(plain(cells[tcol], keep_code=True)) or _COUNTED.match(plain(cells[tcol], True))
            if m and (is_id(m.group(1)) or m.re is _COUNTED) and any(c.isdigit() for c in m.group(1)):
                # "| Story |" over 5.0, 5.1 (NEW)…: a cell that is only an id, or an id and a tag, is named by it.
                tagged = not m.group(2) or re.fullmatch(r"\([^()]*\)", m.group(2))
                embedded[n] = (m.group(1), plain(cells[tcol], True) if tagged else m.group(2))
        if len({v[0] for v in embedded.values()}) != len(embedded) or not (
            len(embedded) == len(rows)
            or (norm_header(table.headers[tcol]) in TASK_HEADERS and _some_rows_named(embedded))
        ):
            embedded = {}
    # "| F1 bootstrap/env/auth |" over "| Phase 2 Ticket core |": the rows that name their id keep it, the rest are made.
    some = bool(embedded) and len(embedded) < len(rows)
    if id_col is None and not embedded and _rows_name_headings(sec, fields, rows):
        # "| Step | Status | Progress |" over "Assessment & Planning", each a "### Step 1: Assessment & Planning" whose
        # own table lists its tasks: a dashboard of the plan's parts, whose work is written under their headings.
        b.consume(table, sec)
        b.used(table.line, f"table of the plan's parts ({mapping_note(table, fields)}): each row a heading over work")
        return
    if id_col is not None and ids and set(ids) <= b.group_heading_ids:
        # "| E1 | Release integrity | P0 |" over "## E1 — Release" > "### E1.F1" > "- E1.F1.S1": the plan's map of
        # the groups its headings make, whose work is written under them.
        b.consume(table, sec)
        b.used(table.line, f"table of the plan's groups ({mapping_note(table, fields)}): each row a heading over work")
        return
    if id_col is None and not embedded and _one_phase_a_row(fields, rows):
        # "| Phase | Name | Effort | Dependencies |" with one phase a row and no ids: the plan's summary of its
        # phases, whose work is written out under their headings; made into items, each phase would be one twice.
        b.consume(table, sec)
        b.used(table.line, f"table of phases ({mapping_note(table, fields)}): one phase a row, no id column; no items")
        return
    if id_col is None and (not embedded or some):
        title_col = fields.index("title")
        gen_prefix = _GEN_PREFIX.get(norm_header(table.headers[title_col]), "ROW-")
        if norm_header(table.headers[title_col]) in ("stream", "workstream", "workstream name", "epic"):
            kind = "stream"
        elif phase := (defaults or {}).get("phase"):
            # A phase's own table of tasks without ids: numbered within the phase (P0-1, P0-2 ..), as its lists are;
            # a phase named by a code of its own ("P1", from a priority group) is not prefixed again.
            gen_prefix = f"{phase}-" if phase[0].isalpha() else f"P{phase}-"
        elif gen_prefix == "ROW-" and (period := PERIOD.match(sec.bare_title)):
            # "Sprint 1-2: Kritisk Sikkerhed": rows numbered within their period (S1-1, S1-2 ..).
            gen_prefix = f"{period.group('word')[0].upper()}{period.group('num')}-"
        elif gen_prefix == "ROW-" and sec.heading is not None:
            # Rows whose title column has no word of its own ("System"): named from the heading, as its checklists
            # would be ("Credential application tracker" -> CAT-1).
            gen_prefix = f"{title_initials(sec.title)}-"
    risk_col = addressed_risk_column(table)
    headed_ids = id_col is not None and header_field(table.headers[id_col]) == "id"
    named: list[tuple[str, list[str]]] = []
    here: dict[str, str] = {}  # the title each id of this table was first given
    tbd_counter = [0]
    for n, (row, cells, rid) in enumerate(rows, start=1):
        if n - 1 in embedded:
            rid = embedded[n - 1][0]
        elif id_col is None:
            title = plain(cells[fields.index("title")])
            # "| Stream A | … |": a row that is only a stream's name is that stream.
            stream = STREAM_RE.fullmatch(title.strip())
            is_stream = stream is not None and not stream["title"] and not stream["prio"]
            stream_name = (stream["word"], stream["num"]) if stream is not None and is_stream else None
            rid = b.match_stream(title, n, gen_prefix, stream_name) if gen_prefix else ""
        slug = NUMBERED_SLUG.match(rid) if id_col is not None else None
        # "2b" among rows numbered 1, 2, 3: a step put in between, an id in this column though no word elsewhere.
        between = id_col is not None and re.fullmatch(r"\d{1,3}[a-z]", rid)
        given = id_col is not None and chosen_id(table.headers[id_col], rid)  # the recipe's id column
        given = given or (slugs and bool(SLUG_ID.fullmatch(rid)))
        # "| WP ID |" over WP-05A, WP-SET-UI: under a header that says ids, capitals joined by hyphens are one.
        given = given or (headed_ids and bool(CAPS_ID_RE.match(rid) or NAMESPACED_ID_RE.match(rid)))
        # "| ID |" over A, B1, C2 (or "A：计划" beside "B1：x"): a capital alone names a row, as a letter's phase does.
        given = given or (headed_ids and bool(re.fullmatch(r"[A-Z]", rid)))
        if id_col is not None and _TO_BE_GIVEN.match(plain(rid)) and (headed_ids or any(is_id(r) for _, _, r in rows)):
            # "| **TBD** | FE | Nov 24 | Feature selection screen |" among rows with ids: work whose id is still to
            # be given; one is made from the heading, as for the id-less rows of a table.
            new_id = b.free_id(heading_prefix(b, sec), tbd_counter)
            b.note(row.line, f"{new_id}: the row's id is still to be given ({plain(rid)}): made {new_id}")
            rid = new_id
        if not rid or not (is_id(rid) or slug or between or rid in range_rows or given or rid in b.made_ids):
            b.skipped(row.line, f"table row without an id ({plain(' | '.join(cells))[:60]!r})")
            continue
        if slug:
            b.aliases.setdefault(slug.group("num"), rid)  # "Blocked by 01": the plan cites the slug by its number
        values = {"id": rid, "kind": kind, **(defaults or {})}
        values.update(row_values(b, table, fields, cells, row.line, rid))
        if marks and "status" not in values and (state := row_state(cells, marks)):
            values["status"] = state
            b.status_stated.add(rid)
        if prio_ids and (p := re.match(r"^P([0-4])(?![0-9])", rid)) and "priority" not in values:
            values["priority"] = f"P{p.group(1)}"  # "| 優先 |" over P0-A, P1: the ids are priority levels
        if n - 1 in embedded:
            values["title"] = embedded[n - 1][1]
        if not values.get("title") and "title" not in fields:
            # "| Key | Deliverable | DRI |", "| Sprint | Theme | Owner |": no column is headed as the title; what the
            # row delivers, or the stream it is, names it (an item without a title fails lint); else the first
            # sentence of its words ("| Task | Status | Notes |" over T-011 and what it does).
            values["title"] = (
                next(iter(values.get("deliverables") or []), "")
                or values.get("workstream", "")
                or _first_sentence(str(values.get("description") or values.get("notes") or ""))
            )
        if row.line in own_state and values.get("status"):
            b.note(row.line, f"{rid}: its id is struck through and its status cell says {values['status']}: kept")
        elif row.line in struck_rows:
            values["status"] = recipe_option("struck")
            b.status_stated.add(rid)
            struck = "its id" if id_col is not None else "its row"
            b.note(row.line, f"{rid}: {struck} is struck through: {values['status']}")
        rid = _id_again(b, here, rid, values, row.line)
        if got := b.add_item(values, row.line, "table"):
            b.table_items.setdefault(table.line, []).append(got)
            made += 1
            named.append((rid, cells))
            if risk_col is not None:
                row_risk(b, cells[risk_col], rid, row.line)
    ticket_aliases(b, table, fields, named)
    if "title" in fields:
        _bold_parents(b, named, fields.index("title"))
    b.consume(table, sec)
    what = f"{made} items"
    if id_col is None:
        col = plain(table.headers[fields.index("title")])
        what += (
            f" (ids taken from the start of the {col} column"
            + (" where it has them, made for the rest)" if some else ")")
            if embedded
            else f" (ids made from the {col} column)"
        )
    b.used(table.line, f"table ({mapping_note(table, fields)}) -> {what}")


def _id_again(b: Builder, here: dict[str, str], rid: str, values: dict[str, Any], line: int) -> str:
    """The id a row's item takes: its own, or, where a row above in the same table gave that id to other work (``|
    RC-089 | … the logo |`` below ``| RC-089 | … the dropdown |``: a sheet that reuses an id), the id lettered on
    (``RC-089b``), reported; ``values`` is given it too."""
    title = str(values.get("title") or "")
    first = here.setdefault(rid, title)
    if first is title or not first or not title or similarity(first, title) >= 0.5:
        return rid
    new = next(f"{rid}{c}" for c in "bcdefghijklmnopqrstuvwxyz" if f"{rid}{c}" not in b.items)
    b.note(line, f"{rid} again in this table for other work ({title[:40]!r}): a second item, {new}")
    values["id"] = new
    here[new] = title
    return new


#: A title cell set wholly in bold (``**Section 1: Basic Information**``), and one opening with a dash or an arrow as
#: a sub-row's does (``- Scenario Name input``, ``↳ Category``).
_BOLD_CELL = re.compile(r"^\s*(?:\*\*|__)(?!\s)[^*_]+(?:\*\*|__)\s*$")
_SUB_CELL = re.compile(r"^\s*(?:[-–•]|↳|└─?)\s+(?=\S)")


def _bold_parents(b: Builder, named: list[tuple[str, list[str]]], title_col: int) -> None:
    """Rows whose title opens with a dash (``- Scenario Name input``) under a row titled in bold (``**Section 1:
    Basic Information**``): the bold row's sub-tasks, its child items, their titles without the dash."""
    parent = None
    for rid, cells in named:
        cell = cells[title_col] if title_col < len(cells) else ""
        if _BOLD_CELL.match(cell):
            parent = rid
        elif parent is not None and _SUB_CELL.match(cell):
            rec = b.items[rid]
            rec.values["parent"] = parent
            rec.values["title"] = _SUB_CELL.sub("", str(rec.values.get("title", "")))
        else:
            parent = None


def _first_sentence(text: str) -> str:
    """The words of ``text`` up to its first full stop (the whole, when it has none)."""
    return re.split(r"(?<=[^\s.])\.(?:\s|$)", text.strip(), maxsplit=1)[0].strip()


def _one_phase_a_row(fields: list[str | None], rows: list[tuple[Any, list[str], str]]) -> bool:
    """Whether every row names its own phase (none twice, none blank)."""
    if "phase" not in fields:
        return False
    names = [plain(cells[fields.index("phase")]).strip() for _, cells, _ in rows]
    return all(names) and len(set(names)) == len(names)


#: What opens a heading before its name: "Step 1:", "Phase 2 —", "3.".
_PART_LABEL = re.compile(r"^(?:(?:step|phase|stage|part|section|milestone)\s+\w+|\d+(?:\.\d+)*)\s*[.:)—–-]?\s*", re.I)


def _rows_name_headings(sec: Section, fields: list[str | None], rows: list[tuple[Any, list[str], str]]) -> bool:
    """Whether each row's title is the name of its own heading elsewhere in the plan (``### Step 1: Assessment &
    Planning``) over a table or list of work, three rows at least."""
    if "title" not in fields or len(rows) < 3:
        return False
    names = {plain(cells[fields.index("title")]).strip().casefold() for _, cells, _ in rows}
    if len(names) < len(rows):
        return False
    # Only then the headings: a walk over the whole document for each table of three rows or more named apart.
    over_work = {
        _PART_LABEL.sub("", s.bare_title).strip().casefold()
        for s in sec.root.walk()
        if s.heading is not None and s is not sec and any(isinstance(blk, (Table, ListBlock)) for blk in s.blocks)
    }
    return names <= over_work


def _some_rows_named(embedded: dict[int, tuple[str, str]]) -> bool:
    """Whether the rows whose title cells open with an id (not all of them) name ids of one shape, two at least
    (``F1``, ``F2``, ``F3`` beside "Phase 2 Ticket core" under ``Task``): those are the plan's ids for those rows.
    Under a column of other things ("| Layer |" over "T0 GPU page pool", "Local transfer") they are names."""
    shapes = {id_shape(rid) for rid, _ in embedded.values()}
    return len(embedded) >= 2 and len(shapes) == 1
