"""The backlog table: a Line API widget (ScrollView + render_line) that stays fast at 10,000 rows.
This module holds the cursor, scrolling, keys and mouse; which rows show is ``backlog_rows``, how a
line looks is ``backlog_paint`` (and ``backlog_cells``).

Only the lines on screen are rendered, each once. Moving the cursor repaints two lines. An edit of
a few items (``items_changed``) swaps the new item objects into the rows and the cached orders in
place and repaints only their lines on screen; it rebuilds the rows (without sorting again unless
the sort column changed) only when the edit can move a row: the sort column, the grouping field,
or whether an item passes the filter. On a board with parents the rows are the tree: ``space``,
``left`` / ``right`` or a click on the ``▾`` fold and unfold a parent, ``Z`` folds or unfolds all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.scrollbar import ScrollBar
from textual.strip import Strip

from readiness_tui.core.filters.filtering import Facts, Query
from readiness_tui.core.model.board import Item
from readiness_tui.ui.binding_ids import with_ids
from readiness_tui.ui.widgets.backlog_cells import SORTABLE, Column, GroupRow, fmt_estimate
from readiness_tui.ui.widgets.backlog_paint import COMPONENT_CLASSES, CSS, LinePainter, scrollbar_thumb
from readiness_tui.ui.widgets.backlog_rows import Row, RowModel, same_rows

__all__ = ["BacklogTable", "GroupRow", "fmt_estimate"]  # GroupRow, fmt_estimate: imported from here


class BacklogTable(ScrollView, can_focus=True):
    """Rows are items (and group headings when grouped); the first line is a sticky header."""

    COMPONENT_CLASSES = COMPONENT_CLASSES
    DEFAULT_CSS = CSS

    BINDINGS = with_ids(
        "backlog.table",
        [
            Binding("down,j", "cursor_down", "Down", show=False),
            Binding("up,k", "cursor_up", "Up", show=False),
            Binding("pagedown,ctrl+f", "page_down", "Page down", show=False),
            Binding("pageup,ctrl+b", "page_up", "Page up", show=False),
            Binding("home,g", "first", "First", show=False),
            Binding("end,G", "last", "Last", show=False),
            Binding("enter", "open", "Detail", show=True),
            Binding("o", "sort_next", "Sort", show=True),
            Binding("O", "sort_reverse", "Reverse sort", show=False),
            Binding("v", "group_next", "Group", show=True),
            Binding("space", "fold", "Fold / unfold", show=False, id="backlog.table.fold_toggle"),
            Binding("left", "fold(True)", "Fold, or go to the parent", show=False, id="backlog.table.fold"),
            Binding("right", "fold(False)", "Unfold", show=False, id="backlog.table.unfold"),
            Binding("Z", "fold_all", "Fold / unfold all", show=False),
        ],
    )

    cursor: reactive[int] = reactive(0, always_update=False, repaint=False, init=False)

    class Highlighted(Message):
        def __init__(self, item_id: str | None) -> None:
            super().__init__()
            self.item_id = item_id

    class Opened(Message):
        def __init__(self, item_id: str) -> None:
            super().__init__()
            self.item_id = item_id

    class ViewChanged(Message):
        """Sort, grouping or the shown rows changed (for the pane's status line)."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.model = RowModel()
        self.painter = LinePainter(self, self.model)
        self._highlighted: str | None = None

    # ------------------------------------------------------------------ what the rows show
    @property
    def rows(self) -> list[Row]:
        return self.model.rows

    @property
    def items(self) -> list[Item]:
        return self.model.items

    @property
    def facts(self) -> Facts:
        return self.model.facts

    @property
    def shown(self) -> int:
        return self.model.shown

    @property
    def query_(self) -> Query:
        return self.model.query

    @property
    def gate_status(self) -> dict[str, str]:
        return self.model.gate_status

    @property
    def dependents(self) -> dict[str, int]:
        return self.model.dependents

    def open_deps(self, item_id: str) -> int:
        return self.model.open_deps(item_id)

    @property
    def sort_key(self) -> str | None:
        return self.model.sort_key

    @property
    def sort_reverse(self) -> bool:
        return self.model.sort_reverse

    @property
    def grouping(self) -> str | None:
        return self.model.grouping

    @property
    def folded(self) -> set[str]:
        return self.model.folded

    # ------------------------------------------------------------------ data
    def set_data(
        self,
        items: list[Item],
        facts: Facts,
        open_deps: Callable[[str], int],
        today: dt.date,
        group_titles: dict[str, dict[str, str]] | None = None,
        dependents: dict[str, int] | None = None,
    ) -> None:
        keep = self.current_id
        self.model.set_data(items, facts, open_deps, today, group_titles, dependents)
        self.painter.relayout()  # the id and owner columns follow the board's values
        self.rebuild(keep)

    def set_lookup(self, lookup: Callable[[str], Item | None]) -> None:
        """The current item of an id (used by ``items_changed`` under a filter)."""
        self.model.item_lookup = lookup

    def set_gate_status(self, status: dict[str, str]) -> None:
        """Live gate results for the Gate column: rows move only when sorted by it (no filter or
        grouping reads them); else the lines on screen are drawn again."""
        self.model.gates_changed(status)
        if self.model.sort_key == "gate":
            self.rebuild(self.current_id)
        else:
            self.refresh()

    def set_query(self, query: Query) -> None:
        if query.node == self.model.query.node:
            return
        m = self.model
        keep, rows, depth, shown = self.current_id, m.rows, m.depth, m.shown
        m.set_query(query)
        new = m.build()
        if m.shown == shown and m.depth == depth and same_rows(rows, new):
            return  # nothing on screen changes (a word typed on that still matches no item, say)
        self._show(new, keep)

    def items_changed(self, replaced: list[tuple[Item, Item]], affected: set[str], fields: set[str]) -> None:
        """Some items were edited in place in ``self.items`` (``replaced``: old and new objects;
        ``fields``: the top-level fields that changed) and the facts, open-dependency counts,
        dependents counts or roll-ups of ``affected`` (edited items included) may have changed.

        Only the lines on screen that show an affected item are repainted, unless the edit can
        move a row: then the rows are built again."""
        if "owner" in fields:
            self.painter.relayout()  # the owner column follows the owners' widths
        if self.model.items_changed(replaced, affected, fields, self.cursor):
            self.rebuild(self.current_id)
            return
        rows = self.rows
        top = round(self.scroll_y)
        for row in range(top, min(len(rows), top + self.size.height)):
            entry = rows[row]
            if type(entry) is not GroupRow and entry.id in affected:  # type: ignore[union-attr]
                self._refresh_row(row)
        if "owner" in fields:
            self.refresh()

    @property
    def current_id(self) -> str | None:
        if 0 <= self.cursor < len(self.rows) and type(self.rows[self.cursor]) is not GroupRow:
            return self.rows[self.cursor].id  # type: ignore[union-attr]
        return self._highlighted

    def rebuild(self, keep: str | None = None) -> None:
        self._show(self.model.build(), keep)

    def _show(self, rows: list[Row], keep: str | None) -> None:
        """Show ``rows`` (just built), the cursor on ``keep`` when it is among them."""
        self.virtual_size = Size(self.size.width, len(rows) + 1)
        target = 0
        cur = self.cursor
        if keep is not None and 0 <= cur < len(rows) and getattr(rows[cur], "id", None) == keep:
            target = cur  # the usual case after an edit: the item did not move
        elif keep is not None:
            for n, row in enumerate(rows):
                if type(row) is not GroupRow and row.id == keep:  # type: ignore[union-attr]
                    target = n
                    break
            else:
                # Hidden in a folded parent: the cursor goes to the nearest shown ancestor.
                target = self.model.shown_ancestor(keep)
                if target < 0:
                    target = min(self.cursor, max(0, len(rows) - 1))
        if rows and type(rows[target]) is GroupRow and target + 1 < len(rows):
            target += 1
        self.set_reactive(BacklogTable.cursor, target)
        self._scroll_to_cursor()
        self.refresh()
        self._announce()
        self.post_message(self.ViewChanged())

    # ------------------------------------------------------------------ folding
    def fold(self, item_id: str, fold: bool | None = None) -> bool:
        """Fold (True), unfold (False) or toggle (None) a parent; False if it has no children."""
        changed = self.model.fold(item_id, fold)
        if changed:
            self.rebuild(self.current_id)
        return changed is not None

    def action_fold(self, fold: bool | None = None) -> None:
        cur = self.current_id
        if cur is not None and not self.fold(cur, fold) and fold is True:
            parent = self.model.parent_of(cur)  # "left" on a leaf: go to its parent
            if parent is not None:
                self.move_to(parent)

    def action_fold_all(self) -> None:
        if self.model.fold_all():
            self.rebuild(self.current_id)

    # ------------------------------------------------------------------ cursor
    def watch_cursor(self, old: int, new: int) -> None:
        self._refresh_row(old)
        self._refresh_row(new)
        self._scroll_to_cursor()
        self._announce()

    def _announce(self) -> None:
        cur = self.current_id if self.rows else None
        if cur != self._highlighted:
            self._highlighted = cur
            self.post_message(self.Highlighted(cur))

    def _refresh_row(self, row: int) -> None:
        y = row - round(self.scroll_y) + 1
        if 1 <= y < self.size.height:
            self.refresh(Region(0, y, self.size.width, 1))

    def _scroll_to_cursor(self) -> None:
        body = max(1, self.size.height - 1)
        top = round(self.scroll_y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + body:
            self.scroll_to(y=self.cursor - body + 1, animate=False, immediate=True)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        # On 10,000 rows a one-line scroll moves the scrollbar thumb by 1/300 of a cell: most
        # scrolls leave its picture as it is, and repainting it is a good part of the frame. Take the
        # new position without a repaint when the thumb looks the same.
        if self.show_vertical_scrollbar:
            bar = self.vertical_scrollbar
            new = bar.validate_position(new_value)
            if new != bar.position and scrollbar_thumb(bar, bar.position) == scrollbar_thumb(bar, new):
                bar.set_reactive(ScrollBar.position, new)
        super().watch_scroll_y(old_value, new_value)

    def move_to(self, item_id: str) -> bool:
        rows = self.rows
        if 0 <= self.cursor < len(rows) and getattr(rows[self.cursor], "id", None) == item_id:
            return True  # already there (the usual case after an edit)
        for n, row in enumerate(rows):
            if type(row) is not GroupRow and row.id == item_id:  # type: ignore[union-attr]
                self.cursor = n
                return True
        return False

    def _step(self, delta: int) -> None:
        if not self.rows:
            return
        n = max(0, min(len(self.rows) - 1, self.cursor + delta))
        # Skip group headings in the direction of travel.
        while 0 < n < len(self.rows) - 1 and type(self.rows[n]) is GroupRow:
            n += 1 if delta > 0 else -1
        if type(self.rows[n]) is GroupRow:
            n = n + 1 if n + 1 < len(self.rows) else n
        self.cursor = n

    def action_cursor_down(self) -> None:
        self._step(1)

    def action_cursor_up(self) -> None:
        self._step(-1)

    def action_page_down(self) -> None:
        self._step(max(1, self.size.height - 2))

    def action_page_up(self) -> None:
        self._step(-max(1, self.size.height - 2))

    def action_first(self) -> None:
        self._step(-len(self.rows))

    def action_last(self) -> None:
        self._step(len(self.rows))

    def action_open(self) -> None:
        cur = self.current_id
        if cur:
            self.post_message(self.Opened(cur))

    # ------------------------------------------------------------------ sort and group
    def sort_by(self, key: str | None, reverse: bool | None = None) -> None:
        self.model.sort_by(key, reverse)
        self.rebuild(self.current_id)

    def action_sort_next(self) -> None:
        self.model.sort_next()
        self.rebuild(self.current_id)

    def action_sort_reverse(self) -> None:
        self.model.sort_reverse_or_by_priority()
        self.rebuild(self.current_id)

    def action_group_next(self) -> None:
        self.set_grouping(self.model.next_grouping())

    def set_grouping(self, grouping: str | None) -> None:
        self.model.grouping = grouping
        self.rebuild(self.current_id)

    # ------------------------------------------------------------------ mouse
    def on_click(self, event: events.Click) -> None:
        if event.y == 0:
            for col, x, w in self.columns(self.size.width):
                if x <= event.x < x + w + 1 and col.key in SORTABLE:
                    self.sort_by(col.key)
                    break
            return
        row = round(self.scroll_y) + event.y - 1
        if 0 <= row < len(self.rows) and type(self.rows[row]) is not GroupRow:
            self.cursor = row
            item_id = self.rows[row].id  # type: ignore[union-attr]
            if self._on_fold_mark(item_id, event.x):
                self.fold(item_id)
            elif event.chain >= 2:
                self.action_open()

    def _on_fold_mark(self, item_id: str, x: int) -> bool:
        """Whether ``x`` is on the ``▾`` / ``▸`` of the item's Title cell."""
        if not self.model.tree_shown:
            return False
        title_x = next(cx for col, cx, _w in self.columns(self.size.width) if col.key == "title")
        mark_x = title_x + 2 * self.model.depth.get(item_id, 0)
        return mark_x <= x <= mark_x + 1

    def on_focus(self) -> None:
        self._refresh_row(self.cursor)

    def on_blur(self) -> None:
        self._refresh_row(self.cursor)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self.painter.forget()

    def on_resize(self, event: events.Resize) -> None:
        self.painter.forget()
        self.virtual_size = Size(event.size.width, len(self.rows) + 1)
        self._scroll_to_cursor()

    # ------------------------------------------------------------------ rendering
    def columns(self, width: int) -> list[tuple[Column, int, int]]:
        """The columns at ``width``: (column, x, width)."""
        return self.painter.columns(width)

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if y == 0:
            return self.painter.header(width)
        row = round(self.scroll_y) + y - 1
        if row >= len(self.rows):
            return Strip.blank(width, self.rich_style)
        return self.painter.row(self.rows[row], width, row == self.cursor, self.has_focus)

    def describe_view(self) -> str:
        return self.model.describe()
