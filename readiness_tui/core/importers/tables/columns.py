"""Which column of a table is what: each header's field, the column of row ids (by its header, else by its cells),
and the signs that a column taken for ids holds none (state marks, periods of the plan, a closing total, names of
work, a group repeated down the rows, numbers pointing into another document)."""

from __future__ import annotations

import re
from itertools import groupby

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.document.blocks import Section, Table, TableRow, plain
from readiness_tui.core.importers.guided.recipe import RECIPE, chosen_id, chosen_label
from readiness_tui.core.importers.references.ids import CAPS_ID_RE, DAY_FIRST_DATE, NUMBERED_SLUG, is_id
from readiness_tui.core.importers.references.refs import parse_refs
from readiness_tui.core.importers.tables.cells import column_cells, is_linklike, is_placeholder, padded_cells
from readiness_tui.core.importers.tables.reshape import split_id_cell
from readiness_tui.core.importers.vocabulary.headers import (
    TITLE_RANK,
    WORK_FIELDS,
    header_field,
    norm_header,
    own_field,
)
from readiness_tui.core.importers.vocabulary.statuses import parse_status

_TOTAL = re.compile(r"^\W*(?:total|totals|sum|gesamt|totaal|totale|итого|合计|合計|합계)\W*$", re.I)


def is_total(cell: str) -> bool:
    """Whether a cell is a closing "**Total**" label: its row sums the rows above, it is no row of work."""
    return bool(_TOTAL.match(plain(cell)))


def _worded(table: Table, skip: int) -> bool:
    """Whether a column other than ``skip`` holds words on most rows: rows of work are named, a table of counts per
    layer (``| L1_IF | 50+ | 49 | 75% |``) is not."""
    for n in range(len(table.headers)):
        cells = [plain(padded_cells(table, r.cells)[n]) for r in table.rows]
        if n != skip and sum(1 for c in cells if any(ch.isalpha() for ch in c)) * 2 > len(cells):
            return True
    return False


#: Columns whose header says what their cells measure or name: never the rows' ids by the cells' shape alone.
_VALUE_FIELDS = ("estimate_days", "owner", "status", "score")


def id_column(table: Table, fields: list[str | None]) -> int | None:
    """The column of the rows' ids: the one headed so, else one of the first two whose cells are distinct ids."""
    for n, f in enumerate(fields):
        if f == "id":
            return n
    # "| Issue | Titel | Blockiert durch |" over #22, #20…: a first column of bare issue numbers names the rows (a
    # link, "[#2](…/issues/2)", points at the tracker, and another column may name the row).
    if fields and fields[0] == "links" and _named_ids_column(table) is None:
        # "| #325, #324, #326 | ... |": one row for several pull requests that did the same (see ``split_listed_ids``).
        refs = [r for row in table.rows for r in _listed_refs(padded_cells(table, row.cells)[0])]
        if len(refs) >= 2 and all(refs) and len(set(refs)) == len(refs):
            return 0
    # "| | Step | Owner |" over 1, 2, 3…: a first column with no header, numbering the rows, is "#" left unnamed.
    if table.headers and not plain(table.headers[0]).strip():
        nums = [plain(padded_cells(table, r.cells)[0]) for r in table.rows]
        if len(nums) >= 2 and all(v.isdigit() for v in nums) and len(set(nums)) == len(nums):
            return 0
    # "| Priority | Backlog |" over 1, 2 … 9 in turn: a stack rank, more levels than any scale has; it numbers the rows.
    for n, f in enumerate(fields):
        vals = column_cells(table, n)
        if f == "priority" and len(vals) >= 5 and vals == [str(k) for k in range(1, len(vals) + 1)]:
            return n
    # No header says "id": a column whose values are all distinct ids (not one of references to other items).
    for n in range(min(2, len(table.headers))):
        if fields[n] in ("depends_on", "soft_depends_on", "mitigated_by"):
            continue
        if fields[n] in _VALUE_FIELDS:
            continue  # "| Phase | Duration |" over "M1-M3": a span of months, however like an id it looks
        # The first cell of every row opens with an id ("[#2 Fix export](…)"): that names the row, and a later
        # column of ids ("FR-CI-01") holds what the row refers to.
        if n and all(split_id_cell(r.cells[0]) for r in table.rows if r.cells):
            continue
        # A closing "**Total**" row sums the others; it names no row of work.
        vals = [v for r in table.rows if not _TOTAL.match(v := plain(padded_cells(table, r.cells)[n]))]
        if fields[n] == "priority" and all(re.fullmatch(r"P[0-5]", v) for v in vals):
            continue  # "| Priority | Count |" over P0..P3: a summary by level, not rows of work
        if (
            vals
            and all(
                is_id(v) and ("-" in v or "." in v or v[0].isalpha()) and not re.fullmatch(DAY_FIRST_DATE, v)
                for v in vals
            )
            and len(set(vals)) == len(vals)
            and _worded(table, n)
        ):
            return n
    # "[01-design-tokens](specs/01-design-tokens/spec.md)": a first column naming each row by a numbered slug.
    vals = [plain(padded_cells(table, r.cells)[0]) for r in table.rows]
    if len(vals) >= 2 and all(NUMBERED_SLUG.match(v) for v in vals) and len(set(vals)) == len(vals):
        return 0
    return None


def _named_ids_column(table: Table) -> int | None:
    """The second or third column when every row holds a distinct named id there, alone (``TASK-002``): in
    ``| PR | Task | Branch |`` over #346, TASK-002 the pull request's number points at the tracker; the task's id
    names the row."""
    for n in range(1, min(3, len(table.headers))):
        vals = column_cells(table, n)
        if len(vals) >= 2 and all(CAPS_ID_RE.match(v) for v in vals) and len(set(vals)) == len(vals):
            return n
    return None


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


#: A slug an ID column may hold: ``ENA-DomainClaims-Email``, ``ST-P1-Private-Suggestions`` (no space, a capital start).
SLUG_ID = re.compile(r"[A-Z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)+(?:[-_.][A-Za-z0-9]+)*")


def slug_ids(table: Table, col: int) -> bool:
    """Whether a column headed ID holds slugs on every row, each once: the plan names its items so."""
    if norm_header(plain(table.headers[col])) not in ("id", "ids", "key", "story id", "task id"):
        return False
    cells = column_cells(table, col)
    return len(cells) >= 2 and len(set(cells)) == len(cells) and all(SLUG_ID.fullmatch(c) for c in cells)


def marks_only(table: Table, col: int) -> bool:
    """Whether every cell of a column is a state mark alone (✅, ❌, 🚧): no letter or digit in any."""
    cells = column_cells(table, col)
    return bool(cells) and all(c and not any(ch.isalnum() for ch in c) and parse_status(c) for c in cells)


#: A cell of issue numbers: ``#301``, ``#325, #324, #326``, ``#12 and #13``.
_LISTED_REFS = re.compile(r"#\d+(?:\s*(?:,|&|\band\b)\s*#\d+)*")


def _listed_refs(cell: str) -> list[str]:
    """The issue numbers a cell lists (``#325, #324`` -> both); ``[""]`` when the cell is anything else."""
    text = cell.strip().strip("*_")
    return re.findall(r"#\d+", text) if _LISTED_REFS.fullmatch(text) else [""]


def split_listed_ids(table: Table, id_col: int) -> Table | None:
    """The table with a row for each issue number of an id cell that lists several (``| #325, #324 | Bump the SDK
    |``): each was its own piece of work, done alike. None when no cell lists more than one."""
    rows: list[TableRow] = []
    for row in table.rows:
        cells = padded_cells(table, row.cells)
        refs = _listed_refs(cells[id_col])
        rows += [TableRow(row.line, [*cells[:id_col], ref, *cells[id_col + 1 :]]) for ref in refs if len(refs) > 1]
        rows += [row] if len(refs) < 2 else []
    return Table(table.line, table.end, table.headers, rows) if len(rows) > len(table.rows) else None


def leading_ids(table: Table, fields: list[str | None], id_col: int) -> tuple[Table, list[str | None]] | None:
    """The table with its id column cut in two, when a person said the column is the id (``[columns] "Task" =
    "id"``) and its cells open with an id before the words (``F1 bootstrap/env/auth``): the id, then the words as
    the title (if no other column is one). None when the header says "id" by itself, when every cell is one
    word, or when fewer than half the cells open with an id."""
    header = table.headers[id_col]
    if own_field(header) == "id":
        return None  # "| ID |" over "DQ-1 identity model": the person said nothing new of this column
    cells = column_cells(table, id_col)
    if not any(" " in c for c in cells) or not all(chosen_id(header, c.split(maxsplit=1)[0]) for c in cells if c):
        return None
    heads = [c.split(maxsplit=1) for c in cells]
    opened = [len(h) == 2 and is_id(h[0]) for h in heads]
    if sum(opened) * 2 < len(heads):
        return None
    return _cut(table, fields, id_col, heads, opened, cells)


def id_then_words(table: Table, fields: list[str | None], id_col: int) -> tuple[Table, list[str | None]] | None:
    """The table with its id column cut in two when most of its cells open with an id and go on in words
    (``| Ticket |`` over ``T-0001 Scaffold repo``): the id, then the words, the title if no other column is one.
    None when the cells are ids alone (the usual case) or fewer than half of them open with one."""
    cells = column_cells(table, id_col)
    heads = [c.split(maxsplit=1) for c in cells]
    opened = [len(h) == 2 and is_id(h[0].rstrip(":")) for h in heads]
    if sum(opened) * 2 < len(heads) or sum(opened) < 2:
        return None
    heads = [[h[0].rstrip(":"), h[1].lstrip("—–-: ")] if ok else h for h, ok in zip(heads, opened, strict=True)]
    marked = [h[1] for h, ok in zip(heads, opened, strict=True) if ok]
    if all(not any(ch.isalnum() for ch in m) and not parse_status(m) for m in marked):
        return None  # "| 1A.7 ⭐ |" beside "| 1A.6 |": a mark the plan sets by some ids, no words (``struck_id``)
    if all(not any(ch.isalnum() for ch in m) and parse_status(m) for m in marked):
        # "| PCI-01 ✅ |" beside "| PCI-09 |": the id and a mark of its state, not a title; a bare id keeps its row.
        bare = [len(h) == 1 and is_id(h[0]) for h in heads]
        heads = [[h[0], ""] if b else h for h, b in zip(heads, bare, strict=True)]
        return _cut(table, fields, id_col, heads, [o or b for o, b in zip(opened, bare, strict=True)], cells, "status")
    return _cut(table, fields, id_col, heads, opened, cells)


def _cut(
    table: Table,
    fields: list[str | None],
    id_col: int,
    heads: list[list[str]],
    opened: list[bool],
    cells: list[str],
    rest: str = "title",
) -> tuple[Table, list[str | None]]:
    header = table.headers[id_col]
    # A cell that opens with no id ("Whole V1 review") gives its row no id: reported, as any row without one.
    rows = [
        TableRow(r.line, [h[0] if ok else "", *padded_cells(table, r.cells)[:id_col], h[1] if ok else cell,
                          *padded_cells(table, r.cells)[id_col + 1 :]])
        for r, h, ok, cell in zip(table.rows, heads, opened, cells, strict=True)
    ]  # fmt: skip
    new_fields: list[str | None] = [
        "id",
        *fields[:id_col],
        None if rest in fields else rest,
        *fields[id_col + 1 :],
    ]
    headers = ["ID", *table.headers[:id_col], header, *table.headers[id_col + 1 :]]
    return Table(table.line, table.end, headers, rows), new_fields


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
_WORK_SIGNS = ("owner", "status", "priority", "estimate_days", "target", "score")


def reference_numbers(b: Builder, table: Table, fields: list[str | None], id_col: int, sec: Section) -> bool:
    """Whether a table keyed by bare numbers stands beside a plan whose work rows carry named ids, with no field of
    work of its own (see ``handle_table``); never where the person labelled the table items."""
    if b.named_id_rows < 2 or any(f in fields for f in _WORK_SIGNS) or chosen_label(sec) == "items":
        return False
    rows = [padded_cells(table, r.cells) for r in table.rows]
    numbers = {plain(c[id_col]).strip() for c in rows}
    if not all(n.isdigit() for n in numbers):
        return False
    # "| 04 | Cycle counts | Epics 01-03 |": rows ordered among themselves are work, whatever else they lack.
    deps = [n for n, f in enumerate(fields) if f == "depends_on"]
    return not any(numbers & set(parse_refs(c[n]).ids) for c in rows for n in deps)


def names_not_ids(table: Table, id_col: int) -> bool:
    """Whether a column taken for ids holds names of work instead: no cell opens with an id, most have words."""
    cells = [plain(padded_cells(table, r.cells)[id_col]).strip().strip("~*_ ") for r in table.rows]
    cells = [c for c in cells if c]
    if len(cells) < 2 or any(is_id(c.split()[0].rstrip(":")) or c.isdigit() for c in cells):
        return False
    if any(re.fullmatch(r"\S+\s+\d+(?:\.\d+)*", c) for c in cells):
        return False  # "Risk 1.1", "Riesgo 3": an id written as a word and its number
    return sum(1 for c in cells if len(c.split()) >= 2) * 2 > len(cells)


def repeats_down(table: Table, fields: list[str | None], id_col: int) -> bool:
    """Whether column ``id_col`` repeats a few values down many rows that another column names each apart."""
    if "title" not in fields or len(table.rows) < 4:
        return False
    cells = [padded_cells(table, r.cells) for r in table.rows]
    # "—" where a row has no id is a gap, not a group every such row shares.
    ids = [v for c in cells if (v := plain(c[id_col]).strip()) and not is_placeholder(v)]
    titles = [plain(c[fields.index("title")]).strip() for c in cells]
    return len(set(ids)) * 2 <= len(ids) and len(set(titles)) == len(titles)


def numbered_phases(table: Table, fields: list[str | None], lines: list[str]) -> int | None:
    """The column naming the work of a table whose rows are numbered phases, stages or steps
    (``| Fase | Descripción | Tiempo | Estado |`` over 1, 2 … 14), each with a field of work, in a plan where no
    heading opens with the column's word and a number: the phases are the plan's only units of work, and their
    numbers their ids. None for any other table (a plan that writes each phase out holds its work there)."""
    if not fields or fields[0] != "phase" or "id" in fields or "title" in fields:
        return None
    if not any(f in fields for f in _WORK_SIGNS):
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
