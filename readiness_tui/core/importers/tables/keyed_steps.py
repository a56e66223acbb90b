"""A table keyed by the numbers of the plan's headings: the work is written as ``### Stap 1: nieuwe sheet`` ..
``### Stap 8: archiveren``, and a table further on says who does each step and after which::

    | Stap | Wie    | Afhankelijk van |
    |------|--------|-----------------|
    | 1    | Samen  | —               |
    | 3    | Jan    | 1, 2            |

The table's first column is headed by the word the headings open with and holds bare numbers, each the number of one
of those headings (siblings under one parent, numbered 1, 2, 3 ...). Each row is then the step of that number: its id
the number, its title the heading's words after the number, its other fields the row's. The table is rewritten with
an ``ID`` and a ``Title`` column first, so the item readers take it as any table of items; the rewrite is reported.
Without such headings the table is left as it is (bare numbers name no item of their own).
"""

from __future__ import annotations

import re

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.document.blocks import Section, Table, TableRow, plain
from readiness_tui.core.importers.tables.cells import column_cells, padded_cells
from readiness_tui.core.importers.vocabulary.headers import norm_header

#: A bare number in a key cell (bold or not): ``3``, ``**3**``.
_NUMBER = re.compile(r"^\d{1,3}$")
#: The smallest number of rows and headings that make a join.
_MIN_ROWS = 2


def _numbered_headings(root: Section, word: str) -> dict[int, str] | None:
    """Number -> title of the sibling headings ``<word> N: title`` numbered 1, 2, 3 .. under one parent (the
    first such run in the plan); None when there is none."""
    head = re.compile(rf"^{re.escape(word)}\s+(?P<num>\d{{1,3}})\s*(?::|\.|—|–|\)|\s-\s)\s*(?P<title>\S.*)$", re.I)
    for sec in root.walk():
        found: dict[int, str] = {}
        for child in sec.children:
            m = head.match(child.bare_title)
            if m:
                found.setdefault(int(m.group("num")), m.group("title").strip())
        if len(found) >= _MIN_ROWS and sorted(found) == list(range(1, len(found) + 1)):
            return found
    return None


def heading_keyed(
    b: Builder, table: Table, sec: Section, fields: list[str | None]
) -> tuple[Table, list[str | None]] | None:
    """The table with ids and titles taken from the headings its first column numbers (see the module doc), or None
    when it is no such table."""
    word = norm_header(table.headers[0]) if table.headers else ""
    if not re.fullmatch(r"[^\W\d_]+", word) or fields[0] is not None:
        return None
    keys = column_cells(table, 0)
    if len(keys) < _MIN_ROWS or not all(_NUMBER.match(k) for k in keys) or len(set(keys)) != len(keys):
        return None
    titles = _numbered_headings(sec.root, word)
    if titles is None or not all(int(k) in titles for k in keys):
        return None
    rows = [TableRow(r.line, [k, titles[int(k)], *padded_cells(table, r.cells)[1:]]) for r, k in zip(table.rows, keys)]
    rest = ["description" if f == "title" else f for f in fields[1:]]
    b.note(
        table.line,
        f"table: column {plain(table.headers[0])!r} numbers the plan's headings '{plain(table.headers[0])} N': "
        "each row is that step, titled by its heading",
    )
    return Table(table.line, table.end, ["ID", "Title", *table.headers[1:]], rows), ["id", "title", *rest]
