"""Tables: what a table is (its columns' fields, its id column, its kind) and its rows as items: tables with an
id column, ids inside the title cells, priority-scoring tables without ids, supplementary tables about known
items. Other kinds of table are read in ``records``; a row's cells in ``cells``."""

from __future__ import annotations

import re
from typing import Any

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.document.blocks import Section, Table, plain
from readiness_tui.core.importers.entries.inline import title_initials
from readiness_tui.core.importers.guided.recipe import chosen_id, chosen_label, struck_status
from readiness_tui.core.importers.references.ids import CAPS_ID_RE, NUMBERED_SLUG, RISK_ID_RE, is_id
from readiness_tui.core.importers.sections.headings import heading_role
from readiness_tui.core.importers.sections.patterns import STREAM_RE
from readiness_tui.core.importers.sections.phases import phase_row_items
from readiness_tui.core.importers.tables.cell_lists import listed_in_cells
from readiness_tui.core.importers.tables.cells import mapping_note, padded_cells
from readiness_tui.core.importers.tables.columns import (
    PERIOD,
    SLUG_ID,
    classify_fields,
    estimated,
    id_column,
    id_then_words,
    leading_ids,
    marks_only,
    names_not_ids,
    numbered_phases,
    reference_numbers,
    repeats_down,
    rows_are_periods,
    short_codes,
    slug_ids,
    split_listed_ids,
)
from readiness_tui.core.importers.tables.keyed_steps import heading_keyed
from readiness_tui.core.importers.tables.records import (
    handle_deliverables,
    handle_matrix,
    handle_milestones,
    handle_phases,
    handle_risks,
    handle_waivers,
    is_matrix,
    is_phase_table,
    names_milestones,
    number_milestones,
    ticket_aliases,
)
from readiness_tui.core.importers.tables.reshape import (
    box_rows,
    continued_rows,
    lift_ids,
)
from readiness_tui.core.importers.tables.risk_tables import (
    about_risks,
    addressed_risk_column,
    keys_no_rows,
    number_risks,
    risk_column,
    row_risk,
)
from readiness_tui.core.importers.tables.row_fields import row_values, severity_as_priority
from readiness_tui.core.importers.tables.rows import item_rows
from readiness_tui.core.importers.tables.views import (
    drop_placeholder_rows,
    link_rows,
    merge_supplement,
    names_known_items_only,
    not_work,
    row_numbers_only,
    rows_of_known_titles,
    schedule_owners,
)
from readiness_tui.core.importers.tables.work_columns import named_column, work_names_column
from readiness_tui.core.importers.vocabulary.headers import custom_key, header_field, norm_header
from readiness_tui.core.importers.vocabulary.legends import marks_legend
from readiness_tui.core.importers.vocabulary.statuses import status_heading

_EMBEDDED_ID = re.compile(
    r"^\**`?([A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+|\d+(?:\.\d+)+|[A-Z]{1,4}\d+(?:\.\d+)*)`?\**(?:(?:\s*[:—–.|-])?\s+(\S.*))?$"
)
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


def _is_risk_table(b: Builder, table: Table, fields: list[str | None], id_col: int, sec: Section) -> bool:
    head = norm_header(table.headers[id_col])
    if "risk" in head or _labelled_risks(sec):
        return True
    ids = [plain(padded_cells(table, r.cells)[id_col]) for r in table.rows]
    known = {str(r.values.get("id")) for r in b.records["risks"]}
    if known and all(i.strip() in known for i in ids if i.strip()) and any(i.strip() for i in ids):
        return True  # a residual-risk table keyed by the register's ids: more about the same risks
    risky = sum(1 for i in ids if RISK_ID_RE.match(i)) >= max(1, len(ids) // 2)
    riskcols = any(f in ("severity", "likelihood", "mitigated_by") for f in fields)
    in_risk_section = about_risks(_heading_words(sec))
    return (risky and (riskcols or in_risk_section)) or (in_risk_section and riskcols)


def _keyed_by_items(b: Builder, table: Table, id_col: int) -> bool:
    """Whether every row's id names an item already made: a summary of those items ("| Milestone | Depends on |"
    over sections "## M43 — ..."), whatever its header calls them."""
    ids = [plain(padded_cells(table, r.cells)[id_col]).strip() for r in table.rows]
    return bool(ids) and all(i in b.items for i in ids)


def _labelled_risks(sec: Section) -> bool:
    """Whether a recipe labels this section (or the nearest one it is under) ``risks``: a person's word beats the
    guess."""
    return chosen_label(sec) == "risks"


def _heading_words(sec: Section) -> str:
    return " ".join(s.title.lower() for s in [sec, *sec.ancestors()] if s.heading)


def handle_table(
    b: Builder, table: Table, sec: Section, kind: str = "task", defaults: dict[str, Any] | None = None
) -> None:
    if not table.headers:
        b.skipped(table.line, "table without a header row")
        return
    if is_matrix(table):
        handle_matrix(b, table, sec)
        return
    if not table.rows:
        b.skipped(table.line, f"table ({', '.join(plain(h) for h in table.headers)}) has no rows")
        return
    if marks_legend(table):
        b.consume(table, sec)
        b.used(table.line, f"table ({', '.join(plain(h) for h in table.headers)}): the plan's legend of state marks")
        return
    table = drop_placeholder_rows(b, table, classify_fields(table), by_name=not risk_column(table))
    if not table.rows:
        b.consume(table, sec)
        b.skipped(table.line, f"table ({', '.join(plain(h) for h in table.headers)}) holds only placeholder rows")
        return
    fields = classify_fields(table)
    # A person's label beats the guess: "items" over a table read as requirements or a log makes its rows items.
    about_doc = not_work(table, fields, sec) if chosen_label(sec) != "items" else None
    if about_doc:
        b.consume(table, sec)
        b.skipped(table.line, f"table ({', '.join(plain(h) for h in table.headers)}): {about_doc}, not work")
        return
    id_col = id_column(table, fields)
    if id_col is None and (id_col := _phase_numbers(table, fields)) is not None:
        # "| Phase | Task | Owner | State |" over 1.1, 1.2, 2.1 … 4: each row's number within its phase, its id.
        fields[id_col] = "id"
        b.note(table.line, f"table: column {plain(table.headers[id_col])!r} numbers each row in its phase: the ids")
    if id_col is not None and custom_key(table.headers[id_col]) == "number":
        # "| # | Task | 선행 |" over 1, 2… beside SUR-01, SUR-02…: the rows are items the plan named already; the
        # numbers only count them.
        for n in range(len(fields)):
            vals = [plain(padded_cells(table, r.cells)[n]).strip() for r in table.rows]
            if n != id_col and len(vals) >= 2 and len(set(vals)) == len(vals) and all(v in b.items for v in vals):
                fields[id_col], id_col = None, n
                b.note(table.line, f"table: column {plain(table.headers[n])!r} names items already made: the rows' ids")
                break
    if id_col is not None and reference_numbers(b, table, fields, id_col, sec):
        # "| System | # | GDD |" over 9, 12, 13 in a plan whose work rows carry named ids (S2-001): the numbers
        # point into another document; nothing in the table says who does what, or how far it is.
        b.consume(table, sec)
        b.skipped(
            table.line,
            f"table ({', '.join(plain(h) for h in table.headers)}): numbered beside the plan's named ids, with no "
            "owner, status, priority, estimate or target: a reference, not work",
        )
        return
    if id_col is not None and marks_only(table, id_col):
        # "| ID | Taak |" whose every id cell is "✅": the column says each row's state; the rows have no ids.
        fields[id_col] = "status"
        id_col = None
        b.note(table.line, f"table: column {plain(table.headers[0])!r} holds state marks, not ids")
    if id_col is not None and names_not_ids(table, id_col) and not chosen_id(table.headers[id_col], "x"):
        # "| Ticket | Owner | Description |" over "DB setup & seed data": the column names each row's work; the rows
        # have no ids, and what stood as their title describes them.
        b.note(table.line, f"table: column {plain(table.headers[id_col])!r} holds names, not ids: the rows' titles")
        fields = [("description" if f == "title" else f) for f in fields]
        fields[id_col] = "title"
        id_col = None
    if id_col is not None and repeats_down(table, fields, id_col):
        # "| Task | … | Sprint # |" over 3, 3, 3, 4…: the column says which sprint a row is in; the rows, each named
        # apart, have no ids of their own.
        b.note(table.line, f"table: column {plain(table.headers[id_col])!r} repeats down the rows: a group, not ids")
        fields[id_col] = None
        id_col = None
    # "| Risk | Mitigation | Task |": the Task column names the items mitigating; it holds no risk ids.
    numbered = (
        number_risks(b, table, fields, _heading_words(sec)) if keys_no_rows(table, fields, id_col, b.items) else None
    )
    if numbered:
        table, fields = numbered
        id_col = 0
    elif id_col is None and heading_role(sec) != "schedule" and (milestones := number_milestones(b, table, fields)):
        # "| Milestone | Date | Status |": the plan's milestones, not items named after them (under "## Timeline",
        # the steps of the plan's schedule, each with its state: work).
        handle_milestones(b, milestones[0], sec, milestones[1], 0)
        return
    # "| **Sprint 1** | ... | EPIC-001, 003 |": rows that are phases name other work in their cells, no ids.
    lifted = lift_ids(b, table, fields, id_col) if not numbered and not rows_are_periods(table, fields) else None
    if lifted:
        table, fields = lifted
        id_col = 0
    words = _heading_words(sec)
    boxed = None if id_col is not None else heading_keyed(b, table, sec, fields)
    boxed = boxed or ((box_rows(b, table, fields, sec) or continued_rows(b, table, fields)) if id_col is None else None)
    if boxed:
        table, fields = boxed
        # Rows grouped under a story keep no ids of their own (``reshape.continued_rows``): they are made.
        id_col = fields.index("id") if "id" in fields else None
    if id_col is not None and (cut := leading_ids(table, fields, id_col) or id_then_words(table, fields, id_col)):
        table, fields, id_col = cut[0], cut[1], 0
        b.note(
            table.line,
            f"table: the id column {plain(table.headers[1])!r} opens each cell with the id; the rest is words",
        )
    if id_col is not None and (split := split_listed_ids(table, id_col)):
        table = split
        b.note(table.line, f"table: a cell of {plain(table.headers[id_col])!r} lists several ids: an item for each")
    if id_col is not None:
        fields[id_col] = "id"
        if "title" not in fields:
            # The id took the title-like column ("Task" holding T1, T2): the next text column is the title.
            for n, f in enumerate(fields):
                if f in (None, "description") and n != id_col:
                    vals = [plain(padded_cells(table, r.cells)[n]) for r in table.rows]
                    if any(len(v.split()) > 1 for v in vals):
                        fields[n] = "title"
                        break
        if "title" not in fields:
            # "| # | File | Tier | Pre-reqs |": no column of words; the file each row is written in names it best.
            for n, f in enumerate(fields):
                vals = [plain(padded_cells(table, r.cells)[n]) for r in table.rows]
                if f in (None, "description", "path") and n != id_col and all(vals) and not short_codes(table, n):
                    fields[n] = "title"
                    break
        if chosen_label(sec) == "items":
            # The person said items: not the waivers, risks or milestones the headers or heading suggest.
            handle_items(b, table, sec, fields, id_col, kind, defaults)
        elif "expires" in fields or ("waiver" in words or "exception" in words):
            handle_waivers(b, table, sec, fields)
        elif _is_risk_table(b, table, fields, id_col, sec):
            handle_risks(b, table, sec, fields, id_col)
        elif not _keyed_by_items(b, table, id_col) and (
            "milestone" in norm_header(table.headers[id_col])
            or names_milestones(table, fields, id_col)
            or ("milestone" in words and "target" in fields)
        ):
            handle_milestones(b, table, sec, fields, id_col)
        else:
            handle_items(b, table, sec, fields, id_col, kind, defaults)
        return
    if "path" in fields and any(f in fields for f in ("purpose", "description", "title", "status")):
        handle_deliverables(b, table, sec, fields)
        return
    if "expires" in fields:
        handle_waivers(b, table, sec, fields)
        return
    chosen = chosen_label(sec) == "items"
    if chosen and "title" not in fields and (named := named_column(table, fields)) is not None:
        fields[named] = "title"
        b.note(table.line, f"table: the section holds items; column {plain(table.headers[named])!r} names them")
    if is_phase_table(table, fields) and not chosen:
        handle_phases(b, table, sec, fields)
        return
    if not chosen and schedule_owners(b, table, sec, fields, groups=True):
        return  # "| Week 1 | Phase 1-2: x | Backend |": a schedule of the plan's items, not items of its own
    if "title" in fields and (
        chosen
        or any(f in fields for f in ("priority", "score", "status", "owner", "depends_on"))
        or estimated(table, fields)
        # "| Task | Start Date | End Date | Milestone |": tasks, each with the date it is due.
        or ("target" in fields and norm_header(plain(table.headers[fields.index("title")])) in _TASK_HEADERS)
        # "## Done" over "| Date | Item |": a board's column of work; the heading gives each row its state.
        or (sec.heading is not None and status_heading(sec.bare_title) is not None)
    ):
        handle_items(b, table, sec, fields, None, kind, defaults)
        return
    if phase_row_items(b, table, sec, fields):
        return
    if (titled := numbered_phases(table, fields, b.lines)) is not None:
        fields[0], fields[titled] = "id", "title"
        b.note(
            table.line, f"table: rows numbered by {plain(table.headers[0])!r}, no heading of theirs: the plan's items"
        )
        handle_items(b, table, sec, fields, 0, kind, defaults)
        return
    names = work_names_column(table, fields, sec.title if sec.heading is not None else "")
    if names is not None:
        fields[names] = "title"
        b.note(table.line, f"table: column {plain(table.headers[names])!r} names the work each row tracks: titles")
        handle_items(b, table, sec, fields, None, kind, defaults)
        return
    if schedule_owners(b, table, sec, fields):
        return
    if listed := listed_in_cells(table, fields):
        b.note(table.line, "table: each entry of the lists its cells hold is a task, the row's cells its fields")
        handle_items(b, listed[0], sec, listed[1], None, kind, defaults)
        return
    b.skipped(table.line, f"table ({', '.join(plain(h) for h in table.headers)}): no id column and no known shape")


#: A title column that names tasks, not things: "| Task | End Date |" (where "| Release | Date |" is a calendar).
_TASK_HEADERS = frozenset({"task", "tasks", "task name", "work item", "activity", "action", "action item", "to do"})


def handle_items(
    b: Builder,
    table: Table,
    sec: Section,
    fields: list[str | None],
    id_col: int | None,
    kind: str,
    defaults: dict[str, Any] | None = None,
) -> None:
    table = link_rows(b, table, fields) or table
    known = set(b.items)
    prio_ids = id_col is not None and header_field(table.headers[id_col]) == "priority"
    slugs = id_col is not None and slug_ids(table, id_col)
    rows, struck_rows, own_state, range_rows = item_rows(b, table, fields, id_col, known)
    if id_col is not None and rows and custom_key(table.headers[id_col]) == "number":
        # "| # | Ticket doc | State |" over 09..16, after a table that numbered its rows 01..16 beside their keys:
        # the same rows cited by those numbers.
        cited = [b.aliases.get(r) for _, _, r in rows]
        if all(c in known for c in cited):
            rows = [(row, cells, str(c)) for (row, cells, _), c in zip(rows, cited, strict=True)]
            b.note(table.line, "table: its # column cites rows by the numbers an earlier table gave them")
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
    made = 0
    gen_prefix = None
    embedded: dict[int, tuple[str, str]] = {}
    if id_col is None:
        # "2.1 Cut over reads" / "T-3: Build": the title cells carry the ids.
        tcol = fields.index("title")
        for n, (_, cells, _) in enumerate(rows):
            m = _EMBEDDED_ID.match(plain(cells[tcol], keep_code=True)) or _COUNTED.match(plain(cells[tcol], True))
            if m and (is_id(m.group(1)) or m.re is _COUNTED) and any(c.isdigit() for c in m.group(1)):
                # "| Story |" over 5.0, 5.1 (NEW)…: a cell that is only an id, or an id and a tag, is named by it.
                tagged = not m.group(2) or re.fullmatch(r"\([^()]*\)", m.group(2))
                embedded[n] = (m.group(1), plain(cells[tcol], True) if tagged else m.group(2))
        if len(embedded) != len(rows) or len({v[0] for v in embedded.values()}) != len(rows):
            embedded = {}
    if id_col is None and not embedded and _one_phase_a_row(fields, rows):
        # "| Phase | Name | Effort | Dependencies |" with one phase a row and no ids: the plan's summary of its
        # phases, whose work is written out under their headings; made into items, each phase would be one twice.
        b.consume(table, sec)
        b.used(table.line, f"table of phases ({mapping_note(table, fields)}): one phase a row, no id column; no items")
        return
    if id_col is None and not embedded:
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
    for n, (row, cells, rid) in enumerate(rows, start=1):
        if embedded:
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
        given = given or (headed_ids and bool(CAPS_ID_RE.match(rid)))
        # "| ID |" over A, B1, C2 (or "A：计划" beside "B1：x"): a capital alone names a row, as a letter's phase does.
        given = given or (headed_ids and bool(re.fullmatch(r"[A-Z]", rid)))
        if not rid or not (is_id(rid) or slug or between or rid in range_rows or given or rid in b.made_ids):
            b.skipped(row.line, f"table row without an id ({plain(' | '.join(cells))[:60]!r})")
            continue
        if slug:
            b.aliases.setdefault(slug.group("num"), rid)  # "Blocked by 01": the plan cites the slug by its number
        values = {"id": rid, "kind": kind, **(defaults or {})}
        values.update(row_values(b, table, fields, cells, row.line, rid))
        if prio_ids and (p := re.match(r"^P([0-4])(?![0-9])", rid)) and "priority" not in values:
            values["priority"] = f"P{p.group(1)}"  # "| 優先 |" over P0-A, P1: the ids are priority levels
        if embedded:
            values["title"] = embedded[n - 1][1]
        if not values.get("title") and "title" not in fields:
            # "| Key | Deliverable | DRI |", "| Sprint | Theme | Owner |": no column is headed as the title; what the
            # row delivers, or the stream it is, names it (an item without a title fails lint); else the first
            # sentence of its words ("| Task | Status | Notes |" over T-011 and what it does).
            values["title"] = (
                next(iter(values.get("deliverables") or []), "")
                or values.get("workstream", "")
                or first_sentence(str(values.get("description") or values.get("notes") or ""))
            )
        if row.line in own_state and values.get("status"):
            b.note(row.line, f"{rid}: its id is struck through and its status cell says {values['status']}: kept")
        elif row.line in struck_rows:
            values["status"] = struck_status()
            b.status_stated.add(rid)
            struck = "its id" if id_col is not None else "its row"
            b.note(row.line, f"{rid}: {struck} is struck through: {values['status']}")
        if got := b.add_item(values, row.line, "table"):
            b.table_items.setdefault(table.line, []).append(got)
            made += 1
            named.append((rid, cells))
            if risk_col is not None:
                row_risk(b, cells[risk_col], rid, row.line)
    ticket_aliases(b, table, fields, named)
    b.consume(table, sec)
    what = f"{made} items"
    if id_col is None:
        col = plain(table.headers[fields.index("title")])
        what += f" (ids taken from the start of the {col} column)" if embedded else f" (ids made from the {col} column)"
    b.used(table.line, f"table ({mapping_note(table, fields)}) -> {what}")


def first_sentence(text: str) -> str:
    """The words of ``text`` up to its first full stop (the whole, when it has none)."""
    return re.split(r"(?<=[^\s.])\.(?:\s|$)", text.strip(), maxsplit=1)[0].strip()


def _phase_numbers(table: Table, fields: list[str | None]) -> int | None:
    """The phase column, when its cells number the rows apart, most of them within a phase (``1.1``, ``3.8``)."""
    if "phase" not in fields or "title" not in fields:
        return None
    col = fields.index("phase")
    cells = [plain(padded_cells(table, r.cells)[col]).strip() for r in table.rows]
    if len(cells) < 3 or len(set(cells)) != len(cells) or not all(re.fullmatch(r"\d+(?:\.\d+)*", c) for c in cells):
        return None
    return col if sum("." in c for c in cells) * 2 > len(cells) else None


def _one_phase_a_row(fields: list[str | None], rows: list[tuple[Any, list[str], str]]) -> bool:
    """Whether every row names its own phase (none twice, none blank)."""
    if "phase" not in fields:
        return False
    names = [plain(cells[fields.index("phase")]).strip() for _, cells, _ in rows]
    return all(names) and len(set(names)) == len(names)
