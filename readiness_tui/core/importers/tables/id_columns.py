"""Which column of a table names its rows: the column of ids (by its header, else by its cells), how an id cell is
read (several issue numbers, an id opening the words of a title), and the signs that a column taken for ids holds
none (names of work, a group repeated down the rows, numbers pointing into another document)."""

from __future__ import annotations

import re

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.document.blocks import Section, Table, TableRow, plain
from readiness_tui.core.importers.guided.recipe import chosen_id, chosen_label
from readiness_tui.core.importers.references.ids import CAPS_ID_RE, DAY_FIRST_DATE, NUMBERED_SLUG, is_id
from readiness_tui.core.importers.references.refs import parse_refs
from readiness_tui.core.importers.tables.cells import column_cells, is_placeholder, padded_cells
from readiness_tui.core.importers.tables.columns import WORK_SIGNS, is_total
from readiness_tui.core.importers.tables.id_cells import split_id_cell
from readiness_tui.core.importers.vocabulary.headers import norm_header, own_field
from readiness_tui.core.importers.vocabulary.statuses import parse_status


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
        vals = [v for r in table.rows if not is_total(v := plain(padded_cells(table, r.cells)[n]))]
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


def reference_numbers(b: Builder, table: Table, fields: list[str | None], id_col: int, sec: Section) -> bool:
    """Whether a table keyed by bare numbers stands beside a plan whose work rows carry named ids, with no field of
    work of its own (see ``handle_table``); never where the person labelled the table items."""
    if b.named_id_rows < 2 or any(f in fields for f in WORK_SIGNS) or chosen_label(sec) == "items":
        return False
    rows = [padded_cells(table, r.cells) for r in table.rows]
    numbers = {plain(c[id_col]).strip() for c in rows}
    if not all(n.isdigit() for n in numbers):
        return False
    # "| 04 | Cycle counts | Epics 01-03 |": rows ordered among themselves are work, whatever else they lack.
    deps = [n for n, f in enumerate(fields) if f == "depends_on"]
    return not any(numbers & set(parse_refs(c[n]).ids) for c in rows for n in deps)
