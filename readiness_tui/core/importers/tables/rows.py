"""The rows of a table of items, each with the id it stands for: rows that sum the others or label the rows below
them are left out (reported); a struck id closes its row; one row for several ids ("3.2-3.4", "R-06 / R-07") stands
for each of them, unless it is a range no block names an item of ("AESL-010–017": work tracked as one row)."""

from __future__ import annotations

import re
from typing import Any

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.document.blocks import Table, plain
from readiness_tui.core.importers.references.ids import is_id
from readiness_tui.core.importers.references.refs import joined_range
from readiness_tui.core.importers.tables.cells import padded_cells
from readiness_tui.core.importers.tables.columns import is_total
from readiness_tui.core.importers.tables.id_cells import cell_ids, struck_id, unstrike
from readiness_tui.core.importers.vocabulary.statuses import parse_status

#: A cell that is one bold phrase and nothing else.
_BOLD_ONLY = re.compile(r"^(?:\*\*|__)[^*_]+(?:\*\*|__)$")


#: A cell that is one bold label naming a checkpoint: ``**GATE @ Hr 12**``, ``**Go/No-Go**``, ``**Checkpoint 2**``.
_GATE_CELL = re.compile(
    r"^(?:\*\*|__)\W*(?:gate|checkpoint|go\s*/\s*no[\s-]?go|decision point)\b[^*_]*(?:\*\*|__)$", re.I
)


Row = tuple[Any, list[str], str]


def item_rows(
    b: Builder, table: Table, fields: list[str | None], id_col: int | None, known: set[str]
) -> tuple[list[Row], set[int], set[int], set[str]]:
    """(row, cells, id) for each row that stands for an item; the lines of rows whose id (or title) is struck through, of
    those whose status cell says how they closed, and the ids written as a range kept whole."""
    rows: list[Row] = []
    struck_rows: set[int] = set()
    # Struck rows whose status cell is not struck: struck means closed, the cell says how (done, not cancelled).
    own_state: set[int] = set()
    range_rows: set[str] = set()  # ids written as a range, kept whole (see below)
    label_col = id_col if id_col is not None else (fields.index("title") if "title" in fields else None)
    for row in table.rows:
        cells = padded_cells(table, row.cells)
        label = cells[label_col] if label_col is not None else ""
        if label and is_total(label):
            b.skipped(row.line, f"table row {plain(label)!r} sums the rows above it: not an item")
            continue
        if (
            len(cells) >= 3
            and _BOLD_ONLY.match(label.strip())
            and not any(c.strip() for i, c in enumerate(cells) if i != label_col)
        ):
            # "| **Chat API Integration** | | | |": a label over the rows below it, as a sub-heading would be.
            b.skipped(
                row.line, f"table row {plain(label)!r} labels the rows below it, its other cells empty: not an item"
            )
            continue
        # A struck id closes its row; in a table with no id column, a struck title does ("| ~~Build~~ | ~~Ana~~ |").
        gate = next((c for c in cells if _GATE_CELL.match(c.strip())), None)
        if gate is not None:
            # "| **GATE @ Hr 12** | Core solid? → start the extension. Shaky? → harden the core. |": a checkpoint
            # between the rows of work, deciding what comes next; no work of its own.
            b.skipped(row.line, f"table row {plain(gate)!r} is a gate between the rows of work: not an item")
            continue
        rid, struck = struck_id(cells[id_col]) if id_col is not None else ("", bool(label) and struck_id(label)[1])
        if re.fullmatch(r"\d{1,4}\.", rid):
            rid = rid[:-1]  # "| 1. | Montageanleitung |": the row's number, written as an ordinal
        if table.line in b.row_prefixes and rid.rstrip(".").isdigit():
            rid = b.row_prefixes[table.line] + rid.rstrip(".")
        if struck:
            struck_rows.add(row.line)
            said, struck_state = struck_id(cells[fields.index("status")]) if "status" in fields else ("", False)
            if "status" in fields and (not struck_state or parse_status(said) == "done"):
                # Its state unstruck beside the struck id, or struck with the row but saying it was done
                # ("| ~000~ | ~x~ | ~COMPLETED~ |": the row crossed off as finished): its state stands.
                own_state.add(row.line)
            cells = [unstrike(c) for c in cells]
        group = cell_ids(rid) if rid and not is_id(rid) else None
        if rid and group is None and rid not in known and len(joined := joined_range(known, rid)) > 1:
            group = joined  # "DEF-63-65" beside the items DEF-63 .. DEF-65: one row for each of them
        if group and len(group) > 1 and not re.search(r"[/,&+]", rid) and not any(g in known for g in group):
            # "AESL-010–017", a range no block before names an item of: a row of work tracked as one; made into
            # one item per id, each would hold the same title and fields. A list ("F03 / F05") names items still.
            b.note(row.line, f"{rid}: one row for a range of ids no other block names: one item")
            range_rows.add(rid)
        elif group and len(group) > 1:
            # "3.2-3.4", "R-06 / R-07": one row for several items; each gets the row's fields.
            b.note(row.line, f"one row for items {', '.join(group)}: each gets the row's fields")
            rows += [(row, cells, one) for one in group]
            continue
        rows.append((row, cells, rid))
    return rows, struck_rows, own_state, range_rows
