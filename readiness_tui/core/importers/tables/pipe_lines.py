"""Pipe-separated lines Markdown reads as no table, read as the table they are.

``T-1 | P0 | DONE | ana | Fix login | -`` lines (no leading or trailing pipe, no ``---`` row) are one
paragraph to Markdown. They are a table when a nearby line names their columns (``Columns: `ID | Priority |
Status``` above them, in their section or one they are under) or their first line is a row of header words,
the header words map to known fields with an id column among them, and every line carries an id in that
column. Anything less certain is reported and left as text: a wrong guess would invent items.

A table whose delimiter row miscounts its columns (nine headers over eight ``---`` cells) is one paragraph to
Markdown too: its rows are read as a well-formed table's are, each cut or filled to the header's cells.
"""

from __future__ import annotations

import re

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.document.blocks import Block, Paragraph, Section, Table, TableRow, plain
from readiness_tui.core.importers.document.parse import split_row
from readiness_tui.core.importers.references.ids import is_id
from readiness_tui.core.importers.vocabulary.headers import header_field

#: ``Columns: `ID | Title | Status``` (also Fields, Format, Header): the names of the columns of lines below.
_COLUMNS_LINE = re.compile(
    r"(?:^|(?<=[.!?])\s+)(?:columns?|fields|format|headers?|schema)\s*:\s*(?P<cols>[^|]+(?:\|[^|]+)+)$", re.I
)
#: Fewer columns than this is a sentence with a pipe in it, not a row.
_MIN_COLUMNS = 3


def _columns_of(par: Paragraph) -> list[str] | None:
    """The column names a ``Columns: ...`` paragraph gives, or None when it is not one."""
    text = plain(par.text)
    m = _COLUMNS_LINE.search(text) if "\n" not in par.text.strip() else None
    if not m:
        return None
    cols = [c.strip() for c in m.group("cols").split("|")]
    return cols if len(cols) >= _MIN_COLUMNS and all(cols) else None


def _usable_header(headers: list[str]) -> str | None:
    """Why these header words cannot name a table's columns, or None when they can."""
    fields = [header_field(h) for h in headers]
    unknown = [h for h, f in zip(headers, fields) if f is None]
    if len(unknown) * 2 >= len(headers):
        return f"most column names ({', '.join(unknown)}) are no known field"
    return None


def _id_column(headers: list[str], rows: list[tuple[int, list[str]]]) -> int | None:
    """The column headed as the id, else the first or second whose every cell is an id with a digit."""
    fields = [header_field(h) for h in headers]
    candidates = [fields.index("id")] if "id" in fields else [0, 1]
    for n in candidates:
        vals = [plain(cells[n]) for _, cells in rows]
        if all(is_id(v) and any(c.isdigit() for c in v) for v in vals) and len(set(vals)) == len(vals):
            return n
    return None


#: A table's delimiter row: ``|---|:---:|---|``.
_DELIMITER = re.compile(r"\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?")


def _as_table(par: Paragraph, columns: list[str] | None) -> Table | str | None:
    """The table these lines are, a reason they are not one (reported), or None when they are no pipe lines."""
    lines = par.text.strip().split("\n")
    rows = [(par.line + n, split_row(ln)) for n, ln in enumerate(lines)]
    if len(lines) > 2 and _DELIMITER.fullmatch(lines[1].strip()) and len(rows[0][1]) >= _MIN_COLUMNS:
        # A table whose delimiter row miscounts its columns (Markdown then reads none): read it as it would read a
        # well-formed one, each row cut or filled to the header's cells.
        width = len(rows[0][1])
        body = [(line, (cells + [""] * width)[:width]) for line, cells in rows[2:]]
        return Table(par.line, par.end, [plain(c) for c in rows[0][1]], [TableRow(line, c) for line, c in body])
    own = _COLUMNS_LINE.search(plain(lines[0]))
    if own and len(lines) > 1:
        # The line naming the columns opens the paragraph, the rows follow without a blank line.
        columns, rows = [c.strip() for c in own.group("cols").split("|")], rows[1:]
    if not all(len(cells) >= _MIN_COLUMNS for _, cells in rows):
        return None
    headers = columns
    if headers is None or len(rows[0][1]) != len(headers):
        first = [plain(c) for c in rows[0][1]]
        if _usable_header(first) is None and not any(is_id(c) for c in first):
            headers, rows = first, rows[1:]
        elif headers is None:
            return "pipe-separated lines with no line naming their columns"
    if not rows:
        return "pipe-separated header words with no rows under them"
    why = _usable_header(headers)
    if why:
        return f"pipe-separated lines whose column names do not fit: {why}"
    if any(len(cells) != len(headers) for _, cells in rows):
        return f"pipe-separated lines with other than {len(headers)} cells ({' | '.join(headers)})"
    id_col = _id_column(headers, rows)
    if id_col is None:
        return f"pipe-separated lines with no column of ids ({' | '.join(headers)})"
    return Table(par.line, par.end, headers, [TableRow(line, cells) for line, cells in rows])


def read_pipe_lines(b: Builder, root: Section) -> None:
    """Replace each paragraph of pipe lines that is a table by that table (reported), before the walk."""

    def visit(sec: Section, columns: list[str] | None, columns_line: Paragraph | None) -> None:
        blocks: list[Block] = []
        for blk in sec.blocks:
            if isinstance(blk, Paragraph):
                named = _columns_of(blk)
                if named:
                    columns, columns_line = named, blk
                    blocks.append(blk)
                    continue
                got = _as_table(blk, columns)
                if isinstance(got, Table):
                    b.note(blk.line, f"pipe-separated lines read as a table ({' | '.join(got.headers)})")
                    if columns_line is not None and got.headers == columns and id(columns_line) not in b.used_blocks:
                        b.consume(columns_line)
                        b.used(columns_line.line, "line naming the columns of the pipe-separated lines below")
                    blocks.append(got)
                    continue
                if isinstance(got, str):
                    b.skipped(blk.line, got + "; kept as text")
            blocks.append(blk)
        sec.blocks = blocks
        for child in sec.children:
            visit(child, columns, columns_line)

    visit(root, None, None)
