"""The lines of a matrix grid, as Strips: its summary, column headers, body rows and cell line,
each cached, so a cursor move repaints from references into the palette (``matrix_palette``).

``GridPainter`` belongs to one ``MatrixGrid`` and reads what the grid shows (ids, cells, cursor,
scroll offsets); the grid says when what it shows changed (``clear``, ``clear_rows``,
``clear_fixed``, ``restyle``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.segment import Segment
from rich.text import Text
from textual.cache import LRUCache
from textual.strip import Strip

from readiness_tui.ui.widgets.line_parts import fit_strip
from readiness_tui.ui.widgets.matrix_layout import CELL_W, H_CURRENT, HL_CROSS, HL_CURSOR, HL_NONE
from readiness_tui.ui.widgets.matrix_palette import CellPalette

if TYPE_CHECKING:
    from readiness_tui.ui.widgets.matrix_grid import MatrixGrid


class GridPainter:
    """Strips for the screen lines of ``grid``, with their caches and styles."""

    def __init__(self, grid: MatrixGrid) -> None:
        self.grid = grid
        self.palette = CellPalette(grid)
        #: Rendered rows (int-led keys) and row segments (``"segs"``-led keys) share one cache.
        self._line_cache: LRUCache[tuple[object, ...], Strip | list[Segment]] = LRUCache(2048)
        self._fixed_cache: dict[tuple[object, ...], Strip] = {}

    # ------------------------------------------------------------------ what changed
    def clear(self) -> None:
        """Every line (new data, a resize)."""
        self._line_cache.clear()
        self._fixed_cache.clear()

    def clear_rows(self) -> None:
        """The body rows (marked cells changed)."""
        self._line_cache.clear()

    def clear_fixed(self) -> None:
        """The summary, headers and cell line."""
        self._fixed_cache.clear()

    def restyle(self) -> None:
        """The theme or the focus changed: every style and line."""
        self.palette.clear()
        self.clear()

    # ------------------------------------------------------------------ lines
    def line(self, y: int) -> Strip:
        grid = self.grid
        width, height = grid.view_size
        top = grid.top_lines
        if y < top:
            return self._top(y, width)
        if y >= height - grid.bottom_lines:
            return self._info(width)
        r = y - top + int(grid.scroll_y)
        if r >= grid.n:
            return Strip.blank(width, self.palette.base())
        return self._row(r, width)

    def _row(self, r: int, width: int) -> Strip:
        grid = self.grid
        scroll_x = int(grid.scroll_x)
        cc = grid.cursor_col
        is_cursor_row = r == grid.cursor_row
        key = (r, scroll_x, width, cc, is_cursor_row)
        cached = self._line_cache.get(key)
        if isinstance(cached, Strip):  # int-led keys only ever hold a Strip
            return cached
        hw, bw, c0, c1 = self.visible_columns(scroll_x, width)
        segs = self._row_segments(r, c0, c1, is_cursor_row)
        if c0 <= cc < c1:
            # The row without the cursor column comes from the cache; swap in the one cell.
            segs = segs.copy()
            segs[1 + cc - c0] = self.palette.cell(grid.cell_kind(r, cc), HL_CURSOR if is_cursor_row else HL_CROSS)
        off = scroll_x - c0 * CELL_W
        length = hw + (c1 - c0) * CELL_W
        if not off:
            strip = fit_strip(Strip(segs, length), width, self.palette.base())
        else:  # scrolled by the mouse to the middle of a cell: cut the body only
            body = fit_strip(Strip(segs[1:], length - hw), off + bw, self.palette.base(), start=off)
            strip = Strip.join([Strip(segs[:1], hw), body])
        self._line_cache[key] = strip
        return strip

    def visible_columns(self, scroll_x: int, width: int) -> tuple[int, int, int, int]:
        """Row header width, body width, and the columns ``c0 <= c < c1`` at least partly on screen."""
        hw = self.grid.row_header_width
        bw = max(0, width - hw)
        return hw, bw, scroll_x // CELL_W, min(self.grid.n, -(-(scroll_x + bw) // CELL_W))

    def _row_segments(self, r: int, c0: int, c1: int, is_cursor_row: bool) -> list[Segment]:
        """Header and visible cells of a row, without the cursor column's highlight (cached)."""
        key = ("segs", r, c0, c1, is_cursor_row)
        cached = self._line_cache.get(key)
        if isinstance(cached, list):  # "segs" keys only ever hold segments
            return cached
        grid = self.grid
        palette = self.palette
        state = H_CURRENT if is_cursor_row else grid.header_state[r]
        segs = [Segment(" " + grid.header_layout.row_label(r) + "│", palette.header(state))]
        cells = palette.cells
        hl = HL_CROSS if is_cursor_row else HL_NONE
        for kind in grid.cells.row(r, c0, c1):
            seg = cells.get((kind, hl))
            segs.append(seg if seg is not None else palette.cell(kind, hl))
        self._line_cache[key] = segs
        return segs

    def _top(self, y: int, width: int) -> Strip:
        grid = self.grid
        scroll_x = int(grid.scroll_x)
        key = (y, scroll_x, width, grid.cursor_col)
        strip = self._fixed_cache.get(key)
        if strip is None:
            strip = self._summary(width) if y == 0 else self._header(y - 1, scroll_x, width)
            self._fixed_cache[key] = strip
        return strip

    def _summary(self, width: int) -> Strip:
        grid = self.grid
        cls = "matrix--summary-alert" if grid.summary_alert else "matrix--summary"
        style = self.palette.base() + grid.get_component_rich_style(cls)
        summary = grid.summary
        room = width - summary.cell_len - 3
        # As many whole parts of the legend as fit, the first ones given up first: never cut.
        parts = [] if grid.summary_alert else list(grid.legend)
        while parts and cell_len(" · ".join(parts)) > room:
            parts.pop(0)
        if parts:
            summary = summary + Text("   " + " · ".join(parts), "dim")
        return fit_strip(grid.text_strip(summary, width).apply_style(style), width, style)

    def _header(self, line: int, scroll_x: int, width: int) -> Strip:
        """Line ``line`` of the vertical column labels (the last one is the rule)."""
        grid = self.grid
        hw, bw, c0, c1 = self.visible_columns(scroll_x, width)
        cc = grid.cursor_col
        cursor_id = grid.ids[cc] if grid.n else None
        segs = grid.header_layout.header_line(line, c0, c1, cc, cursor_id, grid.header_state, self.palette.header)
        head = Strip(segs[:1], hw)
        body = Strip(segs[1:], (c1 - c0) * CELL_W)
        off = scroll_x - c0 * CELL_W
        return Strip.join([head, fit_strip(body, off + bw, self.palette.base(), start=off)])

    def _info(self, width: int) -> Strip:
        grid = self.grid
        key = ("info", width, grid.cursor_row, grid.cursor_col)
        strip = self._fixed_cache.get(key)
        if strip is None:
            style = grid.rich_style + grid.get_component_rich_style("matrix--info")
            text = grid.describe_cell(grid.cursor_row, grid.cursor_col) if grid.n else Text("no items")
            strip = fit_strip(grid.text_strip(text, width).apply_style(style), width, style)
            self._fixed_cache[key] = strip
        return strip
