"""Which column of a table without ids or titles names the work of each row: the first column of a tracker
(``| Workstream | Owner | Status |``), a runbook's ``Step`` column, a column of deliverables, or the first column of
a table whose rows are work by their states alone (``| チェック | 状態 |`` over 済 / 未)."""

from __future__ import annotations

import re

from readiness_tui.core.importers.document.blocks import Table, plain
from readiness_tui.core.importers.tables.cells import column_cells, is_placeholder, padded_cells
from readiness_tui.core.importers.vocabulary.headers import norm_header
from readiness_tui.core.importers.vocabulary.statuses import parse_status

#: A title column that names tasks, not things: "| Task | End Date |" (where "| Release | Date |" is a calendar).
TASK_HEADERS = frozenset({"task", "tasks", "task name", "work item", "activity", "action", "action item", "to do"})
#: What a row of work is given beside its owner: a state, a size or a date.
_PLANNED = frozenset({"status", "estimate_days", "target"})
#: A heading over a table of work kept by hand: "Credential application tracker", "Launch task log".
_TRACKED = re.compile(r"\b(track(?:er|ing)?|log|ledger|register|status board|checklist|migrations?)\b", re.I)


def work_names_column(table: Table, fields: list[str | None], heading: str, own: str = "") -> int | None:
    """The first column of a table without ids or titles that names the work of each row: the table gives each
    row an owner and a status, under a heading that names work or a tracker, and the column's cells are short,
    distinct names; or, right under a heading naming tasks (``own``: "Aufgaben"), it dates each row and one column
    of no field names it. None when any of that is missing (a registry of components is no list of work)."""
    from readiness_tui.core.importers.sections.heading_words import names_work
    from readiness_tui.core.importers.sections.lead_ins import is_task_label

    free = [n for n, f in enumerate(fields) if f is None]
    if is_task_label(own) and "target" in fields and len(free) == 1 and _names(table, free[0]):
        # "## Aufgaben" over "| Datum | Event |": each row a task, due on its date.
        return free[0]

    # "| Workstream | Owner | Status |": a first column of workstreams names the work whatever the heading says (a
    # "Component" column, read as a workstream too, names the work only under a heading that says so).
    streams = norm_header(plain(table.headers[0])) in ("workstream", "workstreams", "work stream", "stream")
    steps = [n for n, h in enumerate(table.headers) if norm_header(plain(h)) in ("step", "steps") and fields[n] is None]
    if steps and "owner" in fields and _names(table, steps[0]):
        # "| Time (Day 0) | Step | Owner |" over words: a runbook's steps, each the work of its owner (a column of
        # step numbers, "| Step | Who |" over 1, 2, is their ids, read elsewhere).
        return steps[0]
    if "deliverables" in fields and "owner" in fields and any(f in fields for f in _PLANNED):
        # "| Deliverable | Owner | Estimate |", "| Week | Deliverable | Owner |": each row a piece of work, owned and
        # sized (or dated, or tracked).
        col = fields.index("deliverables")
        return col if _names(table, col) else None
    named = _filled_names(table, fields) if "status" in fields and "owner" not in fields else None
    if named is not None and _tracks_work(table, fields, named):
        # "| チェック | 状態 |" over 済 / 未 / 一部済: each row's state is of work, some of it not done: a tracker. The
        # names may stand after the state ("| Progress | Option |"), in the first column every row fills.
        return named
    if "owner" in fields and "depends_on" in fields and "status" not in fields:
        # "| Owner | Feature group | SRS | Important dependency |": each row someone's work, waiting on others; the
        # first column of no field naming every row apart in words is the work.
        return next((n for n in free if _names_work_apart(table, n)), None)
    if "owner" not in fields or "status" not in fields or fields[0] not in (None, "workstream"):
        return None
    if not streams and not (names_work(heading) or _TRACKED.search(heading)):
        return None
    # "| Module | Submodule | State |" over "Core | Logger": a first column repeating its parts' module groups them; the
    # next column of no field names each row.
    later = [n for n in range(1, len(fields)) if fields[n] is None][:1] if fields[0] == "workstream" else []
    for col in [0, *later]:
        # A part left unnamed ("| main | | Done |") is its module's own row, named by the module (``tables.items``).
        names = [n for n in column_cells(table, col) if n or not col]
        if len(names) >= 2 and len(set(names)) == len(names) and all(n and len(n.split()) <= 6 for n in names):
            return col
    return None


#: A cell that is a file's path: ``docs/api.md``, ``README.md``.
_FILE = re.compile(r"^`?[\w.-]+(?:/[\w.-]+)*\.[A-Za-z]{1,5}`?$")


def _filled_names(table: Table, fields: list[str | None]) -> int | None:
    """The column naming a tracker's rows: the first when it is of no field; where the state leads each row
    (``| Progress | Option |``), the first column of no field that every row fills. A key of states, each stated
    once (``| Status Code | Description | Color Code |``), names none."""
    if fields[0] is None:
        return 0
    states = column_cells(table, 0)
    if fields[0] != "status" or len(set(states)) == len(states):
        return None
    return next((n for n, f in enumerate(fields) if f is None and all(column_cells(table, n))), None)


def _tracks_work(table: Table, fields: list[str | None], col: int = 0) -> bool:
    """Whether a table's rows are work by their states alone: its column ``col`` short, distinct names, its status
    column a state of work in three rows in four at least, and one row at least not done (a table of facts all
    "obtained" or "live" records what is, not what is to do)."""
    scol = fields.index("status")
    rows = [[plain(c).strip() for c in padded_cells(table, r.cells)] for r in table.rows]
    states = [parse_status(row[scol]) for row in rows]
    names = [row[col] for row in rows]
    # "| 文档 | 状态 | 路径 |" over docs/api.md: the plan's documents and how far each is, a register of files.
    files = any(all(_FILE.match(row[n]) for row in rows) for n in range(len(table.headers)))
    return (
        not files
        and _names(table, col)
        and all(len(n.split()) <= 8 for n in names)
        and sum(s is not None for s in states) * 4 >= len(states) * 3
        and any(s not in (None, "done", "cancelled") for s in states)
    )


def named_column(table: Table, fields: list[str | None]) -> int | None:
    """The first column whose cells (two or more) are distinct names, of no field that is not one: the titles of a
    table a person said holds items (``[sections] "文档清单" = "items"`` over ``| 文档 | 状态 | 路径 |``)."""
    return next(
        (n for n, f in enumerate(fields) if f in (None, "description", "deliverables", "links") and _names(table, n)),
        None,
    )


def _names_work_apart(table: Table, col: int) -> bool:
    """Whether a column names every row apart in words, most in three words or more, none a code."""
    cells = column_cells(table, col)
    return (
        len(cells) >= 2
        and all(cells)
        and len(set(cells)) == len(cells)
        and 2 * sum(len(c.split()) >= 3 for c in cells) > len(cells)
    )


def _names(table: Table, col: int) -> bool:
    """Whether a column's cells (two or more) are distinct words, none a bare number."""
    # Rows still to be named ("↳ tbd") are no names, and may repeat.
    cells = [c for r in table.rows if not is_placeholder(c := plain(padded_cells(table, r.cells)[col]).strip())]
    return len(cells) >= 2 and len(set(cells)) == len(cells) and all(c and not c.rstrip(".").isdigit() for c in cells)


#: A column sizing each row's work in points: "Story points", "Puntos de historia" ("SP" alone is as often a phase's
#: sum over a summary table).
_POINTS_HEADERS = frozenset({"story points", "story point", "puntos de historia", "pontos de história", "story punkte"})
#: A title column naming stories or tasks, which points size: "User story", "Story", "Task".
_SIZED_WORK = frozenset({"user story", "user stories", "story", "stories", "task", "tasks", "historia de usuario"})


def sized_in_points(table: Table) -> bool:
    """Whether the table gives each row its story points (``| User story | Story points |`` over ``| … | 3 |``): a
    sprint's stories, work even without a status or an owner (the points are kept beside each, not a priority)."""
    if not any(norm_header(h) in _SIZED_WORK for h in table.headers):
        return False
    for n, header in enumerate(table.headers):
        if norm_header(header) in _POINTS_HEADERS:
            given = [c for c in column_cells(table, n) if c not in ("", "—", "–", "-")]
            return bool(given) and all(re.fullmatch(r"~?\d+(?:\.\d+)?", c) for c in given)
    return False
