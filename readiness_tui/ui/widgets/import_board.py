"""The board side of the guided import: the items an import made, or its risks, one row each, keyed by id.

The row under the cursor is what ``e`` (edit a field) and ``d`` (not an item) act on; a refill after a re-import
keeps the cursor on the same id when the row is still there, else on the row that took its place.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.widgets import DataTable

from readiness_tui.core.importers import ImportResult

#: The columns of each view, the title last: the board side is narrow, and what a person checks against the plan
#: (status, owner, the links) must show without scrolling sideways; a long title is cut at ``WIDEST``.
ITEM_COLUMNS = ("id", "status", "owner", "deps", "title")
RISK_COLUMNS = ("id", "mitigated_by", "owner", "title")
WIDEST = 48
#: The widest the short columns are drawn, so that the title still shows.
NARROW = {"status": 11, "owner": 16, "deps": 24, "mitigated_by": 24}


class ImportBoard(DataTable[str]):
    """The items (or, with ``risks`` set, the risks) of the last import."""

    def __init__(self, id: str | None = None) -> None:  # noqa: A002 - Textual's own keyword
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.risks = False

    def show(self, result: ImportResult | None) -> None:
        """Fill the table from ``result``'s board (its items, or its risks), the cursor kept on the same id."""
        keep, at = self.current_id, self.cursor_row
        board = result.board if result is not None else None
        rows: list[tuple[str, ...]]
        columns: tuple[str, ...]
        if self.risks:
            columns, found = RISK_COLUMNS, board.risks if board is not None else []
            rows = [(r.id, ", ".join(r.mitigated_by), r.owner, r.title) for r in found]
        else:
            columns, items = ITEM_COLUMNS, board.items if board is not None else []
            rows = [(i.id, i.status, i.owner, ", ".join(i.depends_on), i.title) for i in items]
        # Widths given, not measured: a table refilled after its first paint keeps the lines it drew with the
        # old measured widths (titles cut to the header's five letters) until something else repaints it.
        self.clear(columns=True)
        for n, name in enumerate(columns):
            widest = NARROW.get(name, WIDEST)
            self.add_column(name, width=min(widest, max([len(name), *(cell_len(r[n]) for r in rows)])))
        for row in rows:
            self.add_row(*row, key=row[0])
        ids = [r[0] for r in rows]
        if rows:  # the same id, else the same place (the row under the cursor was dropped)
            self.move_cursor(row=ids.index(keep) if keep in ids else min(at, len(rows) - 1))
        self.border_title = f"board: {len(rows)} {'risks' if self.risks else 'items'}"

    @property
    def current_id(self) -> str | None:
        """The id of the row under the cursor (None on an empty table)."""
        if not self.row_count:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        return str(key) if key is not None else None
