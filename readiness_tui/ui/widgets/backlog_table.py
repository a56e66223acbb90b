"""The backlog table: a Line API widget (ScrollView + render_line) that stays fast at 10,000 rows.

Only the lines on screen are rendered, each once: strips are cached by (row, width, cursor, focus)
and the cache is dropped when the rows change (board edit, filter, sort, grouping, theme). Moving
the cursor repaints two lines. Sorting happens once per (board, column); filtering walks the sorted
order with a precompiled query, so one keystroke costs a single pass over the items.

An edit of a few items (``items_changed``) swaps the new item objects into the rows and the cached
orders in place and repaints only their lines on screen; it rebuilds the rows (without sorting
again unless the sort column changed) only when the edit can move a row: the sort column, the
grouping field, or whether an item passes the filter.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from math import ceil

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.scrollbar import ScrollBar, ScrollBarRender
from textual.strip import Strip

from ...core.filtering import Facts, Query, haystack, parse
from ...core.model import Item
from ..binding_ids import with_ids
from .backlog_cells import (  # noqa: F401 - GroupRow and fmt_estimate: imported from here by others
    COLUMNS,
    GROUP_FIELDS,
    GROUPINGS,
    PRIORITY_RANK,
    SORT_FIELDS,
    SORTABLE,
    STATUS_RANK,
    Column,
    GroupRow,
    cell,
    fit,
    fmt_estimate,
    gate_text,
    natural_key,
)


class BacklogTable(ScrollView, can_focus=True):
    """Rows are items (and group headings when grouped); the first line is a sticky header."""

    COMPONENT_CLASSES = {
        "backlog--header",
        "backlog--header-sorted",
        "backlog--cursor",
        "backlog--cursor-blur",
        "backlog--group",
        "backlog--ready",
        "backlog--blocked",
        "backlog--overdue",
        "backlog--closed",
        "backlog--p0",
        "backlog--in-progress",
        "backlog--review",
        "backlog--dim",
    }

    DEFAULT_CSS = """
    BacklogTable {
        height: 1fr;
        overflow-x: hidden;
        overflow-y: auto;
        & > .backlog--header { text-style: bold; background: $panel; color: $foreground; }
        & > .backlog--header-sorted { text-style: bold underline; background: $panel; color: $accent; }
        & > .backlog--cursor {
            background: $block-cursor-background; color: $block-cursor-foreground; text-style: bold;
        }
        & > .backlog--cursor-blur { background: $block-cursor-blurred-background; }
        & > .backlog--group { text-style: bold; color: $secondary; background: $surface; }
        & > .backlog--ready { color: $success; text-style: bold; }
        & > .backlog--blocked { color: $error; text-style: bold; }
        & > .backlog--overdue { color: $error; }
        & > .backlog--closed { color: $foreground-muted; }
        & > .backlog--p0 { color: $warning; text-style: bold; }
        & > .backlog--in-progress { color: $primary; }
        & > .backlog--review { color: $secondary; }
        & > .backlog--dim { color: $foreground-muted; }
    }
    """

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
        self.items: list[Item] = []
        self.facts = Facts()
        self.gate_status: dict[str, str] = {}
        self.dependents: dict[str, int] = {}
        self.open_deps: Callable[[str], int] = lambda _id: 0
        self.today: dt.date = dt.date.today()
        self.query_: Query = parse("")
        self.sort_key: str | None = None
        self.sort_reverse = False
        self.grouping: str | None = None
        self.group_titles: dict[str, dict[str, str]] = {}
        self.rows: list[Item | GroupRow] = []
        self.shown = 0
        self._order_cache: dict[tuple, list[Item]] = {}
        self._haystacks: dict[str, str] | None = None
        self._line_cache: LRUCache[tuple, tuple[object, Strip]] = LRUCache(1024)
        self._col_layout: tuple[int, list[tuple[Column, int, int]]] | None = None
        #: (column, width) pairs of ``_col_layout``: part of every cached line's key.
        self._layout_key: tuple = ()
        #: Component styles by name (Textual drops its own cache on every refresh, i.e. every
        #: scroll); dropped with the line cache when the styles change.
        self._styles: dict[str, Style] = {}
        self._highlighted: str | None = None
        #: Item id -> row, built when an edit under a filter needs it (reset by ``rebuild``).
        self._row_pos: dict[str, int] | None = None
        #: The current item of an id (set by the pane; used by ``items_changed`` under a filter).
        self.item_lookup: Callable[[str], Item | None] = lambda _id: None

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
        self.items = items
        self.facts = facts
        self.open_deps = open_deps
        self.today = today
        self.group_titles = group_titles or {}
        if dependents is None:
            dependents = {}
            for it in items:
                for d in it.depends_on:
                    dependents[d] = dependents.get(d, 0) + 1
        self.dependents = dependents
        self._order_cache.clear()
        self._haystacks = None
        self._col_layout = None  # the id column follows the board's ids
        self.rebuild(keep)

    def set_gate_status(self, status: dict[str, str]) -> None:
        """Live gate results for the Gate column (an order by that column is sorted again)."""
        self.gate_status = status
        for spec in [s for s in self._order_cache if s[0] == "gate"]:
            del self._order_cache[spec]
        self.rebuild(self.current_id)

    def set_query(self, text: str) -> None:
        query = parse(text)
        if query.terms == self.query_.terms:
            return
        self.query_ = query
        self.rebuild(self.current_id)

    def items_changed(self, replaced: list[tuple[Item, Item]], affected: set[str], fields: set[str]) -> None:
        """Some items were edited in place in ``self.items`` (``replaced``: old and new objects;
        ``fields``: the top-level fields that changed) and the facts, open-dependency counts or
        dependents counts of ``affected`` (edited items included) may have changed.

        Rows and cached orders take the new objects; only the lines on screen that show an
        affected item are repainted. The rows are rebuilt (and re-sorted only if the sort column
        reads a changed field) when the edit can move a row."""
        sort_moves = self.sort_key is not None and bool(SORT_FIELDS.get(self.sort_key, frozenset({"*"})) & fields)
        if not sort_moves and self.sort_key == "deps" and affected - {new.id for _old, new in replaced}:
            sort_moves = True  # a dependency closed or reopened: other items' open counts moved
        for spec in list(self._order_cache):
            key = spec[0]
            if key is None:
                continue  # board order is ``self.items`` itself, already up to date
            if (
                key == self.sort_key
                and sort_moves
                or key != self.sort_key
                and (SORT_FIELDS.get(key, frozenset({"*"})) & fields or key == "deps")
            ):
                del self._order_cache[spec]
                continue
            order = self._order_cache[spec]
            for old, new in replaced:
                _swap(order, old, new, self.cursor if self.query_.is_empty and self.grouping is None else -1)
        if self._haystacks is not None:
            for _old, new in replaced:
                self._haystacks[new.id] = haystack(new)
        if "owner" in fields:
            self._col_layout = None  # the owner column follows the owners' widths
        moves = sort_moves or (self.grouping is not None and GROUP_FIELDS.get(self.grouping, "*") in fields)
        if not moves and not self.query_.is_empty:
            moves = self._membership_changed(affected)
        if moves:
            self._row_pos = None
            self.rebuild(self.current_id)
            return
        rows = self.rows
        for old, new in replaced:
            _swap(rows, old, new, self.cursor)
        if self._col_layout is None:
            self.refresh()
            return
        top = round(self.scroll_y)
        for row in range(top, min(len(rows), top + self.size.height)):
            entry = rows[row]
            if type(entry) is not GroupRow and entry.id in affected:  # type: ignore[union-attr]
                self._refresh_row(row)

    def _membership_changed(self, ids: set[str]) -> bool:
        """Whether the filter now lets through a different subset of ``ids`` than the rows show."""
        if self._row_pos is None:
            self._row_pos = {r.id: n for n, r in enumerate(self.rows) if type(r) is not GroupRow}  # type: ignore[union-attr]
        shown = self._row_pos
        q = self.query_
        hs = self._haystacks or {}
        for iid in ids:
            it = self.item_lookup(iid)
            if it is None:
                continue
            if q.matches(it, self.facts, hs.get(iid)) != (iid in shown):
                return True
        return False

    @property
    def current_id(self) -> str | None:
        if 0 <= self.cursor < len(self.rows) and type(self.rows[self.cursor]) is not GroupRow:
            return self.rows[self.cursor].id  # type: ignore[union-attr]
        return self._highlighted

    def _sorted(self) -> list[Item]:
        spec = (self.sort_key, self.sort_reverse)
        cached = self._order_cache.get(spec)
        if cached is not None:
            return cached
        items = self.items
        if self.sort_key is not None:
            key = self._sort_fn(self.sort_key)
            items = sorted(items, key=key, reverse=self.sort_reverse)
        self._order_cache[spec] = items
        return items

    def _sort_fn(self, col: str) -> Callable[[Item], tuple]:
        far = dt.date.max
        if col == "id":
            return lambda it: natural_key(it.id)
        if col == "title":
            return lambda it: (it.title.lower(),)
        if col == "status":
            return lambda it: (STATUS_RANK.get(it.status, 9),)
        if col == "priority":
            return lambda it: (PRIORITY_RANK.get(it.priority or "", 9), -(it.total_score or 0))
        if col == "owner":
            return lambda it: (it.owner == "", it.owner.lower())
        if col == "target":
            return lambda it: (it.due or far,)
        if col == "estimate":
            return lambda it: (it.estimate_days is None, it.estimate_days or 0.0)
        if col == "deps":
            return lambda it: (self.open_deps(it.id), len(it.depends_on))
        if col == "dependents":
            return lambda it: (self.dependents.get(it.id, 0),)
        if col == "gate":
            return lambda it: (self._gate_text(it),)
        return lambda it: ()

    def _filtered(self) -> list[Item]:
        items = self._sorted()
        q = self.query_
        if q.is_empty:
            return items
        if any(t.kind == "text" for t in q.terms):
            if self._haystacks is None:
                self._haystacks = {it.id: haystack(it) for it in self.items}
            hs = self._haystacks
        else:
            hs = {}
        facts = self.facts
        return [it for it in items if q.matches(it, facts, hs.get(it.id))]

    def _group_of(self, it: Item) -> str:
        g = self.grouping
        if g == "phase":
            return it.phase or ""
        if g == "priority":
            return it.priority or ""
        if g == "owner":
            return it.owner
        if g == "workstream":
            return it.workstream
        return ""

    def rebuild(self, keep: str | None = None) -> None:
        items = self._filtered()
        self.shown = len(items)
        if self.grouping is None:
            rows: list[Item | GroupRow] = list(items)
        else:
            groups: dict[str, list[Item]] = {}
            for it in items:
                groups.setdefault(self._group_of(it), []).append(it)
            keys = list(groups)
            if self.grouping == "priority":
                keys.sort(key=lambda k: PRIORITY_RANK.get(k, 9))
            elif self.grouping == "phase":
                order = {p: n for n, p in enumerate(self.group_titles.get("phase", {}))}
                keys.sort(key=lambda k: (k == "", order.get(k, len(order)), natural_key(k)))
            else:
                keys.sort(key=lambda k: (k == "", k.lower()))
            rows = []
            titles = self.group_titles.get(self.grouping, {})
            for k in keys:
                label = k or f"(no {self.grouping})"
                if titles.get(k):
                    label = f"{k} · {titles[k]}"
                rows.append(GroupRow(label, len(groups[k])))
                rows.extend(groups[k])
        self.rows = rows
        self._row_pos = None
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
                target = min(self.cursor, max(0, len(rows) - 1))
        if rows and type(rows[target]) is GroupRow and target + 1 < len(rows):
            target += 1
        self.set_reactive(BacklogTable.cursor, target)
        self._scroll_to_cursor()
        self.refresh()
        self._announce()
        self.post_message(self.ViewChanged())

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
        # scrolls leave its picture as it is, and repainting it is a tenth of the frame. Take the
        # new position without a repaint when the thumb looks the same.
        if self.show_vertical_scrollbar:
            bar = self.vertical_scrollbar
            new = bar.validate_position(new_value)
            if new != bar.position and self._thumb(bar, bar.position) == self._thumb(bar, new):
                bar.set_reactive(ScrollBar.position, new)
        super().watch_scroll_y(old_value, new_value)

    @staticmethod
    def _thumb(bar: ScrollBar, position: float) -> object:
        """What the vertical scrollbar draws at ``position`` (as ``ScrollBar.render`` asks it)."""
        virtual = bar.window_virtual_size
        window = bar.window_size if bar.window_size < virtual else 0
        segments = ScrollBarRender.render_bar(
            size=bar.size.height,
            virtual_size=ceil(virtual),
            window_size=ceil(window),
            position=position,
            thickness=1,
            vertical=True,
        )
        return list(segments.segments)

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
        if key == self.sort_key and reverse is None:
            self.sort_reverse = not self.sort_reverse
        else:
            self.sort_key = key
            self.sort_reverse = bool(reverse)
        self.rebuild(self.current_id)

    def action_sort_next(self) -> None:
        keys: list[str | None] = [None, *SORTABLE]
        n = keys.index(self.sort_key) if self.sort_key in keys else 0
        self.sort_key = keys[(n + 1) % len(keys)]
        self.sort_reverse = False
        self.rebuild(self.current_id)

    def action_sort_reverse(self) -> None:
        if self.sort_key is None:
            self.sort_key = "priority"
        else:
            self.sort_reverse = not self.sort_reverse
        self.rebuild(self.current_id)

    def action_group_next(self) -> None:
        n = GROUPINGS.index(self.grouping)
        self.grouping = GROUPINGS[(n + 1) % len(GROUPINGS)]
        self.rebuild(self.current_id)

    def set_grouping(self, grouping: str | None) -> None:
        self.grouping = grouping
        self.rebuild(self.current_id)

    # ------------------------------------------------------------------ mouse
    def on_click(self, event: events.Click) -> None:
        if event.y == 0:
            for col, x, w in self._columns(self.size.width):
                if x <= event.x < x + w + 1 and col.key in SORTABLE:
                    self.sort_by(col.key)
                    break
            return
        row = round(self.scroll_y) + event.y - 1
        if 0 <= row < len(self.rows) and type(self.rows[row]) is not GroupRow:
            self.cursor = row
            if event.chain >= 2:
                self.action_open()

    def on_focus(self) -> None:
        self._refresh_row(self.cursor)

    def on_blur(self) -> None:
        self._refresh_row(self.cursor)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._line_cache.clear()
        self._styles.clear()

    def on_resize(self, event: events.Resize) -> None:
        self._line_cache.clear()
        self.virtual_size = Size(event.size.width, len(self.rows) + 1)
        self._scroll_to_cursor()

    # ------------------------------------------------------------------ rendering
    def _columns(self, width: int) -> list[tuple[Column, int, int]]:
        if self._col_layout and self._col_layout[0] == width:
            return self._col_layout[1]
        sample = self.items[:2000]
        # The id and owner columns follow the board's values, within limits; the title takes the rest.
        want = {
            "id": max([6, *(len(it.id) for it in sample)]),
            "owner": max([5, *(len(it.owner) for it in sample)]),
        }
        fixed = sum(c.width for c in COLUMNS if c.width) + len(COLUMNS)  # one space after each column
        widths = {c.key: c.width for c in COLUMNS}
        for key, cap in (("id", 14), ("owner", 14)):
            room = width - fixed - 24  # keep at least 24 cells of title
            target = min(want[key], cap)
            extra = max(0, min(target - widths[key], room))
            widths[key] += extra
            fixed += extra
            if target < widths[key]:  # narrower than the default when every value is short
                fixed -= widths[key] - max(target, len(next(c.label for c in COLUMNS if c.key == key)))
                widths[key] = max(target, len(next(c.label for c in COLUMNS if c.key == key)))
        title_w = max(8, width - fixed)
        out = []
        x = 0
        for c in COLUMNS:
            w = title_w if c.width == 0 else widths[c.key]
            out.append((c, x, w))
            x += w + 1
        self._col_layout = (width, out)
        self._layout_key = tuple((c.key, w) for c, _x, w in out)
        return out

    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            style = self._styles[name] = self.get_component_rich_style(name, partial=True)
        return style

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if y == 0:
            self._columns(width)
            key = ("header", self.sort_key, self.sort_reverse, self._layout_key)
            cached = self._line_cache.get(key)
            if cached is None:
                cached = self._line_cache[key] = (None, self._header(width))
            return cached[1]
        row = round(self.scroll_y) + y - 1
        if row >= len(self.rows):
            return Strip.blank(width, self.rich_style)
        is_cursor = row == self.cursor
        key = self._row_key(self.rows[row], width, is_cursor)
        cached = self._line_cache.get(key)
        if cached is not None and cached[0] is self.rows[row]:
            return cached[1]
        strip = self._render_row(row, width, is_cursor)
        self._line_cache[key] = (self.rows[row], strip)
        return strip

    def _row_key(self, entry: object, width: int, is_cursor: bool) -> tuple:
        """Everything a row's picture depends on, so that an edit repaints only the rows it
        changed (items are replaced, never mutated, by the store; the entry itself is kept in the
        cache value and compared by identity, so a recycled id() never returns a stale row)."""
        self._columns(width)
        layout = self._layout_key
        focus = is_cursor and self.has_focus
        if type(entry) is GroupRow:
            return ("group", entry.label, entry.count, layout, is_cursor, focus)
        iid = entry.id  # type: ignore[attr-defined]
        f = self.facts
        return (
            id(entry),
            iid in f.ready,
            iid in f.blocked,
            iid in f.waiting,
            iid in f.overdue,
            self.open_deps(iid),
            self.dependents.get(iid, 0),
            self.gate_status.get(iid) if self.gate_status else None,
            layout,
            is_cursor,
            focus,
        )

    def _header(self, width: int) -> Strip:
        base = self.rich_style
        plain = base + self._style("backlog--header")
        hi = base + self._style("backlog--header-sorted")
        segs = []
        for col, _x, w in self._columns(width):
            label = col.label
            style = plain
            if col.key == self.sort_key:
                label = f"{label[: w - 1]}{'↓' if self.sort_reverse else '↑'}"
                style = hi
            segs.append(Segment(fit(label, w, col.align), style))
            segs.append(Segment(" ", plain))
        return Strip(segs).crop_extend(0, width, plain)

    def _render_row(self, row: int, width: int, is_cursor: bool) -> Strip:
        base = self.rich_style
        entry = self.rows[row]
        cursor = None
        if is_cursor:
            cursor = self._style("backlog--cursor" if self.has_focus else "backlog--cursor-blur")
        if type(entry) is GroupRow:
            style = base + self._style("backlog--group")
            if cursor is not None:
                style += cursor
            text = f"▾ {entry.label}  ({entry.count})"
            return Strip([Segment(fit(text, width, "left"), style)], width)
        it: Item = entry  # type: ignore[assignment]
        segs = []
        row_style = base + self._style("backlog--closed") if it.is_closed else base
        for col, _x, w in self._columns(width):
            text, extra = self._cell(col.key, it)
            style = row_style + self._style(extra) if extra else row_style
            if cursor is not None:
                style += cursor
            segs.append(Segment(fit(text, w, col.align), style))
            segs.append(Segment(" ", row_style + cursor if cursor is not None else row_style))
        return Strip(segs).crop_extend(0, width, row_style + cursor if cursor is not None else row_style)

    def _gate_text(self, it: Item) -> str:
        return gate_text(it, self.gate_status)

    def _cell(self, key: str, it: Item) -> tuple[str, str]:
        return cell(key, it, self.facts, self.open_deps, self.dependents, self.gate_status)

    # ------------------------------------------------------------------ describing the view
    def describe_view(self) -> str:
        parts = [f"{self.shown} of {len(self.items)} items"]
        if self.sort_key:
            parts.append(f"sorted by {self.sort_key} {'↓' if self.sort_reverse else '↑'}")
        if self.grouping:
            parts.append(f"grouped by {self.grouping}")
        return " · ".join(parts)


def _swap(seq: list, old: object, new: object, hint: int = -1) -> None:
    """Replace the object ``old`` (by identity) with ``new`` in ``seq``; ``hint``: its likely index."""
    if 0 <= hint < len(seq) and seq[hint] is old:
        seq[hint] = new
        return
    for n, x in enumerate(seq):
        if x is old:
            seq[n] = new
            return
