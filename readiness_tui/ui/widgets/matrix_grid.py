"""A dependency-matrix grid on Textual's Line API.

A DataTable of 300 x 300 is slow to redraw on every cursor move and a Rich Table of the same
size slower still to build, so the matrix draws its own lines: ``MatrixGrid`` is a ``ScrollView`` whose
``render_line(y)`` returns a ``Strip`` for one screen line. Only the cells that are on screen are
ever turned into segments, and every cell is one of a small palette of prebuilt ``Segment`` objects
(kind x highlight), so a line costs one list of references.

Layout (screen lines, top to bottom)::

    summary line                          fixed
    column headers (vertical ids), rule   fixed, scroll horizontally with the body
    row r ... r + body height             scroll both ways; the row header column stays put
    cell line (what the cursor cell means) fixed

Scrolling is in virtual coordinates: the virtual size is
``(row_header_width + n * CELL_W, top + n + bottom)`` so that ``scroll_y`` is the first body row on
screen and ``scroll_x`` the first body character column.

A cursor move refreshes only what changed: the old and the new row and the cell line when the row
changes (other lines come from the strip cache, whose key holds the cursor column); every body line
and the header when the column changes, because the column highlight crosses them all.

The grid knows nothing about boards: ``set_data`` gives it ids, dependency sets and marked cells;
``readiness_tui.ui.panes.matrix.MatrixPane`` maps a board onto it and posts the messages.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.strip import Strip

from readiness_tui.ui.widgets.line_view import LineView
from readiness_tui.ui.widgets.matrix_layout import (
    CELL_CLASS,
    CELL_W,
    H_PLAIN,
    HEADER_CLASS,
    CellKinds,
    HeaderLayout,
    row_deps,
)
from readiness_tui.ui.widgets.matrix_paint import GridPainter


def _cursor_key(keys: str, action: str, description: str, name: str) -> Binding:
    # The cursor keys stay out of the footer; their ids are spelt out because the actions carry arguments.
    return Binding(keys, action, description, show=False, id=f"matrix.grid.{name}")


class MatrixGrid(LineView, can_focus=True):
    """An N x N grid with fixed headers and a cell cursor, drawn line by line."""

    # move(rows, columns) by cells; to(row, column) with -1 for the last, None to stay; page(rows, columns).
    # The ids name what the key does, so a keymap reads "matrix.grid.cursor_up", not the call.
    BINDINGS: ClassVar[list[BindingType]] = [
        _cursor_key("up,k", "move(-1, 0)", "Up", "cursor_up"),
        _cursor_key("down,j", "move(1, 0)", "Down", "cursor_down"),
        _cursor_key("left,h", "move(0, -1)", "Left", "cursor_left"),
        _cursor_key("right,l", "move(0, 1)", "Right", "cursor_right"),
        _cursor_key("g", "to(0, None)", "First row", "cursor_top"),
        _cursor_key("G", "to(-1, None)", "Last row", "cursor_bottom"),
        _cursor_key("home", "to(None, 0)", "First column", "cursor_first_col"),
        _cursor_key("end", "to(None, -1)", "Last column", "cursor_last_col"),
        _cursor_key("pageup", "page(-1, 0)", "Page up", "page_up"),
        _cursor_key("pagedown", "page(1, 0)", "Page down", "page_down"),
        _cursor_key("ctrl+pageup", "page(0, -1)", "Page left", "page_left"),
        _cursor_key("ctrl+pagedown", "page(0, 1)", "Page right", "page_right"),
    ]

    #: How to read a cell, after the summary line: the parts that fit there whole.
    legend: ClassVar[tuple[str, ...]] = ()

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "matrix--summary",
        "matrix--summary-alert",
        "matrix--info",
        "matrix--crosshair",
        *CELL_CLASS.values(),
        *HEADER_CLASS.values(),
    }

    DEFAULT_CSS = """
    MatrixGrid {
        height: 1fr;
        width: 1fr;
        background: $surface;
        color: $foreground;
        scrollbar-size: 1 1;
        &:focus { background-tint: $foreground 3%; }
        & > .matrix--summary { color: $foreground; text-style: bold; }
        & > .matrix--summary-alert { color: $text-error; background: $error-muted; text-style: bold; }
        & > .matrix--info { color: $foreground-muted; }
        & > .matrix--header { color: $foreground-muted; }
        & > .matrix--header-current { color: $foreground; background: $accent 30%; text-style: bold; }
        & > .matrix--header-closed { color: $foreground-muted; text-style: italic; }
        & > .matrix--header-unknown { color: $text-error; text-style: italic; }
        & > .matrix--none { color: $foreground-muted; }
        & > .matrix--dep { color: $foreground; text-style: bold; }
        & > .matrix--diag { color: $foreground-muted; }
        & > .matrix--cycle { color: $text-error; background: $error-muted; text-style: bold; }
        & > .matrix--disagree { color: $text-warning; background: $warning-muted; text-style: bold; }
        & > .matrix--refused { color: $text; background: $error; text-style: bold reverse; }
        & > .matrix--crosshair { background: $accent 15%; }
    }
    """

    def __init__(self, *, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        # What the grid shows, as ``set_data`` gave it (the painter reads these; set them through it).
        #: The ids of the rows (and columns), in order.
        self.ids: list[str] = []
        self.header_layout = HeaderLayout.of([])
        #: Each id's header state (``H_PLAIN``, ``H_CURRENT``, ...).
        self.header_state: list[int] = []
        self._cells = CellKinds([], {})
        #: The rows were let go (``drop_data``) until the next ``set_data``.
        self._dropped = False
        self.summary: Text = Text()
        self.summary_alert = False
        self.cursor_row = 0
        self.cursor_col = 0
        self._painter = GridPainter(self)

    # ------------------------------------------------------------------ geometry
    @property
    def n(self) -> int:
        return len(self.ids)

    @property
    def row_header_width(self) -> int:
        """Columns the row ids take at the left."""
        return self.header_layout.row_header_w

    @property
    def top_lines(self) -> int:
        """Fixed lines above the body: summary, vertical column labels, rule."""
        return 1 + self.header_layout.label_h + 1

    bottom_lines = 1

    @property
    def body_height(self) -> int:
        return max(1, self.view_size.height - self.top_lines - self.bottom_lines)

    @property
    def body_width(self) -> int:
        return max(CELL_W, self.view_size.width - self.header_layout.row_header_w)

    def _update_virtual_size(self) -> None:
        self.virtual_size = Size(
            self.header_layout.row_header_w + self.n * CELL_W, self.top_lines + self.n + self.bottom_lines
        )

    # ------------------------------------------------------------------ data
    def set_data(
        self,
        ids: Sequence[str],
        deps: Sequence[Iterable[int]],
        marks: dict[int, dict[int, int]] | None = None,
        header_state: Sequence[int] | None = None,
        summary: Text | str = "",
        summary_alert: bool = False,
        cursor: tuple[int, int] | None = None,
    ) -> None:
        """Replace what the grid shows. ``deps[r]`` holds the columns row ``r`` depends on;
        ``marks[r][c]`` overrides the kind of a cell (cycle, disagreement, refused)."""
        self._dropped = False
        self.ids = list(ids)
        n = len(self.ids)
        self._cells = CellKinds(list(map(row_deps, deps)), marks or {})
        self.header_state = list(header_state) if header_state is not None else [H_PLAIN] * n
        self.header_layout = HeaderLayout.of(self.ids)
        self.summary = Text(summary) if isinstance(summary, str) else summary
        self.summary_alert = summary_alert
        if cursor is not None:
            self.cursor_row, self.cursor_col = cursor
        self.cursor_row = min(max(0, self.cursor_row), max(0, n - 1))
        self.cursor_col = min(max(0, self.cursor_col), max(0, n - 1))
        self._painter.clear()
        self._update_virtual_size()
        self.refresh()
        if self.is_mounted:
            self.call_after_refresh(self._scroll_cursor_visible)

    def drop_data(self) -> None:
        """Let go of the rows (a set of dependencies and a label per item) while the grid is not
        shown, leaving the cursor and the virtual size, hence the scroll, as they are; the next
        ``set_data`` gives them back."""
        self.ids = []
        self._cells = CellKinds([], {})
        self.header_state = []
        self.header_layout = HeaderLayout.of(self.ids)
        self._painter.clear()
        self._dropped = True

    def set_header_state(self, header_state: Sequence[int]) -> None:
        """Restyle the row and column labels (open, closed, unknown) with everything else kept."""
        self.header_state = list(header_state)
        self._painter.clear()
        self.refresh()

    def set_summary(self, summary: Text | str, alert: bool = False) -> None:
        self.summary = Text(summary) if isinstance(summary, str) else summary
        self.summary_alert = alert
        self._painter.clear_fixed()
        self.refresh(Region(0, 0, self.view_size.width, 1))

    def set_marks(self, marks: dict[int, dict[int, int]]) -> None:
        self._cells = CellKinds(self._cells.deps, marks)
        self._painter.clear_rows()
        self.refresh()

    @property
    def cells(self) -> CellKinds:
        """What each cell shows."""
        return self._cells

    def cell_kind(self, r: int, c: int) -> int:
        """What a cell shows: NONE, DEP, DIAG, CYCLE, ..."""
        return self._cells.kind(r, c)

    def describe_cell(self, r: int, c: int) -> Text:
        """The cell line under the grid; a subclass says what the cell means."""
        return Text(f"{self.ids[r]} -> {self.ids[c]}")

    # ------------------------------------------------------------------ styles
    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._painter.restyle()
        self.refresh()

    # ------------------------------------------------------------------ rendering
    def render_line(self, y: int) -> Strip:
        return self._painter.line(y)

    # ------------------------------------------------------------------ cursor
    def _screen_y_of_row(self, r: int) -> int | None:
        y = r - int(self.scroll_y)
        if 0 <= y < self.body_height:
            return self.top_lines + y
        return None

    def _scroll_cursor_visible(self) -> bool:
        """Scroll so the cursor cell is on screen; True when the scroll offset changed."""
        if not self.n:
            return False
        sy = int(self.scroll_y)
        bh = self.body_height
        r = self.cursor_row
        if r < sy:
            sy = r
        elif r >= sy + bh:
            sy = r - bh + 1
        sx = int(self.scroll_x)
        bw = self.body_width
        x0 = self.cursor_col * CELL_W
        if x0 < sx:
            sx = x0
        elif x0 + CELL_W > sx + bw:
            sx = x0 + CELL_W - bw
        if sy != int(self.scroll_y) or sx != int(self.scroll_x):
            self.scroll_to(sx, sy, animate=False, force=True)
            return True
        return False

    def move_cursor(self, row: int | None = None, col: int | None = None, post: bool = True) -> None:
        """Move the cursor to (row, col), clamped, refreshing only the lines that change;
        ``cursor_row_changed`` follows a row change unless ``post`` is False."""
        n = self.n
        if not n:
            return
        old_r, old_c = self.cursor_row, self.cursor_col
        r = old_r if row is None else min(max(0, row), n - 1)
        c = old_c if col is None else min(max(0, col), n - 1)
        if (r, c) == (old_r, old_c):
            return
        self.cursor_row, self.cursor_col = r, c
        if self._scroll_cursor_visible():
            pass  # the scroll refreshes the whole widget
        elif c != old_c:
            self.refresh()
        else:
            width = self.view_size.width
            for rr in (old_r, r):
                y = self._screen_y_of_row(rr)
                if y is not None:
                    self.refresh(Region(0, y, width, 1))
            self.refresh(Region(0, self.view_size.height - self.bottom_lines, width, self.bottom_lines))
        if r != old_r and post:
            self.cursor_row_changed(r)

    def cursor_row_changed(self, row: int) -> None:
        """Hook: the cursor moved to another row."""

    def action_move(self, rows: int, cols: int) -> None:
        self.move_cursor(row=self.cursor_row + rows, col=self.cursor_col + cols)

    def action_to(self, row: int | None, col: int | None) -> None:
        last = self.n - 1
        self.move_cursor(
            row=None if row is None else (last if row < 0 else row),
            col=None if col is None else (last if col < 0 else col),
        )

    def action_page(self, rows: int, cols: int) -> None:
        self.move_cursor(
            row=self.cursor_row + rows * self.body_height,
            col=self.cursor_col + cols * max(1, self.body_width // CELL_W),
        )

    def cell_at(self, x: int, y: int) -> tuple[int | None, int | None]:
        """(row, col) under a content offset; None where the offset is outside rows or columns."""
        row = col = None
        top = self.top_lines
        if x >= self.header_layout.row_header_w:
            c = (x - self.header_layout.row_header_w + int(self.scroll_x)) // CELL_W
            col = c if c < self.n else None
        if top <= y < self.view_size.height - self.bottom_lines:
            r = y - top + int(self.scroll_y)
            row = r if r < self.n else None
        return row, col

    def on_resize(self, event: events.Resize) -> None:
        self._painter.clear()
        if not self._dropped:  # dropped: the size of the rows to come, not of none
            self._update_virtual_size()
