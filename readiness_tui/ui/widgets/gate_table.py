"""The Gates pane's table on the Line API (posting ``ItemHighlighted`` and ``OpenItem``): a board
of 10,000 items can carry 9,000 gates, and Textual's DataTable adds, measures and styles every
cell of every row before it shows the first (a long wait at that size). Here a row is a tuple of ``(text, style)`` cells (``gate_text.gate_cells``);
the columns are sized once from the plain texts, and only the lines on screen are drawn, each once.

Given a ``fresh`` (a gate's cells as of now), the table keeps no board-sized copy of the rows
(``show_keys``): it measures every row once and keeps the cells of the rows last drawn or read.
A changed row (``update_row``) repaints its one line, and only when a cell reads differently. When
the clock moves (``age_out``), a row's cells are made again from ``fresh`` only when the row is
drawn or read: the ages of 9,000 gates are not worked out every second for the 40 on screen. The
first line is a sticky header; the Item column takes what is left of the width, and when the
other columns do not fit the table scrolls sideways.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.strip import Strip

from readiness_tui.core.outputs.display import printable
from readiness_tui.ui.binding_ids import with_ids
from readiness_tui.ui.messages import ItemHighlighted, OpenItem
from readiness_tui.ui.widgets.gate_text import COLUMNS, Cell
from readiness_tui.ui.widgets.line_parts import fit_strip, pad_cells
from readiness_tui.ui.widgets.line_view import LineView

Cells = tuple[Cell, ...]

#: The title is cut to what is left, but never below this many cells.
MIN_TITLE = 16

#: Rows whose cells are kept when they are made from ``fresh``: a few screens' worth.
KEPT_ROWS = 512


def _shown(text: str) -> str:
    # Ids, titles and drift come from the board: never hand a terminal its control characters.
    return text if text.isprintable() else printable(text)


def _width(text: str) -> int:
    return len(text) if text.isascii() else cell_len(_shown(text))


class GateTable(LineView, can_focus=True):
    """One line per gate under a header line; the cursor is a row."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"gate-table--header", "gate-table--even"}

    DEFAULT_CSS = """
    GateTable {
        height: 1fr;
        background: $surface;
        color: $foreground;
        overflow-x: auto;
        overflow-y: auto;
        &:focus { background-tint: $foreground 5%; }
        & > .gate-table--header { text-style: bold; background: $panel; color: $foreground; }
        & > .gate-table--even { background: $surface-lighten-1 50%; }
        &:dark > .gate-table--even { background: $surface-darken-1 40%; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = with_ids(
        "gates.table",
        [
            Binding("down", "move(1)", "Down", show=False, id="gates.table.cursor_down"),
            Binding("up", "move(-1)", "Up", show=False, id="gates.table.cursor_up"),
            Binding("pagedown", "page(1)", "Page down", show=False, id="gates.table.page_down"),
            Binding("pageup", "page(-1)", "Page up", show=False, id="gates.table.page_up"),
            Binding("home", "to(0)", "First", show=False, id="gates.table.first"),
            Binding("end", "to(-1)", "Last", show=False, id="gates.table.last"),
            Binding("enter", "open", "Open item", show=False),
        ],
    )

    def __init__(
        self, *, id: str | None = None, classes: str | None = None, fresh: Callable[[str], Cells] | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        #: A gate's cells as of now (after ``age_out``); None: cells never age.
        self.fresh = fresh
        #: Rows whose cells were made before the clock last moved.
        self._aged: set[str] = set()
        self._keys: list[str] = []
        self._index: dict[str, int] = {}
        #: Every row's cells (``show_rows``), or those of the rows last drawn or read (``show_keys``).
        self._cells: dict[str, Cells] | LRUCache[str, Cells] = {}
        self._widths: list[int] = [cell_len(label) for _key, label in COLUMNS]
        self._column = {key: n for n, (key, _label) in enumerate(COLUMNS)}
        self.cursor_row = 0
        self._announced: str | None = None
        self._lines: LRUCache[tuple, Strip] = LRUCache(256)
        self._styles: dict[str, Style] = {}

    # ------------------------------------------------------------------ data
    @property
    def row_count(self) -> int:
        return len(self._keys)

    @property
    def keys(self) -> list[str]:
        """The rows' gates, in their order (read only)."""
        return self._keys

    @property
    def cursor_key(self) -> str | None:
        return self._keys[self.cursor_row] if self._keys else None

    def row_index(self, item_id: str) -> int:
        return self._index[item_id]

    def get_cell(self, item_id: str, column: str) -> str:
        """The text of one cell, as shown (before it is fitted to its column)."""
        return self._cells_of(item_id)[self._column[column]][0]

    def age_out(self, item_ids: Collection[str]) -> None:
        """The clock moved: these rows' cells are made again (``fresh``) when next drawn or read."""
        if self.fresh is not None and item_ids:
            self._aged.update(item_ids)
            self.refresh()  # the lines on screen: each one not changed is drawn from the cache

    def _cells_of(self, item_id: str) -> Cells:
        kept = self._cells.get(item_id)
        if self.fresh is not None and (kept is None or item_id in self._aged):
            self._aged.discard(item_id)
            cells = self.fresh(item_id)
            if cells != kept:
                self._keep(item_id, cells)
                self._widen(cells)
            return cells
        assert kept is not None  # without ``fresh``, ``show_rows`` gave every row
        return kept

    def _keep(self, item_id: str, cells: Cells) -> None:
        if isinstance(self._cells, LRUCache):
            self._cells.discard(item_id)  # Textual's LRUCache keeps the first value set for a key
        self._cells[item_id] = cells

    def show_rows(self, rows: Mapping[str, Cells]) -> None:
        """Show ``rows`` in their order, the cursor kept on its gate when it is still among them."""
        keep = self.cursor_key
        self._cells = dict(rows)
        self._aged.clear()
        self._keys = list(rows)
        self._index = {key: n for n, key in enumerate(self._keys)}
        self._widths = self._measure(self._cells.values())
        self._shown(keep)

    def show_keys(self, keys: Collection[str]) -> None:
        """Show the gates ``keys`` in their order, each row made by ``fresh`` when it is drawn or
        read; the cursor kept on its gate when it is still among them."""
        assert self.fresh is not None, "show_keys draws rows from fresh"
        keep = self.cursor_key
        self._cells = LRUCache(KEPT_ROWS)
        self._aged.clear()
        self._keys = list(keys)
        self._index = {key: n for n, key in enumerate(self._keys)}
        self._widths = self._measure(map(self.fresh, self._keys))
        self._shown(keep)

    def _shown(self, keep: str | None) -> None:
        self._lines.clear()
        row = self._index.get(keep, min(self.cursor_row, len(self._keys) - 1)) if keep is not None else 0
        self.cursor_row = max(0, row)
        self._resize()
        self.refresh()
        self._scroll_to_cursor()
        self._announce()

    def update_row(self, item_id: str, cells: Cells) -> bool:
        """Show a gate's new cells; repaints its line only when one reads differently."""
        self._aged.discard(item_id)
        if self._cells.get(item_id) == cells or item_id not in self._index:
            return False
        self._keep(item_id, cells)
        if not self._widen(cells):
            self._refresh_line(self._index[item_id])
        return True

    def _widen(self, cells: Cells) -> bool:
        """Widen the columns a cell no longer fits (every line moves then); whether any did."""
        widths = [max(w, _width(text)) for w, (text, _style) in zip(self._widths[:-1], cells)]
        widths.append(self._widths[-1])  # the title takes what is left: not measured
        if widths == self._widths:
            return False
        self._widths = widths
        self._lines.clear()
        self._resize()
        self.refresh()
        return True

    @staticmethod
    def _measure(rows: Iterable[Cells]) -> list[int]:
        """The columns' widths, in one pass over ``rows`` (made one at a time, not kept)."""
        widths = [cell_len(label) for _key, label in COLUMNS]
        measured = len(COLUMNS) - 1  # the title takes what is left: not measured
        texts: list[set[str]] = [set() for _ in range(measured)]  # the distinct texts: most cells repeat
        for cells in rows:
            for n in range(measured):
                texts[n].add(cells[n][0])
        for n in range(measured):
            widths[n] = max([widths[n], *map(_width, texts[n])])
        return widths

    # ------------------------------------------------------------------ cursor
    def move_cursor(self, row: int) -> None:
        if not self._keys:
            return
        row = max(0, min(row, len(self._keys) - 1))
        if row == self.cursor_row:
            return
        old, self.cursor_row = self.cursor_row, row
        self._refresh_line(old)
        self._refresh_line(row)
        self._scroll_to_cursor()
        self._announce()

    def _announce(self) -> None:
        key = self.cursor_key
        if key != self._announced:
            self._announced = key
            if key is not None:
                self.post_message(ItemHighlighted(key))

    def _scroll_to_cursor(self) -> None:
        body = max(1, self.view_size.height - 1)
        top = round(self.scroll_y)
        if self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=False, immediate=True)
        elif self.cursor_row >= top + body:
            self.scroll_to(y=self.cursor_row - body + 1, animate=False, immediate=True)

    def action_move(self, rows: int) -> None:
        self.move_cursor(self.cursor_row + rows)

    def action_page(self, pages: int) -> None:
        self.move_cursor(self.cursor_row + pages * max(1, self.view_size.height - 2))

    def action_to(self, row: int) -> None:
        self.move_cursor(row if row >= 0 else len(self._keys) - 1)

    def action_open(self) -> None:
        key = self.cursor_key
        if key is not None:
            self.post_message(OpenItem(key))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y == 0:
            return
        row = round(self.scroll_y) + offset.y - 1
        if 0 <= row < len(self._keys):
            self.move_cursor(row)
            if event.chain >= 2:
                self.action_open()

    # ------------------------------------------------------------------ drawing
    def _total_width(self) -> int:
        return sum(self._widths[:-1]) + len(self._widths) - 1 + MIN_TITLE

    def _resize(self) -> None:
        self.virtual_size = Size(max(self._total_width(), self.view_size.width), len(self._keys) + 1)

    def on_resize(self, event: events.Resize) -> None:
        self._lines.clear()
        self._resize()
        self._scroll_to_cursor()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self._lines.clear()

    def _refresh_line(self, row: int) -> None:
        y = row - round(self.scroll_y) + 1
        if 1 <= y < self.view_size.height:
            self.refresh(Region(0, y, self.size.width, 1))

    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            if name.startswith("gate-table--") or name.startswith("view--"):
                style = self.get_component_rich_style(name, partial=True)
            else:
                style = Style.parse(name) if name else Style()
            self._styles[name] = style
        return style

    def render_line(self, y: int) -> Strip:
        width = self.view_size.width
        scroll_x = round(self.scroll_x)
        full = max(width, self._total_width())
        if y == 0:
            key: tuple = ("header", full)
            line = self._lines.get(key)
            if line is None:
                line = self._lines[key] = self._line(tuple((label, "") for _k, label in COLUMNS), full, "header")
        else:
            row = round(self.scroll_y) + y - 1
            if row >= len(self._keys):
                return Strip.blank(width, self.rich_style)
            item_id = self._keys[row]
            cells = self._cells_of(item_id)
            where = "cursor" if row == self.cursor_row else "even" if row % 2 else "odd"
            key = (item_id, cells, full, where)
            line = self._lines.get(key)
            if line is None:
                line = self._lines[key] = self._line(cells, full, where)
        return line.crop(scroll_x, scroll_x + width) if scroll_x or full > width else line

    def _line(self, cells: Cells, full: int, where: str) -> Strip:
        base = self.rich_style
        if where == "header":
            base += self._style("gate-table--header")
        elif where == "even":
            base += self._style("gate-table--even")
        over = self._style("view--cursor") if where == "cursor" else None
        segments: list[Segment] = []
        last = len(self._widths) - 1
        used = 0
        for n, ((text, style), w) in enumerate(zip(cells, self._widths)):
            if n == last:
                w = max(MIN_TITLE, full - used)
            look = base + self._style(style) if style and where != "header" else base
            if over is not None:
                look += over
            segments.append(Segment(pad_cells(_shown(text), w), look))
            used += w
            if n < last:
                segments.append(Segment(" ", base + over if over is not None else base))
                used += 1
        return fit_strip(Strip(segments, used), full, base + over if over is not None else base)
