"""The prebuilt styles of a matrix grid: one ``Segment`` per cell kind and highlight, one style per
header state, taken from the grid's component classes and dropped when the theme changes. A line of
the grid is then a list of references into this palette."""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.widget import Widget

from readiness_tui.ui.widgets.matrix_layout import CELL_CLASS, CELL_TEXT, HEADER_CLASS, HL_CROSS, HL_CURSOR


class CellPalette:
    """Cell segments and header styles of one widget, built on first use."""

    def __init__(self, widget: Widget) -> None:
        self._widget = widget
        #: (kind, highlight) -> the cell's segment; read directly in the row loop.
        self.cells: dict[tuple[int, int], Segment] = {}
        self._headers: dict[int, Style] = {}
        self._base: Style | None = None

    def clear(self) -> None:
        """Forget every style (the theme or the focus changed)."""
        self.cells.clear()
        self._headers.clear()
        self._base = None

    def base(self) -> Style:
        """The widget's own style, under everything else."""
        if self._base is None:
            self._base = self._widget.rich_style
        return self._base

    def header(self, state: int) -> Style:
        """The style of a row or column header in ``state`` (``H_PLAIN``, ``H_CURRENT``, ...)."""
        style = self._headers.get(state)
        if style is None:
            style = self._headers[state] = self.base() + self._component(HEADER_CLASS[state])
        return style

    def cell(self, kind: int, hl: int) -> Segment:
        """The segment of a cell of ``kind`` at highlight level ``hl``."""
        seg = self.cells.get((kind, hl))
        if seg is None:
            seg = self.cells[(kind, hl)] = Segment(CELL_TEXT[kind], self._cell_style(kind, hl))
        return seg

    def _component(self, name: str) -> Style:
        return self._widget.get_component_rich_style(name)

    def _cell_style(self, kind: int, hl: int) -> Style:
        base = self.base()
        style = self._component(CELL_CLASS[kind])
        if hl == HL_CURSOR:
            return base + style + self._component("view--cursor")
        # The crosshair tints plain cells only: a marked cell keeps its own background.
        if hl == HL_CROSS and style.bgcolor == base.bgcolor:
            return base + style + Style(bgcolor=self._component("matrix--crosshair").bgcolor)
        return base + style
