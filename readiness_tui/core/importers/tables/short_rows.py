"""Rows one cell short, whose writer left out an empty cell in the middle rather than at the end.

``| PERF-001 | Caching | Create the Redis service | 1 | High | Planned |`` under ``| ID | Epic | Subtask | Description |
Estimate | Priority | Status |``: the Description cell was left out, so the estimate stands under Description, the
priority under Estimate and the status under Priority. Padding the row at its end, as Markdown does, reads "High" as
an estimate and "Planned" as a priority. A short row is read with its missing cell where the cells after it read as
their columns' fields (status, priority, estimate) and not where they are; only when that fits better than at the
end, and it is reported.
"""

from __future__ import annotations

from dataclasses import replace

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.document.blocks import Table, TableRow, plain
from readiness_tui.core.importers.vocabulary.dates import parse_estimate
from readiness_tui.core.importers.vocabulary.headers import header_field
from readiness_tui.core.importers.vocabulary.priorities import parse_priority
from readiness_tui.core.importers.vocabulary.statuses import parse_status


def _fits(field: str | None, cell: str) -> int:
    """+1 when ``cell`` reads as ``field``'s value, -1 when it holds something that does not, 0 when it says nothing
    either way (an empty cell, a column of words)."""
    text = plain(cell).strip()
    if not text or field not in ("status", "priority", "estimate_days"):
        return 0
    if field == "status":
        ok = parse_status(text) is not None
    elif field == "priority":
        ok = parse_priority(text)[0] is not None
    else:
        ok = parse_estimate(text, "days") is not None
    return 1 if ok else -1


def _fit(fields: list[str | None], cells: list[str], gap: int) -> int:
    """How well ``cells`` read as their columns' fields with an empty cell put in at ``gap``."""
    return sum(_fits(fields[n + (n >= gap)], cell) for n, cell in enumerate(cells))


def realign_short_rows(b: Builder, table: Table) -> Table:
    """``table`` with each row one cell short given its empty cell where its later cells fit their columns best."""
    fields = [header_field(h) for h in table.headers]
    width = len(table.headers)
    if width < 3 or not {"status", "priority", "estimate_days"} & set(fields):
        return table
    rows: list[TableRow] = []
    gaps: dict[str, int] = {}
    for row in table.rows:
        cells = row.cells[:-1]
        if row.short == 1 and len(row.cells) == width and not row.cells[-1]:
            at_end = _fit(fields, cells, width - 1)
            gap = max(range(1, width - 1), key=lambda g: (_fit(fields, cells, g), g))
            if _fit(fields, cells, gap) > at_end:
                row = replace(row, cells=[*cells[:gap], "", *cells[gap:]])
                header = plain(table.headers[gap])
                gaps[header] = gaps.get(header, 0) + 1
        rows.append(row)
    for header, count in gaps.items():
        b.note(
            table.line,
            f"table: {count} row(s) one cell short read with {header!r} left empty, where their later cells "
            "read as their columns",
        )
    return replace(table, rows=rows) if gaps else table
