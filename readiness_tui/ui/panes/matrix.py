"""The dependency matrix pane: 1 where the row depends on the column.

Rows and columns follow the recorded ``[matrix]`` order when the board has one (then any items it
does not list), else board order. Cells on a dependency cycle show ``↻``; cells where the recorded
matrix and the items' ``depends_on`` disagree show ``≠`` and the summary line counts them; a change
the app refused because it would close a cycle is marked ``✗`` along the cycle until the next toggle
or board change.

Keys: arrows / hjkl move a cell, g / G first / last row, home / end first / last column,
pageup / pagedown a page of rows, ctrl+pageup / ctrl+pagedown a page of columns, space or x toggles
the dependency (posts ``ToggleDependency``), enter posts ``OpenItem`` for the row's item. A click
moves the cursor, a double click opens.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any, ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType

from readiness_tui.core.analysis.analyze import Analysis
from readiness_tui.core.analysis.kept import same_links
from readiness_tui.core.board.store import BoardStore
from readiness_tui.ui.binding_ids import with_ids
from readiness_tui.ui.messages import ItemHighlighted, OpenItem, ToggleDependency
from readiness_tui.ui.panes.lazy import LazyPane
from readiness_tui.ui.widgets.line_parts import plural
from readiness_tui.ui.widgets.matrix_grid import MatrixGrid
from readiness_tui.ui.widgets.matrix_layout import (
    CYCLE,
    DIS_DEP,
    DIS_NONE,
    H_CLOSED,
    H_PLAIN,
    H_UNKNOWN,
    REFUSED_DEP,
    REFUSED_NEW,
    SELF_DEP,
)


def _label_states(ids: list[str], items: dict[str, Any]) -> list[int]:
    """How each row's and column's label shows: an id no item has, a closed item, an open one."""
    found = map(items.get, ids)
    return [H_UNKNOWN if it is None else H_CLOSED if it.is_closed else H_PLAIN for it in found]


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"


class MatrixPane(MatrixGrid, LazyPane):
    """N x N dependency matrix of a board, with the cycle and recorded-matrix checks."""

    legend = ("1 row depends on column", "↻ cycle", "≠ differs from recorded")

    BINDINGS: ClassVar[list[BindingType]] = with_ids(
        "matrix",
        [
            # The id it had when the action was called "toggle": keymaps that move it keep working.
            Binding("space,x", "toggle_dependency", "Toggle dependency", id="matrix.toggle"),
            Binding("enter", "open", "Open item"),
        ],
    )

    def __init__(self, *, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._analysis: Analysis | None = None
        self._pos: Mapping[str, int] = {}
        self._items: dict[str, Any] = {}
        self._recorded: set[tuple[str, str]] | None = None
        self._recorded_ids: set[str] = set()
        self._cycle_cells: set[tuple[int, int]] = set()
        self._disagree_cells: set[tuple[int, int]] = set()
        self._refused: list[str] = []
        self._base_marks: dict[int, dict[int, int]] = {}
        #: After a ``release``: the analysis last shown and the cursor's row and column ids.
        self._released_from: Analysis | None = None
        self._kept: tuple[str | None, str | None] | None = None

    # ------------------------------------------------------------------ contract
    def build(self, store: BoardStore, analysis: Analysis) -> None:
        if self._restyle(analysis):
            return
        if analysis is not self._analysis and analysis is not self._released_from:
            self._refused = []  # a refused change is marked until the board changes
        old_row, old_col = self._kept if self._kept is not None else (self.cursor_row_id, self.cursor_col_id)
        self._released_from = self._kept = None
        self._analysis = analysis
        board = analysis.board
        items = analysis.items
        self._items = items
        m = board.matrix
        pos: Mapping[str, int]
        if m is None or not m.order:
            # The items in board order: the analysis' own map of their places serves (no second one).
            order = list(items)
            pos = analysis.board_positions()
        else:
            order = list(dict.fromkeys(analysis.matrix_order()))
            seen = set(order)
            order += [i for i in items if i not in seen]
            pos = {i: n for n, i in enumerate(order)}
        self._pos = pos
        deps: list[list[int]] = []
        edges = 0
        for i in order:
            it = items.get(i)
            row = [] if it is None else [pos[d] for d in it.depends_on if d in pos]
            edges += len(row)
            deps.append(row)
        states = _label_states(order, items)
        marks: dict[int, dict[int, int]] = {}
        self._recorded = m.cells() if m is not None and m.order else None
        self._recorded_ids = set(m.order) if m is not None else set()
        self._disagree_cells = set()
        for d in analysis.matrix_disagreements:
            r, c = pos[d.row], pos[d.col]
            self._disagree_cells.add((r, c))
            marks.setdefault(r, {})[c] = DIS_DEP if d.derived else DIS_NONE
        self._cycle_cells = set()
        for item, dep in analysis.cycle_edges:
            if item in pos and dep in pos:
                r, c = pos[item], pos[dep]
                self._cycle_cells.add((r, c))
                marks.setdefault(r, {})[c] = SELF_DEP if r == c else CYCLE
        self._base_marks = marks
        cursor = (
            pos.get(old_row, self.cursor_row) if old_row is not None else 0,
            pos.get(old_col, self.cursor_col) if old_col is not None else 0,
        )
        summary, alert = self._summary_text(order, edges, analysis)
        self.set_data(
            order, deps, self._marks_with_refused(), states, summary=summary, summary_alert=alert, cursor=cursor
        )

    def release(self) -> bool:
        """Let go of the grid while the pane is hidden; built again when shown, with the cursor on
        the same row and column ids and any refused change still marked."""
        if self._analysis is None:
            return False
        self._kept = (self.cursor_row_id, self.cursor_col_id)
        self._released_from, self._analysis = self._analysis, None
        self._pos, self._items, self._base_marks = {}, {}, {}
        self.drop_data()
        return True

    def _restyle(self, analysis: Analysis) -> bool:
        """After an edit that left every id, dependency and the recorded matrix as they were (a
        status, an estimate), only which labels show closed items can differ: restyle those
        instead of laying out the grid again (a pass over every item). False when it cannot."""
        before = self._analysis
        if before is None or analysis is before or self._refused:
            return False
        if analysis.board.matrix != before.board.matrix or not same_links(analysis, before):
            return False
        items = analysis.items
        self._analysis, self._items = analysis, items
        self.set_header_state(_label_states(self.ids, items))
        return True

    def focus_line_of_item(self, item_id: str) -> bool:
        """Move the cursor to the item's row (no message); False if it has none."""
        row = self._pos.get(item_id)
        if row is None:
            return False
        self.move_cursor(row=row, post=False)
        return True

    def show_cycle(self, cycle: list[str]) -> None:
        """Mark a cycle the app refused to create: ``[item, dep, ..., item]`` along depends_on."""
        self._refused = list(cycle)
        if self._analysis is None:
            return
        self.set_marks(self._marks_with_refused())
        summary, alert = self._summary_text(self.ids, sum(len(d) for d in self.cells.deps), self._analysis)
        self.set_summary(summary, alert)

    def clear_cycle(self) -> None:
        if self._refused:
            self.show_cycle([])

    # ------------------------------------------------------------------ marks and text
    def _refused_pairs(self) -> list[tuple[str, str]]:
        cyc = self._refused
        if len(cyc) < 2:
            return [(cyc[0], cyc[0])] if cyc else []
        pairs = list(zip(cyc, cyc[1:]))
        if cyc[0] != cyc[-1]:
            pairs.append((cyc[-1], cyc[0]))
        return pairs

    def _marks_with_refused(self) -> dict[int, dict[int, int]]:
        if not self._refused:
            return self._base_marks
        marks = {r: dict(cols) for r, cols in self._base_marks.items()}
        for a, b in self._refused_pairs():
            if a in self._pos and b in self._pos:
                r, c = self._pos[a], self._pos[b]
                marks.setdefault(r, {})[c] = REFUSED_DEP if c in self._deps_of(r) else REFUSED_NEW
        return marks

    def _deps_of(self, r: int) -> Collection[int]:
        deps = self.cells.deps
        return deps[r] if r < len(deps) else ()

    @property
    def agreement(self) -> str:
        """ "recorded matrix agrees", "N disagreements" or "no recorded matrix"."""
        if self._recorded is None:
            return "no recorded matrix"
        k = len(self._disagree_cells)
        return "recorded matrix agrees" if k == 0 else plural(k, "disagreement")

    def _summary_text(self, order: list[str], edges: int, analysis: Analysis) -> tuple[Text, bool]:
        text = Text()
        if self._refused:
            path = " → ".join(self._refused)
            text.append(f"✗ refused: {path} would be a dependency cycle", "bold")
            text.append("  (✗ marks it until the next toggle)")
            return text, True
        n = len(order)
        text.append(f"Dependency matrix {n}×{n}")
        text.append(f" · {plural(edges, 'dependency', 'dependencies')}")
        text.append(f" · {self.agreement}")
        if self._recorded is not None:
            missing = [i for i in analysis.items if i not in self._recorded_ids]
            if missing:
                text.append(f" ({plural(len(missing), 'item')} not in it)")
        if analysis.cycles:
            text.append(f" · {plural(len(analysis.cycles), 'cycle')}")
        return text, False

    def describe_cell(self, r: int, c: int) -> Text:
        rid, cid = self.ids[r], self.ids[c]
        text = Text()
        text.append(rid, "bold")
        rt = self._items.get(rid)
        if rt is not None and rt.title:
            text.append(f" {_short(rt.title, 28)}")
        depends = c in self._deps_of(r)
        text.append(" depends on " if depends else " does not depend on ")
        text.append(cid, "bold")
        ct = self._items.get(cid)
        if ct is not None and ct.title:
            text.append(f" {_short(ct.title, 28)}")
        if rid not in self._items:
            text.append(" · row id names no item")
        if self._recorded is not None and rid in self._recorded_ids and cid in self._recorded_ids:
            rec = (rid, cid) in self._recorded
            text.append(f" · recorded {int(rec)}")
            if (r, c) in self._disagree_cells:
                text.append(" ≠ board", "bold")
        if (r, c) in self._cycle_cells:
            text.append(" · on a cycle", "bold")
        return text

    # ------------------------------------------------------------------ ids under the cursor
    @property
    def cursor_row_id(self) -> str | None:
        return self.ids[self.cursor_row] if self.ids else None

    @property
    def cursor_item(self) -> str | None:
        row = self.cursor_row_id
        return row if row in self._items else None

    @property
    def cursor_col_id(self) -> str | None:
        return self.ids[self.cursor_col] if self.ids else None

    # ------------------------------------------------------------------ actions
    def cursor_row_changed(self, row: int) -> None:
        if self.ids[row] in self._items:
            self.post_message(ItemHighlighted(self.ids[row]))

    def action_toggle_dependency(self) -> None:
        if not self.ids:
            return
        self.clear_cycle()
        self.post_message(ToggleDependency(self.ids[self.cursor_row], self.ids[self.cursor_col]))

    def action_open(self) -> None:
        if self.ids:
            self.post_message(OpenItem(self.ids[self.cursor_row]))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        row, col = self.cell_at(offset.x, offset.y)
        if row is None and col is None:
            return
        self.move_cursor(row=row, col=col)
        if event.chain >= 2 and row is not None:
            self.action_open()
