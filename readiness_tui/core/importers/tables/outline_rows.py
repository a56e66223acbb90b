"""A work breakdown written as a table: summary rows numbered in the id column, the rows under each numbered at the
start of their name cell, the id cell left blank.

    | ID | Task Name    | Duration | Predecessor | Milestone   |
    | 1. | Sketching UI | 1 weeks  | None        | Milestone-1 |
    |    | 1.1 Sketch   | 3 Days   | None        |             |
    |    | 1.2 Review   | 2 Days   | 1.1         |             |

Each row under a summary row is an item, its id the number it opens with; each summary row is the phase its rows make
up (its own cells are roll-ups of theirs, its milestone theirs), and a dependency on it ("1") waits on each of its rows
(``assembly.finalize``). A summary row with no rows under it is an item like any other. Only where two rows at
least are so numbered, each under the summary row whose number it carries on.
"""

from __future__ import annotations

import re

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.assembly.result import WBS_ROW, Rec
from readiness_tui.core.importers.document.blocks import Table, TableRow, plain
from readiness_tui.core.importers.tables.cells import padded_cells

#: An id cell of a summary row: ``1.``, ``2``, ``1.3``.
_NUMBER = re.compile(r"^(\d+(?:\.\d+)*)\.?$")
#: A name cell opening with an outline number: ``1.1 Sketch``, ``2.3. Review``.
_NUMBERED_NAME = re.compile(r"^(\d+(?:\.\d+)+)\.?\s+(\S.*)$")


def outline_rows(b: Builder, table: Table, fields: list[str | None], id_col: int) -> Table | None:
    """The table with each row's id in its id cell and the summary rows made phases (see the module doc); None, and
    nothing done, when the table is not so written."""
    if "title" not in fields or fields.index("title") == id_col:
        return None
    tcol = fields.index("title")
    parsed: list[tuple[TableRow, list[str], str, bool]] = []  # row, cells, id, numbered in its name
    head = ""
    for row in table.rows:
        cells = padded_cells(table, row.cells)
        given = plain(cells[id_col]).strip()
        if given:
            m = _NUMBER.match(given)
            if m is None:
                return None
            head = m.group(1)
            parsed.append((row, cells, head, False))
            continue
        named = _NUMBERED_NAME.match(plain(cells[tcol]).strip())
        if named is None or not head or not named.group(1).startswith(head + "."):
            return None
        parsed.append((row, [*cells[:tcol], named.group(2), *cells[tcol + 1 :]], named.group(1), True))
    if sum(1 for *_, lifted in parsed if lifted) < 2:
        return None
    members: dict[str, list[str]] = {}
    for _, _, rid, lifted in parsed:
        if lifted:
            parent = next((h for _, _, h, up in reversed(parsed) if not up and rid.startswith(h + ".")), "")
            members.setdefault(parent, []).append(rid)
    rows: list[TableRow] = []
    phase_of: dict[str, str] = {rid: g for g, inside in members.items() for rid in inside}
    summary: dict[str, list[str]] = {}
    for row, cells, rid, lifted in parsed:
        if not lifted and rid in members:
            title = plain(cells[tcol]).strip() or f"Phase {rid}"
            b.records["phases"].append(Rec("phases", {"id": rid, "title": title}, row.line, WBS_ROW))
            summary[rid] = cells
            continue
        cells = [*cells]
        cells[id_col] = rid
        if rid in phase_of:
            # "Milestone-1" on the summary row only: the milestone each of its rows is part of.
            for n, f in enumerate(fields):
                if f == "milestone" and not plain(cells[n]).strip():
                    cells[n] = summary[phase_of[rid]][n]
        rows.append(TableRow(row.line, [*cells, phase_of.get(rid, "")]))
    fields.append("phase")
    b.note(
        table.line,
        f"table: a work breakdown; rows {', '.join(members)} sum up the rows numbered under them "
        f"({sum(map(len, members.values()))} rows): phases, their rows the items",
    )
    return Table(table.line, table.end, [*table.headers, "Phase"], rows)
