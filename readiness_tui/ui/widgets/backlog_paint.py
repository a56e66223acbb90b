"""Drawing the backlog's lines: the column layout, the header, one strip per row, and the cache
that makes each line on screen render once.

Strips are cached by everything a row's picture depends on (``row_key``), so the cache is only
dropped when the styles or the width change; an edit repaints only the rows it changed.
"""

from __future__ import annotations

from dataclasses import replace
from math import ceil
from typing import Protocol

from rich.segment import Segment
from rich.style import Style
from textual.cache import LRUCache
from textual.scrollbar import ScrollBar, ScrollBarRender
from textual.strip import Strip

from readiness_tui.core.model.board import Item
from readiness_tui.ui.widgets.backlog_cells import (
    COLUMNS,
    MIN_TITLE,
    NARROWING,
    Column,
    GroupRow,
    cell,
    fit,
    narrow,
    tree_title,
)
from readiness_tui.ui.widgets.backlog_rows import RowModel
from readiness_tui.ui.widgets.line_parts import fit_strip

#: The styles of the backlog's lines (the table's component classes and CSS).
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

CSS = """
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


class Styled(Protocol):
    """What the painter needs of its widget."""

    @property
    def rich_style(self) -> Style: ...

    def get_component_rich_style(self, *names: str, partial: bool = False) -> Style: ...


class LinePainter:
    def __init__(self, widget: Styled, model: RowModel) -> None:
        self.widget = widget
        self.model = model
        # A few pages either way of the screen (a page is a screen of rows): a strip of a wide row
        # is kilobytes, and a whole backlog paged through would otherwise keep a thousand of them.
        self.cache: LRUCache[tuple, tuple[object, Strip]] = LRUCache(256)
        self._layout: tuple[int, list[tuple[Column, int, int]]] | None = None
        #: (column, width) pairs of the layout: part of every cached line's key.
        self._layout_key: tuple = ()
        #: Component styles by name (Textual drops its own cache on every refresh, i.e. every
        #: scroll); dropped with the line cache when the styles change.
        self._styles: dict[str, Style] = {}

    def forget(self, layout: bool = False) -> None:
        """Drop cached lines and styles (theme, size); ``layout``: the column widths too."""
        self.cache.clear()
        self._styles.clear()
        if layout:
            self._layout = None

    def relayout(self) -> None:
        """The id and owner columns follow the board's values: measure them again."""
        self._layout = None

    # ------------------------------------------------------------------ layout
    def columns(self, width: int) -> list[tuple[Column, int, int]]:
        if self._layout and self._layout[0] == width:
            return self._layout[1]
        model = self.model
        sample = model.items[:2000]
        # The id and owner columns follow the board's values, within limits; the title takes the rest.
        want = {
            "id": max([6, *(len(it.id) for it in sample)]),
            "owner": max([5, *(len(model.owner(it)) for it in sample)]),
        }
        widths = {c.key: c.width for c in COLUMNS}
        labels = {c.key: c.label for c in COLUMNS}
        for key in ("id", "owner"):  # narrower than the default when every value is short
            widths[key] = min(widths[key], max(want[key], len(labels[key])))

        def title_room() -> int:
            return width - sum(w + 1 for w in widths.values() if w) - 1  # one space after each column

        # At narrow widths the small columns give way first: the title keeps at least MIN_TITLE.
        for key, w, label in NARROWING:
            if title_room() >= MIN_TITLE:
                break
            widths[key], labels[key] = w, label
        for key, cap in (("id", 14), ("owner", 14)):
            extra = max(0, min(min(want[key], cap) - widths[key], title_room() - MIN_TITLE))
            widths[key] += extra
        title_w = max(8, title_room())
        out = []
        x = 0
        for c in COLUMNS:
            w = title_w if c.width == 0 else widths[c.key]
            if not w:
                continue
            if w < c.width:
                c = replace(c, label=labels[c.key])
            out.append((c, x, w))
            x += w + 1
        self._layout = (width, out)
        self._layout_key = tuple((c.key, w) for c, _x, w in out)
        return out

    def style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            style = self._styles[name] = self.widget.get_component_rich_style(name, partial=True)
        return style

    # ------------------------------------------------------------------ lines
    def header(self, width: int) -> Strip:
        m = self.model
        self.columns(width)
        key = ("header", m.sort_key, m.sort_reverse, self._layout_key)
        cached = self.cache.get(key)
        if cached is None:
            cached = self.cache[key] = (None, self._header(width))
        return cached[1]

    def row(self, entry: Item | GroupRow, width: int, is_cursor: bool, focused: bool) -> Strip:
        key = self.row_key(entry, width, is_cursor, focused)
        cached = self.cache.get(key)
        if cached is not None and cached[0] is entry:
            return cached[1]
        strip = self._row(entry, width, is_cursor, focused)
        self.cache[key] = (entry, strip)
        return strip

    def row_key(self, entry: object, width: int, is_cursor: bool, focused: bool) -> tuple:
        """Everything a row's picture depends on, so that an edit repaints only the rows it
        changed (items are replaced, never mutated, by the store; the entry itself is kept in the
        cache value and compared by identity, so a recycled id() never returns a stale row)."""
        self.columns(width)
        layout = self._layout_key
        focus = is_cursor and focused
        if type(entry) is GroupRow:
            return ("group", entry.label, entry.count, layout, is_cursor, focus)
        m = self.model
        iid = entry.id  # type: ignore[attr-defined]
        f = m.facts
        tree = f.tree
        return (
            id(entry),
            iid in f.ready,
            iid in f.blocked,
            iid in f.waiting,
            iid in f.overdue,
            m.open_deps(iid),
            m.dependents.get(iid, 0),
            m.gate_status.get(iid) if m.gate_status else None,
            tree.owner(iid) if tree is not None else None,
            self._tree_cell(entry) if m.tree_shown else None,  # type: ignore[arg-type]
            layout,
            is_cursor,
            focus,
        )

    def _tree_cell(self, it: Item) -> tuple[str, str]:
        m = self.model
        tree = m.tree
        assert tree is not None  # tree_shown
        iid = it.id
        return tree_title(it, m.depth.get(iid, 0), tree.has_children(iid), iid in m.folded, tree.rollup(iid))

    def _header(self, width: int) -> Strip:
        m = self.model
        base = self.widget.rich_style
        plain = base + self.style("backlog--header")
        hi = base + self.style("backlog--header-sorted")
        segs = []
        for col, _x, w in self.columns(width):
            label = col.label
            style = plain
            if col.key == m.sort_key:
                label = f"{label[: w - 1]}{'↓' if m.sort_reverse else '↑'}"
                style = hi
            segs.append(Segment(fit(label, w, col.align), style))
            segs.append(Segment(" ", plain))
        return fit_strip(Strip(segs), width, plain)

    def _row(self, entry: Item | GroupRow, width: int, is_cursor: bool, focused: bool) -> Strip:
        base = self.widget.rich_style
        cursor = None
        if is_cursor:
            cursor = self.style("backlog--cursor" if focused else "backlog--cursor-blur")
        if type(entry) is GroupRow:
            style = base + self.style("backlog--group")
            if cursor is not None:
                style += cursor
            text = f"▾ {entry.label}  ({entry.count})"
            return Strip([Segment(fit(text, width, "left"), style)], width)
        it: Item = entry  # type: ignore[assignment]
        m = self.model
        segs = []
        row_style = base + self.style("backlog--closed") if it.is_closed else base
        for col, _x, w in self.columns(width):
            if col.key == "title" and m.tree_shown:
                text, rollup = self._tree_cell(it)
                extra = ""
                if rollup and w > len(rollup) + 8:
                    text = fit(text, w - len(rollup) - 1, "left") + " " + rollup
            else:
                text, extra = cell(col.key, it, m.facts, m.open_deps, m.dependents, m.gate_status)
                if w < col.width:
                    text = narrow(col.key, text)
            style = row_style + self.style(extra) if extra else row_style
            if cursor is not None:
                style += cursor
            segs.append(Segment(fit(text, w, col.align), style))
            segs.append(Segment(" ", row_style + cursor if cursor is not None else row_style))
        return fit_strip(Strip(segs), width, row_style + cursor if cursor is not None else row_style)


def scrollbar_thumb(bar: ScrollBar, position: float) -> object:
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
