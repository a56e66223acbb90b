"""A RACI matrix: a table of work whose other columns are people, each cell a letter saying their part::

    | Task / Activity | Thom | Austin | Stuart |
    |-----------------|------|--------|--------|
    | Project Charter |  R   |   C    |   C    |
    | User Stories    |  A   |   R    |   C    |

Each row is an item: the person marked R (responsible) owns it, the others marked R help (contributors); who is
accountable, consulted and informed is kept in the item's custom fields, as written.
"""

from __future__ import annotations

import re

from readiness_tui.core.importers.document.blocks import Table, TableRow
from readiness_tui.core.importers.tables.cells import column_cells, padded_cells

#: A RACI cell: letters of R, A, C, I (``R``, ``R/A``, ``A, C``), or nobody (``-``, empty).
_LETTERS = re.compile(r"^(?:[RACIS](?:\s*[/,+&]\s*[RACIS])*|[-—–]?)$", re.I)


def raci_columns(table: Table, fields: list[str | None]) -> list[int]:
    """The people's columns of a RACI matrix (two or more, their cells RACI letters, some R), beside a column naming
    the work; empty for any other table."""
    if "title" not in fields:
        return []
    cells = {n: column_cells(table, n) for n, f in enumerate(fields) if f is None}
    people = [n for n, col in cells.items() if all(_LETTERS.match(c) for c in col) and any(col)]
    if len(people) < 2 or not any("r" in c.lower() for n in people for c in cells[n]):
        return []
    return people


def raci_table(table: Table, people: list[int]) -> Table:
    """The matrix as a table of work: its other columns, then Owner (the first marked R), Contributors (the others
    marked R), and a column per other part (Accountable, Consulted, Informed) naming whom the row marks so."""
    parts = {"a": "Accountable", "c": "Consulted", "i": "Informed", "s": "Supports"}
    keep = [n for n in range(len(table.headers)) if n not in people]
    rows = []
    for row in table.rows:
        cells = padded_cells(table, row.cells)
        said = {n: {ch for ch in cells[n].lower() if ch in "racis"} for n in people}
        names = {n: table.headers[n].strip() for n in people}
        doers = [names[n] for n in people if "r" in said[n]]
        marked = [", ".join(names[n] for n in people if key in said[n]) for key in parts]
        rows.append(
            TableRow(row.line, [*(cells[n] for n in keep), doers[0] if doers else "", ", ".join(doers[1:]), *marked])
        )
    headers = [*(table.headers[n] for n in keep), "Owner", "Contributors", *parts.values()]
    used = [n for n in range(len(headers)) if n < len(keep) + 2 or any(r.cells[n] for r in rows)]
    return Table(
        table.line, table.end, [headers[n] for n in used], [TableRow(r.line, [r.cells[n] for n in used]) for r in rows]
    )
