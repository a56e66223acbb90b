"""Tables: what a table is (its columns' fields, its id column, its kind), and the handler each kind goes to.
Rows as items are read in ``items``; risks, milestones, phases, waivers and matrices in ``records``; a row's
cells in ``row_fields``."""

from __future__ import annotations

import re
from typing import Any

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.document.blocks import Section, Table, plain
from readiness_tui.core.importers.guided.recipe import chosen_id, chosen_label
from readiness_tui.core.importers.references.ids import RISK_ID_RE
from readiness_tui.core.importers.sections.headings import heading_role
from readiness_tui.core.importers.sections.patterns import group_tags
from readiness_tui.core.importers.sections.phases import phase_row_items
from readiness_tui.core.importers.tables.cell_lists import listed_in_cells, listed_titles
from readiness_tui.core.importers.tables.cells import column_cells, padded_cells
from readiness_tui.core.importers.tables.columns import (
    classify_fields,
    estimated,
    numbered_phases,
    rows_are_periods,
    short_codes,
)
from readiness_tui.core.importers.tables.feature_rows import feature_rows
from readiness_tui.core.importers.tables.gantt import gantt_table
from readiness_tui.core.importers.tables.id_columns import (
    id_column,
    id_then_words,
    leading_ids,
    marks_only,
    names_not_ids,
    reference_numbers,
    repeats_down,
    split_listed_ids,
)
from readiness_tui.core.importers.tables.items import handle_items
from readiness_tui.core.importers.tables.keyed_steps import heading_keyed
from readiness_tui.core.importers.tables.not_work import findings_taken_up, not_work
from readiness_tui.core.importers.tables.outline_rows import outline_rows
from readiness_tui.core.importers.tables.raci import raci_columns, raci_table
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
)
from readiness_tui.core.importers.tables.reshape import box_rows, continued_rows, lift_ids, wrapped_rows
from readiness_tui.core.importers.tables.risk_tables import (
    FINDING_HEADERS,
    about_risks,
    keys_no_rows,
    number_risks,
    risk_column,
)
from readiness_tui.core.importers.tables.short_rows import realign_short_rows
from readiness_tui.core.importers.tables.state_columns import board_table
from readiness_tui.core.importers.tables.views import drop_placeholder_rows, schedule_owners
from readiness_tui.core.importers.tables.work_columns import (
    TASK_HEADERS,
    named_column,
    sized_in_points,
    work_names_column,
)
from readiness_tui.core.importers.vocabulary.headers import WORK_FIELDS, custom_key, norm_header
from readiness_tui.core.importers.vocabulary.legends import marks_legend
from readiness_tui.core.importers.vocabulary.title_states import status_heading


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
    if "mitigated_by" in fields and any(norm_header(h) in FINDING_HEADERS for h in table.headers):
        return True  # "| ID | Severity | Finding | Fixed by |": what a review found, and the work that fixes it
    words = _heading_words(sec)
    in_risk_section = about_risks(words)
    if in_risk_section and not risky and _BUGS.search(words):
        # "# Bugs & Risks Register" over "| B4 | High | CSV import can't link accounts | T8 | open |": the bugs, the
        # work of fixing them, each in its state; the register's risks are rows of their own ids.
        return False
    return (risky and (riskcols or in_risk_section)) or (in_risk_section and riskcols)


#: Headings naming the bugs a plan lists beside its risks ("Bugs & Risks Register", "Known defects and risks").
_BUGS = re.compile(r"\b(?:bugs?|defects?|fehler|errores|bogues)\b", re.I)


def _keyed_by_items(b: Builder, table: Table, id_col: int) -> bool:
    """Whether every row's id names an item already made: a summary of those items ("| Milestone | Depends on |"
    over sections "## M43 — ..."), whatever its header calls them."""
    ids = column_cells(table, id_col)
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
    table = realign_short_rows(b, table)
    table = drop_placeholder_rows(b, table, classify_fields(table), by_name=not risk_column(table))
    if not table.rows:
        b.consume(table, sec)
        b.skipped(table.line, f"table ({', '.join(plain(h) for h in table.headers)}) holds only placeholder rows")
        return
    fields = classify_fields(table)
    # A person's label beats the guess: "items" over a table read as requirements or a log makes its rows items.
    about_doc = not_work(table, fields, sec) if chosen_label(sec) != "items" else None
    if about_doc is None and chosen_label(sec) != "items" and findings_taken_up(b.lines, table, fields):
        # "| 10 | Low | **Missing test clips** | Cut the clips |" while a task says "Per Finding 10".
        about_doc = "findings the plan's tasks take up by their numbers"
    if about_doc:
        b.consume(table, sec)
        b.skipped(table.line, f"table ({', '.join(plain(h) for h in table.headers)}): {about_doc}, not work")
        return
    if people := raci_columns(table, fields):
        if b.items and chosen_label(sec) != "items":
            # "## Responsibilities (RACI)" after the plan's tasks: who answers for which activity, not more work.
            b.consume(table, sec)
            b.skipped(table.line, "table: a RACI matrix beside the plan's items: who is responsible, not work")
            return
        # "| Task | Thom | Austin |" over R/A/C/I letters: who is marked R owns the row.
        table = raci_table(table, people)
        fields = classify_fields(table)
        b.note(table.line, "table: a RACI matrix; the person marked R owns each row, the others' parts kept")
    if (drawn := gantt_table(table, fields)) is not None:
        # "| Tarea | S15 | S16 | S17 |" over `██`, `▒▒`: each row's weeks say when it runs and how far it got.
        table = drawn
        fields = classify_fields(table)
        b.note(table.line, "table: a Gantt chart; each row's state read from the marks of its periods")
    id_col = id_column(table, fields)
    if id_col is not None and (outlined := outline_rows(b, table, fields, id_col)) is not None:
        table = outlined  # "| 1. | Sketching UI |" over "| | 1.1 Sketch |": a work breakdown
    elif (featured := feature_rows(b, table, fields, id_col)) is not None:
        table = featured  # "| 1 | User Auth | |" over "| 2 | | User Login |": features over their sub-features
    if id_col is None and (id_col := _phase_numbers(table, fields)) is not None:
        # "| Phase | Task | Owner | State |" over 1.1, 1.2, 2.1 … 4: each row's number within its phase, its id.
        fields[id_col] = "id"
        b.note(table.line, f"table: column {plain(table.headers[id_col])!r} numbers each row in its phase: the ids")
    if id_col is not None and custom_key(table.headers[id_col]) == "number":
        # "| # | Task | 선행 |" over 1, 2… beside SUR-01, SUR-02…: the rows are items the plan named already; the
        # numbers only count them.
        for n in range(len(fields)):
            vals = column_cells(table, n)
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
    if id_col is None and (joined := wrapped_rows(b, table, fields)):
        table = joined  # "| | | | comments between them are not aligned. |": a long cell run on into a row of its own
    words = _heading_words(sec)
    boxed = None if id_col is not None else heading_keyed(b, table, sec, fields)
    boxed = boxed or ((box_rows(b, table, fields, sec) or continued_rows(b, table, fields)) if id_col is None else None)
    if boxed:
        table, fields = boxed
        # Rows grouped under a story keep no ids of their own (``reshape.continued_rows``): they are made.
        id_col = fields.index("id") if "id" in fields else None
    if id_col is None and (entries := listed_titles(table, fields)):
        # "-Gameplay; <br>-Storyboard;" in a cell of titles: an item for each.
        b.note(table.line, "table: cells of its titles list several pieces of work: an item for each")
        table = entries
    if id_col is not None and (cut := leading_ids(table, fields, id_col) or id_then_words(table, fields, id_col)):
        table, fields, id_col = cut[0], cut[1], 0
        b.note(
            table.line,
            f"table: the id column {plain(table.headers[1])!r} opens each cell with the id; the rest is words",
        )
    if id_col is not None and (split := split_listed_ids(table, id_col)):
        table = split
        b.note(table.line, f"table: a cell of {plain(table.headers[id_col])!r} lists several ids: an item for each")
    if id_col is not None and _group_tag_rows(b, table, id_col):
        # "| US1 (Core Build) | `yarn build` succeeds |" where the tasks carry [US1]: a row per user story the tasks
        # are tagged with, a view of those groups, not items.
        b.consume(table, sec)
        b.skipped(
            table.line,
            f"table ({', '.join(plain(h) for h in table.headers)}): a row per group tag the plan's "
            "entries carry ([US1]): a view of those groups, not items",
        )
        return
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
            or _releases(table, fields, id_col)
        ):
            handle_milestones(b, table, sec, fields, id_col)
        else:
            handle_items(b, table, sec, fields, id_col, kind, defaults)
        return
    if (
        "path" in fields
        and any(f in fields for f in ("purpose", "description", "title", "status"))
        and not _stated_work(table, fields)
    ):
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
        or sized_in_points(table)
        # "| Task | Start Date | End Date | Milestone |": tasks, each with the date it is due.
        or ("target" in fields and norm_header(plain(table.headers[fields.index("title")])) in TASK_HEADERS)
        # "## Done" over "| Date | Item |": a board's column of work; the heading gives each row its state, and so
        # does one above it ("## ✅ Done" > "### Export round-trip core" over "| Item | Crate(s) | … |").
        or any(s.heading is not None and status_heading(s.bare_title) is not None for s in [sec, *sec.ancestors()])
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
    # "# Compliance Checklist" > "## Controls Matrix": any heading above may say the rows are work.
    # The plan's title too ("# Migration Registry" over "# Current Registry"): it says what the plan's tables track.
    above = [s.title for s in [sec, *sec.ancestors()] if s.heading] + [str(b.meta.get("title") or "")]
    names = work_names_column(table, fields, " / ".join(above), plain(sec.bare_title) if sec.heading else "")
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
    if board_table(b, table, sec):
        return
    b.skipped(table.line, f"table ({', '.join(plain(h) for h in table.headers)}): no id column and no known shape")


#: Headers naming a row as a piece of work: "Feature", "Task", "Story".
_WORK_HEADERS = frozenset({"feature", "features", "task", "tasks", "story", "stories", "work item", "capability"})


def _stated_work(table: Table, fields: list[str | None]) -> bool:
    """Whether a table with a path column is work with its state, not deliverables: its title column names features
    or tasks and a status column says how far each is ("| Feature | Status | Location |" over "| Call Recording | ❌
    | Not implemented |"). The path says where the work lives."""
    if "status" not in fields or "title" not in fields:
        return False
    return norm_header(table.headers[fields.index("title")]) in _WORK_HEADERS


def _phase_numbers(table: Table, fields: list[str | None]) -> int | None:
    """The phase column, when its cells number the rows apart, most of them within a phase (``1.1``, ``3.8``)."""
    if "phase" not in fields or "title" not in fields:
        return None
    col = fields.index("phase")
    cells = column_cells(table, col)
    if len(cells) < 3 or len(set(cells)) != len(cells) or not all(re.fullmatch(r"\d+(?:\.\d+)*", c) for c in cells):
        return None
    return col if sum("." in c for c in cells) * 2 > len(cells) else None


#: A release's name: ``v1.1``, ``1.2.0``, ``v2.0.0-beta``.
_VERSION = re.compile(r"^v?\d+(?:\.\d+)+(?:[-+.]\w+)?$", re.I)


def _releases(table: Table, fields: list[str | None], id_col: int) -> bool:
    """``| Version | Timeline | Theme |`` over v1.0, v1.1 …: the plan's releases (milestones), not work; a row doing
    work names who does it, its state, size or wait."""
    if norm_header(table.headers[id_col]) not in ("version", "release", "versions", "releases"):
        return False
    cells = [plain(padded_cells(table, r.cells)[id_col]).strip(" *_") for r in table.rows]
    return bool(cells) and all(_VERSION.match(c) for c in cells) and not WORK_FIELDS & set(fields)


def _group_tag_rows(b: Builder, table: Table, id_col: int) -> bool:
    """Whether every row's id (two rows at least) is a tag the plan's entries carry elsewhere (``[US1]``)."""
    ids = [cell.split()[0] if cell.split() else "" for cell in column_cells(table, id_col)]
    return len(ids) >= 2 and all(ids) and set(ids) <= group_tags(b.lines, range(table.line - 1, table.end))
