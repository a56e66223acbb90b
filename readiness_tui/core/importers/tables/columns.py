"""Which column of a table is what: each header's field (the title among several worded columns), the rows that
are periods of the plan or numbered phases, a closing total. The column naming the rows is ``id_columns``."""

from __future__ import annotations

import re
from itertools import groupby

from readiness_tui.core.importers.document.blocks import Table, plain
from readiness_tui.core.importers.guided.recipe import RECIPE
from readiness_tui.core.importers.tables.cells import column_cells, is_linklike, padded_cells
from readiness_tui.core.importers.vocabulary.headers import (
    TITLE_RANK,
    WORK_FIELDS,
    header_field,
    norm_header,
)

_TOTAL = re.compile(r"^\W*(?:total|totals|sum|gesamt|totaal|totale|итого|合计|合計|합계)\W*$", re.I)


def is_total(cell: str) -> bool:
    """Whether a cell is a closing "**Total**" label: its row sums the rows above, it is no row of work."""
    return bool(_TOTAL.match(plain(cell)))


def classify_fields(table: Table) -> list[str | None]:
    fields = [header_field(h) for h in table.headers]
    recipe = RECIPE.get()
    # A column the person relabelled is what they said, whatever its header word ranks as.
    said = {n for n, h in enumerate(table.headers) if recipe is not None and recipe.column(h) not in (None, "title")}
    titleish = [
        n
        for n, h in enumerate(table.headers)
        if n not in said and (norm_header(h) in TITLE_RANK or fields[n] == "title")
    ]
    # Columns of issue references ("#2") are links, whatever their header says.
    for n in list(titleish):
        vals = [plain(padded_cells(table, r.cells)[n]) for r in table.rows if plain(padded_cells(table, r.cells)[n])]
        if vals and all(is_linklike(v) for v in vals):
            fields[n] = "links"
            titleish.remove(n)
    # "| Risk |" over H, M, L in a task table rates the row; codes of a few letters name no work ("| Milestone |"
    # over M1, M2 says which milestone the row is in) when another such column has words.
    coded = [n for n in titleish if short_codes(table, n)]
    for n in coded if len(coded) < len(titleish) else []:
        titleish.remove(n)
        if fields[n] == "title":
            fields[n] = "milestone" if norm_header(table.headers[n]) == "milestone" else None
    if titleish:
        best = min(titleish, key=lambda n: _title_rank(table.headers[n]))
        for n in titleish:
            if n != best and fields[n] == "title":
                # "| ID | Milestone | Task |": beside the work's name, the milestone column says which one it is in.
                fields[n] = "milestone" if norm_header(table.headers[n]) == "milestone" else "description"
        fields[best] = "title"
    elif "description" in fields and _leads_the_row(fields, fields.index("description")):
        fields[fields.index("description")] = "title"
    elif (
        "mitigated_by" in fields
        and not {"severity", "likelihood"} & set(fields)
        and WORK_FIELDS & set(fields)
        and _names_each_row(table, fields.index("mitigated_by"))
    ):
        # "| Woche | Tasks | Asignee | Status |": in a table rating no risk, its tasks are the rows' work, not what
        # mitigates one.
        fields[fields.index("mitigated_by")] = "title"
    elif "status" in fields and "gate.verify" in fields and _named_checks(table, fields.index("gate.verify")):
        # "| # | Check | Status |" in a release checklist: each check is the row's work, written in words.
        fields[fields.index("gate.verify")] = "title"
    elif "workstream" in fields and "description" in fields and _named_work(table, fields):
        # "| Priority | Category | Description | Effort |" over "Legacy patterns", "Dead code": each row a piece of
        # work, its category its name (every row's another) and the description what to do.
        fields[fields.index("workstream")] = "title"
    if "id" not in fields and "title" in fields and "description" in fields:
        # "| Task | Description | Depends On |" over 001, 006a: the task column numbers the rows (their dependencies
        # name those numbers); the description says what each does.
        at, said_what = fields.index("title"), fields.index("description")
        if _task_numbers(table, at) and _names_each_row(table, said_what):
            fields[at], fields[said_what] = "id", "title"
    if "title" in fields and _groups_runs(table, at := fields.index("title")):
        # "| Develop plan | Appoint senior staff |", "| Develop plan | Prepare the manuals |": a title column that
        # repeats its value down runs of rows groups them; the column naming each row apart is its work. A column
        # of no field after it ("| Task | Subtask |") names each row apart within its group: "Write unit tests"
        # may end every task's run.
        described = fields.index("description") if "description" in fields else None
        named = [n for n in range(at + 1, len(fields)) if fields[n] is None and n not in said]
        words = described if described is not None and _names_each_row(table, described) else None
        words = words if words is not None else next((n for n in named if _names_each_row(table, n, at)), None)
        if words is not None:
            fields[at], fields[words] = ("workstream" if "workstream" not in fields else None), "title"
    # Several id-like columns ("#" numbering and "ID"): the one holding real ids wins.
    id_cols = [n for n, f in enumerate(fields) if f == "id"]
    if len(id_cols) > 1:

        def realness(n: int) -> int:
            vals = [plain(padded_cells(table, r.cells)[n]) for r in table.rows]
            return sum(1 for v in vals if any(c.isalpha() for c in v) or "." in v)

        best_id = max(id_cols, key=lambda n: (realness(n), norm_header(table.headers[n]) not in ("#", "no", "nr")))
        for n in id_cols:
            if n != best_id:
                fields[n] = None
    # "| Rank | ID | Story | Priority |": the column named priority is the priority; the rank orders the rows.
    ranked = [n for n, f in enumerate(fields) if f == "priority"]
    named = [n for n in ranked if "prio" in norm_header(table.headers[n])]
    if len(ranked) > 1 and named:
        for n in ranked:
            if n != named[0]:
                fields[n] = None
    # A second column mapping to the same field keeps its value as custom.
    seen: set[str] = set()
    for n, f in enumerate(fields):
        if f is None:
            continue
        if f in seen and f not in ("description", "notes"):
            fields[n] = None
        seen.add(f)
    return fields


def _groups_runs(table: Table, n: int) -> bool:
    """Whether column ``n`` repeats each of its values in one run of rows, runs of two rows or more holding half the
    rows at least, two such runs at least: it names groups of rows, not each row."""
    values = column_cells(table, n)
    runs = [len(list(run)) for _, run in groupby(values)]
    if len(values) < 4 or len(runs) != len(set(values)) or "" in values:
        return False
    long = [r for r in runs if r > 1]
    return len(long) >= 2 and 2 * sum(long) >= len(values)


def _task_numbers(table: Table, n: int) -> bool:
    """Whether column ``n`` holds a distinct task number on every row (``001``, ``006a``), two rows at least."""
    values = column_cells(table, n)
    return (
        len(values) >= 2
        and len(values) == len(table.rows)
        and all(re.fullmatch(r"\d{1,4}[a-z]?", v) for v in values)
        and len(set(values)) == len(values)
    )


def _names_each_row(table: Table, n: int, within: int | None = None) -> bool:
    """Whether column ``n`` names every row apart (of those in one run of column ``within``, when given), mostly in
    words (two or more)."""
    values = column_cells(table, n)
    groups = column_cells(table, within) if within is not None else [""] * len(values)
    apart = all(
        len(set(run)) == len(run)
        for run in ([v for _, v in g] for _, g in groupby(zip(groups, values), key=lambda gv: gv[0]))
    )
    return all(values) and apart and 2 * sum(len(v.split()) >= 2 for v in values) > len(values)


def short_codes(table: Table, n: int) -> bool:
    """Whether column ``n`` holds only codes of a few letters (``H``, ``FS``, ``P1``, ``—``): a scale or a kind."""
    vals = column_cells(table, n)
    return bool(vals) and all(len(v) <= 3 and " " not in v for v in vals)


def _title_rank(header: str) -> int:
    """Best first: the English ranking, then a title word of another language (in column order)."""
    h = norm_header(header)
    return TITLE_RANK.index(h) if h in TITLE_RANK else len(TITLE_RANK)


def _named_checks(table: Table, n: int) -> bool:
    """Whether column ``n`` is headed "Check" and says in words what each row checks ("**Lint** - `pnpm lint` exits
    0"), not the command alone: the checks of a checklist, not the verify commands of a tracker's rows."""
    if norm_header(table.headers[n]) not in ("check", "checks", "check item"):
        return False
    cells = column_cells(table, n)
    return bool(cells) and all(len(re.findall(r"[^\W\d_]{2,}", c)) >= 3 for c in cells)


def _named_work(table: Table, fields: list[str | None]) -> bool:
    """Whether the rows are work (a priority, a score or an estimate of their own: what an inventory of parts, each
    with its state and owner, has not) and the workstream column names each apart: the rows are named by it."""
    if not any(f in fields for f in ("priority", "estimate_days", "score")):
        return False
    names = column_cells(table, fields.index("workstream"))
    return len(names) >= 2 and all(names) and len(set(names)) == len(names)


def _leads_the_row(fields: list[str | None], n: int) -> bool:
    """A description column names the row's work only when nothing but an id comes before it: after a first
    column of its own (a component, a file) the rows describe those things, an inventory."""
    return all(f == "id" for f in fields[:n])


#: A period of the plan and its number, opening a cell or a heading: "Sprint 1-2: ...", "Phase 2", "Fase 3".
PERIOD = re.compile(
    r"^(?P<word>sprint|phase|wave|stage|week|iteration|increment|fase|etapa|uge|vecka|woche|semaine|semana)\s*"
    r"(?P<num>\d+)\b",
    re.I,
)


def rows_are_periods(table: Table, fields: list[str | None]) -> bool:
    """Whether every row opens with a period of the plan (``**Sprint 1**``, ``Phase 2``) under a phase column."""
    cells = [plain(padded_cells(table, r.cells)[0]).strip("*_ ") for r in table.rows]
    return fields[0] == "phase" and bool(cells) and all(PERIOD.match(c) for c in cells)


def estimated(table: Table, fields: list[str | None]) -> bool:
    """Whether the table gives each row an estimate ("2 год", "30 min", "3d"): "| Task | Blocker | Estimate |" is
    a list of work even without a status or an owner."""
    if "estimate_days" not in fields:
        return False
    n = fields.index("estimate_days")
    cells = column_cells(table, n)
    given = [c for c in cells if c not in ("", "—", "–", "-")]
    return bool(given) and all(re.match(r"^~?\d", c) for c in given)


#: What makes a table's rows work to do: someone on it, a state, a rank, an effort or a date.
WORK_SIGNS = ("owner", "status", "priority", "estimate_days", "target", "score")


def numbered_phases(table: Table, fields: list[str | None], lines: list[str]) -> int | None:
    """The column naming the work of a table whose rows are numbered phases, stages or steps
    (``| Fase | Descripción | Tiempo | Estado |`` over 1, 2 … 14), each with a field of work, in a plan where no
    heading opens with the column's word and a number: the phases are the plan's only units of work, and their
    numbers their ids. None for any other table (a plan that writes each phase out holds its work there)."""
    if not fields or fields[0] != "phase" or "id" in fields or "title" in fields:
        return None
    if not any(f in fields for f in WORK_SIGNS):
        return None
    nums = [plain(padded_cells(table, r.cells)[0]).strip("*_ ") for r in table.rows]
    if (
        len(nums) < 2
        or not nums[0].isdigit()
        or nums != [str(k) for k in range(int(nums[0]), int(nums[0]) + len(nums))]
    ):
        return None
    word = re.escape(norm_header(table.headers[0]))
    if any(re.match(rf"#{{1,6}}\s+\W*{word}\s+\d", ln, re.I) for ln in lines):
        return None
    texts = (n for n, f in enumerate(fields) if f in (None, "description") and n)
    return next(
        (n for n in texts if any(len(plain(padded_cells(table, r.cells)[n]).split()) > 1 for r in table.rows)), None
    )
