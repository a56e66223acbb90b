"""A roadmap table whose rows are features and their sub-features, each named in a column of its own:

    | #  | Feature           | Sub-feature        | Status |
    | 1  | User Auth         |                    |        |
    | 2  |                   | User Login         | Done   |
    | 3  |                   | Credentials reset  | Done   |
    | 6  | Scheme Monitoring |                    |        |
    | 7  |                   | Fund Allocation    | Doing  |

Every row names either a feature or a sub-feature, never both: the feature rows group the rows under them (phases,
as a work breakdown's summary rows are, ``outline_rows``), and the sub-feature rows are the work, titled by their
sub-feature.
"""

from __future__ import annotations

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.assembly.result import WBS_ROW, Rec
from readiness_tui.core.importers.document.blocks import Table, TableRow, plain
from readiness_tui.core.importers.tables.cells import is_placeholder, padded_cells


def feature_rows(b: Builder, table: Table, fields: list[str | None], id_col: int | None) -> Table | None:
    """The table with its sub-feature rows titled by their sub-feature and placed in their feature, the feature rows
    made phases (see the module doc); None, and nothing done, when the table is not so written."""
    if "title" not in fields:
        return None
    tcol = fields.index("title")
    scol = tcol + 1
    if scol >= len(fields) or fields[scol] is not None:
        return None
    rows = [padded_cells(table, r.cells) for r in table.rows]
    named = [(_text(c[tcol]), _text(c[scol])) for c in rows]
    if not named or not named[0][0] or any(bool(f) == bool(s) for f, s in named):
        return None
    groups = sum(1 for f, _ in named if f)
    if groups < 2 or len(named) - groups < 2 * groups:
        return None
    out: list[TableRow] = []
    phase = last = ""
    suffix = 0
    for n, (row, cells, (feature, sub)) in enumerate(zip(table.rows, rows, named, strict=True)):
        given = _text(cells[id_col]) if id_col is not None else ""
        last, suffix = (given, 0) if given else (last, suffix)
        if feature:
            phase = given or f"F{n + 1}"
            b.records["phases"].append(Rec("phases", {"id": phase, "title": feature}, row.line, WBS_ROW))
            continue
        cells = [*cells]
        cells[tcol], cells[scol] = sub, ""
        if id_col is not None and not given and last and suffix < 26:
            # A sub-feature row the plan left unnumbered, after row 16: 16a, 16b … to 16z (said in the report); past
            # that it keeps no id and is reported as any row without one.
            suffix += 1
            cells[id_col] = f"{last}{chr(ord('a') + suffix - 1)}"
            b.note(row.line, f"table row {sub[:40]!r} has no number: {cells[id_col]}, after the row before it")
        out.append(TableRow(row.line, [*cells, phase]))
    fields.append("phase")
    b.note(
        table.line,
        f"table: {groups} rows name a feature, the {len(out)} under them its sub-features: phases, their rows the items",
    )
    return Table(table.line, table.end, [*table.headers, "Phase"], out)


def _text(cell: str) -> str:
    """A cell's words; a placeholder (``<p><br></p>``, "—") is none."""
    text = plain(cell).strip()
    return "" if is_placeholder(text) else text
