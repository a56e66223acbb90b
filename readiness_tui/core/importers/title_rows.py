"""A table without ids whose rows name, by title, items the plan has already made: a status or ownership view.

    ### 1. TypeScript build errors        (an item, made from its heading)
    ...
    | Task              | Owner          | Status |
    | TypeScript errors | @frontend-lead | TODO   |

Each row adds what its item lacks (a status the item's own text did not state, an owner it has none for) instead of
becoming a second item under a made-up id. Only when three rows or more, and three in four at least, each name exactly
one known item, no two rows the same one; a row that names none is reported, not imported. Otherwise the table is
read as usual.
"""

from __future__ import annotations

from typing import Any

from readiness_tui.core.importers.blocks import Section, Table, plain
from readiness_tui.core.importers.builder import Builder, similarity
from readiness_tui.core.importers.row_fields import mapping_note, padded_cells, row_values


def _match(b: Builder, title: str) -> str | None:
    scores = sorted(
        ((similarity(title, str(rec.values.get("title", ""))), rid) for rid, rec in b.items.items()), reverse=True
    )
    if not scores or scores[0][0] < 0.5 or (len(scores) > 1 and scores[1][0] == scores[0][0]):
        return None
    return scores[0][1]


def rows_of_known_titles(b: Builder, table: Table, sec: Section, fields: list[str | None]) -> bool:
    """Add the table's rows to the items their titles name (see above); False, and nothing done, otherwise."""
    if "title" not in fields or len(b.items) < 3:
        return False
    tcol = fields.index("title")
    rows = [padded_cells(table, r.cells) for r in table.rows]
    matched = [_match(b, plain(cells[tcol])) for cells in rows]
    found = [m for m in matched if m]
    if len(found) < 3 or len(found) * 4 < len(rows) * 3 or len(set(found)) != len(found):
        return False
    for row, cells, rid in zip(table.rows, rows, matched, strict=True):
        if rid is None:
            b.skipped(row.line, f"row {plain(cells[tcol])!r} names no item of the plan by its title; not imported")
            continue
        stated = rid in b.status_stated  # before the row is read: reading it marks the status stated
        values: dict[str, Any] = row_values(b, table, fields, cells, row.line, rid)
        old = b.items[rid].values
        status = values.pop("status", None)
        if status and not stated:
            old["status"] = status
            b.status_stated.add(rid)
        for key, value in values.items():
            if key not in ("id", "kind", "title", "custom") and old.get(key) in (None, "", []):
                old[key] = value
    b.consume(table, sec)
    b.used(
        table.line, f"table ({mapping_note(table, fields)}): its rows name items of the plan by title -> added to them"
    )
    return True
