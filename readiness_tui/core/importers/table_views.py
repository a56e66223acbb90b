"""Tables that are views of the plan's items, not items: a coverage or mapping table whose title column only
names items the plan already has (``| Finding | Assigned tasks |`` with ``T03 (#100), T04 (#101)``)."""

from __future__ import annotations

from readiness_tui.core.importers.blocks import Table, plain
from readiness_tui.core.importers.builder import Builder
from readiness_tui.core.importers.refs import parse_refs
from readiness_tui.core.importers.row_fields import padded_cells


def names_known_items_only(b: Builder, table: Table, fields: list[str | None]) -> bool:
    """Whether every filled title cell is nothing but references, and each names an item already on the board."""
    if "title" not in fields or not b.items:
        return False
    col = fields.index("title")
    cells = [plain(padded_cells(table, r.cells)[col], keep_code=True) for r in table.rows]
    filled = [c for c in cells if c.strip(" -—–")]
    if len(filled) < 2:
        return False
    for cell in filled:
        refs = parse_refs(cell)
        if refs.rest.strip(" ,;/()") or not any(i in b.items for i in refs.ids):
            return False
    return True
