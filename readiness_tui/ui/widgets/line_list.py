"""A navigable list of text lines on the Line API, shared by the risk map and the plan pane.

Each row is ``(key, item_id, payload)`` (``line_parts.Row``). Rows with a ``key`` take the cursor;
rows with an ``item_id`` post ``ItemHighlighted`` when the cursor lands on them and ``OpenItem`` on
Enter or a double click. ``payload`` is a ``Text`` or anything the subclass turns into one in
``render_payload(payload, width)``: rows are laid out only when they are on screen, so a pane over a
10,000-item board costs a list of tuples to build, not 10,000 ``Text`` objects.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Sequence
from typing import Any, ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.strip import Strip

from readiness_tui.core.model.statuses import status_label
from readiness_tui.ui.binding_ids import with_ids
from readiness_tui.ui.messages import ItemHighlighted, OpenItem
from readiness_tui.ui.widgets.line_parts import STATUS_GLYPH, Bar, Row, Rows, pad_cells
from readiness_tui.ui.widgets.line_view import LineView
from readiness_tui.ui.widgets.progress_bar import progress_text


class LineList(LineView, can_focus=True):
    """Lines of text with a line cursor that skips rows without a key."""

    BINDINGS: ClassVar[list[BindingType]] = with_ids(
        "list",
        [
            Binding("up,k", "cursor_up", "Up", show=False),
            Binding("down,j", "cursor_down", "Down", show=False),
            Binding("g,home", "cursor_top", "Top", show=False),
            Binding("G,end", "cursor_bottom", "Bottom", show=False),
            Binding("pageup", "page_up", "Page up", show=False),
            Binding("pagedown", "page_down", "Page down", show=False),
            Binding("enter", "open", "Open item"),
        ],
    )

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "lines--heading",
        "lines--subheading",
        "lines--muted",
        "lines--ok",
        "lines--info",
        "lines--warn",
        "lines--bad",
        "lines--id",
        "lines--bar-done",
        "lines--bar-todo",
        "lines--status-todo",
        "lines--status-in_progress",
        "lines--status-blocked",
        "lines--status-review",
        "lines--status-done",
        "lines--status-cancelled",
    }

    DEFAULT_CSS = """
    LineList {
        height: 1fr;
        width: 1fr;
        background: $surface;
        color: $foreground;
        scrollbar-size: 1 1;
        overflow-x: hidden;
        & > .lines--heading { color: $text-primary; text-style: bold; }
        & > .lines--subheading { color: $foreground; text-style: bold; }
        & > .lines--muted { color: $foreground-muted; }
        & > .lines--ok { color: $text-success; }
        & > .lines--info { color: $text-accent; }
        & > .lines--warn { color: $text-warning; }
        & > .lines--bad { color: $text-error; text-style: bold; }
        & > .lines--id { color: $text-secondary; }
        & > .lines--bar-done { color: $success; }
        & > .lines--bar-todo { color: $foreground-muted; }
        & > .lines--status-todo { color: $foreground-muted; }
        & > .lines--status-in_progress { color: $text-accent; }
        & > .lines--status-blocked { color: $text-error; text-style: bold; }
        & > .lines--status-review { color: $text-warning; }
        & > .lines--status-done { color: $text-success; }
        & > .lines--status-cancelled { color: $foreground-muted; text-style: strike; }
    }
    """

    def __init__(self, *, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._rows: Sequence[Row] = []
        #: The indexes of the rows with a key (an array: no int object per row).
        self._selectable: array[int] = array("q")
        self._cursor = -1  # index into _selectable
        self._line_cache: LRUCache[tuple, Strip] = LRUCache(512)
        self._styles: dict[str, Style] = {}
        #: While released (``release``): the cursor's key, item and place, for ``set_rows``.
        self._released: tuple[str | None, str | None, int] | None = None

    # ------------------------------------------------------------------ data
    def set_rows(self, rows: Sequence[Row]) -> None:
        """Replace the lines, keeping the cursor on the same key (else item, else position).
        ``rows``: a list, or ``Rows`` whose runs are made only when read."""
        if self._released is not None:
            (old_key, old_item, old_pos), self._released = self._released, None
        else:
            old_key, old_item, old_pos = self.cursor_key, self.cursor_item, self._cursor
        self._rows = rows
        keyed = rows.keyed() if isinstance(rows, Rows) else (i for i, row in enumerate(rows) if row[0] is not None)
        self._selectable = selectable = array("q", keyed)
        cursor = -1
        if selectable:
            cursor = 0
            found = None
            if old_key is not None:  # a scan, not a map of every key: this runs once per build
                found = next((n for n, i in enumerate(selectable) if rows[i][0] == old_key), None)
            if found is not None:
                cursor = found
            elif old_item is not None:
                cursor = next(
                    (n for n, i in enumerate(selectable) if rows[i][1] == old_item),
                    max(0, min(old_pos, len(selectable) - 1)),
                )
            elif old_pos >= 0:
                cursor = min(old_pos, len(selectable) - 1)
        self._cursor = cursor
        self._line_cache.clear()
        self.virtual_size = Size(0, len(rows))
        self.refresh()
        if self.is_mounted:
            self.call_after_refresh(self._scroll_cursor_visible)

    def release(self) -> bool:
        """Let go of the rows (a list over a 10,000-item board holds a row for each) while the
        list is not shown. The cursor's key, item and place are kept for the next ``set_rows``,
        and the virtual size is left as it is, so the scroll position stays too."""
        if self._released is None:
            self._released = (self.cursor_key, self.cursor_item, self._cursor)
        self._rows = []
        self._selectable = array("q")
        self._cursor = -1
        self._line_cache.clear()
        return True

    @property
    def released(self) -> bool:
        """Whether the rows were let go (``release``) and not given again (``set_rows``)."""
        return self._released is not None

    @property
    def rows(self) -> Sequence[Row]:
        return self._rows

    @property
    def cursor_line(self) -> int:
        return self._selectable[self._cursor] if self._cursor >= 0 else -1

    @property
    def cursor_key(self) -> str | None:
        line = self.cursor_line
        return self._rows[line][0] if line >= 0 else None

    @property
    def cursor_item(self) -> str | None:
        line = self.cursor_line
        return self._rows[line][1] if line >= 0 else None

    def line_text(self, index: int, width: int | None = None) -> Text:
        """The text of one line (what is drawn, without the cursor)."""
        payload = self._rows[index][2]
        if isinstance(payload, Text):
            return payload
        if isinstance(payload, str):
            return Text(payload)
        if isinstance(payload, tuple) and payload and payload[0] == "parts":
            return self.render_parts(payload[1])
        return self.render_payload(payload, width or self.view_size.width or 80)

    def render_parts(self, parts: tuple[Any, ...]) -> Text:
        text = Text(no_wrap=True, end="")
        for part in parts:
            if isinstance(part, Bar):
                text.append_text(
                    progress_text(part.done, part.total, part.width, self.style("bar-done"), self.style("bar-todo"))
                )
            elif isinstance(part, str):
                text.append(part)
            else:
                text.append(part[0], self.style(part[1]) if part[1] else None)
        return text

    def render_payload(self, payload: Any, width: int) -> Text:
        """Turn a lazy payload into a line; subclasses lay out their rows here."""
        return Text(str(payload))

    # ------------------------------------------------------------------ styles
    def style(self, name: str) -> Style:
        """A component style by short name (``"bad"`` -> ``lines--bad``), cached."""
        style = self._styles.get(name)
        if style is None:
            cls = name if "--" in name else f"lines--{name}"
            style = self._styles[name] = self.get_component_rich_style(cls)
        return style

    def status_style(self, status: str) -> Style:
        return self.style(f"status-{status}")

    def item_text(
        self,
        item: Any,
        item_id: str,
        width: int,
        indent: int = 4,
        id_width: int = 8,
        right: Text | str = "",
        status: bool = True,
        right_width: int | None = None,
    ) -> Text:
        """``  ◐ ID      Title ...            in progress  <right>`` fitted to ``width``."""
        right_text = Text(right) if isinstance(right, str) else right.copy()
        if right_width is not None:
            if right_text.cell_len > right_width:
                right_text.truncate(max(0, right_width - 1))
                right_text.append("…")
            right_text.pad_right(right_width - right_text.cell_len)
        text = Text(" " * indent, no_wrap=True, end="")
        if item is None:
            text.append("? ", self.style("bad"))
            text.append(item_id, self.style("bad"))
            text.append("  names no item", self.style("bad"))
            return text
        st = item.status
        text.append(STATUS_GLYPH.get(st, "?") + " ", self.status_style(st))
        text.append(pad_cells(item_id, id_width) + " ", self.style("id"))
        status_w = 12 if status else 0
        right_w = right_text.cell_len + 1 if right_text.cell_len else 0
        title_w = max(8, width - indent - 2 - id_width - 1 - status_w - right_w - 1)
        text.append(pad_cells(" ".join((item.title or "").split()), title_w) + " ")
        if status:
            text.append(pad_cells(status_label(st), status_w - 1) + " ", self.status_style(st))
        if right_w:
            text.append_text(right_text)
        return text

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self._line_cache.clear()
        self.refresh()

    # ------------------------------------------------------------------ rendering
    def render_line(self, y: int) -> Strip:
        width = self.view_size.width
        index = y + int(self.scroll_y)
        base = self.rich_style
        if index >= len(self._rows):
            return Strip.blank(width, base)
        is_cursor = index == self.cursor_line
        key = (index, width, is_cursor)
        strip = self._line_cache.get(key)
        if strip is not None:
            return strip
        strip = self.text_strip(self.line_text(index, width), width)
        if is_cursor:
            cursor = self.get_component_rich_style("view--cursor")
            strip = Strip(Segment.apply_style(strip, base, cursor), width)
        else:
            strip = strip.apply_style(base)
        self._line_cache[key] = strip
        return strip

    def on_resize(self, event: events.Resize) -> None:
        self._line_cache.clear()
        if self._released is None:  # released: the size of the rows to come, not of none
            self.virtual_size = Size(0, len(self._rows))

    # ------------------------------------------------------------------ cursor
    def _scroll_cursor_visible(self) -> bool:
        line = self.cursor_line
        if line < 0:
            return False
        height = max(1, self.view_size.height)
        top = int(self.scroll_y)
        # Keep the headings just above the cursor on screen (up to three lines of them).
        first = line
        while first > 0 and line - first < 3 and self._rows[first - 1][0] is None:
            first -= 1
        if self._cursor == 0:
            first = 0
        new_top = top
        if first < top:
            new_top = first
        elif line >= top + height:
            new_top = line - height + 1
        if self._cursor == len(self._selectable) - 1:
            new_top = max(new_top, len(self._rows) - height)
        new_top = max(0, min(new_top, max(0, len(self._rows) - height)))
        if new_top != top:
            self.scroll_to(y=new_top, animate=False, force=True)
            return True
        return False

    def move_cursor(self, position: int, post: bool = True) -> None:
        if not self._selectable:
            return
        position = max(0, min(position, len(self._selectable) - 1))
        if position == self._cursor:
            return
        old_line = self.cursor_line
        self._cursor = position
        if not self._scroll_cursor_visible():
            width = self.view_size.width
            top = int(self.scroll_y)
            for line in (old_line, self.cursor_line):
                if line >= 0:
                    self.refresh(Region(0, line - top, width, 1))
        if post and self.cursor_item is not None:
            self.post_message(ItemHighlighted(self.cursor_item))

    def focus_line_of_item(self, item_id: str) -> bool:
        """Move the cursor to the first row of ``item_id`` (no message); False if not shown."""
        for n, i in enumerate(self._selectable):
            if self._rows[i][1] == item_id:
                self.move_cursor(n, post=False)
                return True
        return False

    def show_top(self) -> None:
        """The cursor on the first line that takes it, the first line on screen (no message)."""
        self.move_cursor(0, post=False)
        self.scroll_to(y=0, animate=False, force=True)

    def action_cursor_up(self) -> None:
        self.move_cursor(self._cursor - 1)

    def action_cursor_down(self) -> None:
        self.move_cursor(self._cursor + 1)

    def action_cursor_top(self) -> None:
        self.move_cursor(0)

    def action_cursor_bottom(self) -> None:
        self.move_cursor(len(self._selectable) - 1)

    def _page(self, direction: int) -> None:
        if not self._selectable:
            return
        target = self.cursor_line + direction * max(1, self.view_size.height - 1)
        n = bisect_left(self._selectable, target)
        if direction < 0 and (n >= len(self._selectable) or self._selectable[n] != target):
            n -= 1
        self.move_cursor(max(0, min(n, len(self._selectable) - 1)))

    def action_page_up(self) -> None:
        self._page(-1)

    def action_page_down(self) -> None:
        self._page(1)

    def action_open(self) -> None:
        if self.cursor_item is not None:
            self.post_message(OpenItem(self.cursor_item))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = offset.y + int(self.scroll_y)
        if not 0 <= index < len(self._rows) or self._rows[index][0] is None:
            return
        self.move_cursor(self._selectable.index(index))
        if event.chain >= 2:
            self.action_open()
