"""The Gates pane: every gate with its status, last run, duration, evidence, waiver and drift, and
the captured (redacted) output of the selected one.

The pane never runs anything itself: it posts ``RunGates`` / ``CancelGates`` / ``TrustBoard`` /
``ToggleAutoRun`` and the app acts through its ``GateSession`` (``readiness_tui.core.gates``).
The app wiring, in short::

    pane.attach_session(session)          # or pass views to show_board(store, analysis, views)
    def on_run_gates(self, msg):          # msg.ids: list of item ids, or None for all
        if not session.trusted: push TrustScreen(...) first
        session.start(msg.ids, on_start=lambda job: self.call_from_thread(pane.refresh_gates),
                      on_done=lambda res: self.call_from_thread(pane.refresh_gates))
        pane.refresh_gates()              # shows `running` at once
    def on_cancel_gates(self, msg): session.cancel(msg.ids); pane.refresh_gates()

Keys: j/k (or up/down) move, g/G first/last, r run the selected gate, R run all, x cancel
selected, X cancel all, t trust the board's commands, a toggle auto-run, enter open the item.

Ages ("12s ago") are read off one clock: the table and the detail are drawn from the same moment,
and a tick every second moves both (``core.display`` writes ages and durations for every surface).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.visual import visualize
from textual.widgets import Static

from readiness_tui.core.analysis.analyze import Analysis
from readiness_tui.core.outputs.display import format_age
from readiness_tui.ui.binding_ids import with_ids
from readiness_tui.ui.panes.base import Pane

if TYPE_CHECKING:
    from readiness_tui.ui.board_state import GateResults
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.gates import GateSession, GateView
from readiness_tui.ui.messages import CancelGates, ItemHighlighted, RunGates, ToggleAutoRun, TrustBoard
from readiness_tui.ui.widgets.gate_table import GateTable
from readiness_tui.ui.widgets.gate_text import STATUS_STYLE, gate_cells, gate_detail, waiting_cells


class GatesPane(Vertical, Pane):
    """All gates of the board; the selected one's details and output below."""

    DEFAULT_CSS = """
    GatesPane { height: 1fr; }
    GatesPane #gates-summary { height: 1; padding: 0 1; background: $boost; }
    GatesPane #gates-table { height: 2fr; }
    GatesPane #gates-detail-box { height: 1fr; border-top: solid $primary; }
    GatesPane #gates-detail { padding: 0 1; min-height: 100%; }
    """

    BINDINGS = with_ids(
        "gates",
        [
            Binding("r", "run_selected", "Run gate"),
            Binding("R", "run_all", "Run all"),
            Binding("x", "cancel_selected", "Cancel"),
            Binding("X", "cancel_all", "Cancel all", show=False),
            Binding("t", "trust", "Trust"),
            Binding("a", "toggle_auto", "Auto-run", show=False),
            Binding("e", "screen.edit_item('gate.exit_criteria')", "Edit gate"),
            Binding("w", "screen.waiver", "Waiver…"),
            Binding("j", "move(1)", id="gates.cursor_down", description="Down", show=False),
            Binding("k", "move(-1)", id="gates.cursor_up", description="Up", show=False),
            Binding("g", "to(0)", id="gates.first", description="First", show=False),
            Binding("G", "to(-1)", id="gates.last", description="Last", show=False),
        ],
    )

    def __init__(
        self, *, id: str | None = "gates", classes: str | None = None, clock: Callable[[], float] = time.time
    ) -> None:
        super().__init__(id=id, classes=classes)
        self._clock = clock
        self.session: GateSession | None = None
        self._own_session = False
        self.views: dict[str, GateView] = {}
        self.trusted = True
        self.auto_run = False
        self._selected: str | None = None
        #: The one moment every age on screen is measured from (moved by ``_tick_ages``).
        self._now = clock()

    def compose(self) -> ComposeResult:
        yield Static("", id="gates-summary")
        yield GateTable(id="gates-table", fresh=self._cells)
        with VerticalScroll(id="gates-detail-box"):
            yield Static("", id="gates-detail")

    def on_mount(self) -> None:
        self.set_interval(1, self._tick_ages)

    @property
    def table(self) -> GateTable:
        return self.query_one("#gates-table", GateTable)

    # ------------------------------------------------------------------ pane interface
    def attach_session(self, session: GateSession) -> None:
        """Use the app's session (so runs the app starts show here)."""
        if self._own_session and self.session is not None:
            self.session.close()
        self.session = session
        self._own_session = False

    def show_board(
        self, store: BoardStore, analysis: Analysis | None = None, views: dict[str, GateView] | None = None
    ) -> None:
        """Show the board's gates: ``views`` if given, else evaluated by the attached session (a
        session of the pane's own, read-only, when the app attached none)."""
        if views is None:
            if self.session is None or (
                self._own_session and self.session.board_path != (store.path.resolve() if store.path else None)
            ):
                if self.session is not None and self._own_session:
                    self.session.close()
                self.session = GateSession(store.path, store.board)
                self._own_session = True
            else:
                self.session.set_board(store.board)
            views = self.session.views()
        self.show_gates(views, self.session.trusted if self.session else None)

    def release(self) -> bool:
        """Let go of the gates' views (one per gate: 9,000 on a large board) while the pane is
        hidden: the live results are not followed then (``gates_changed`` waits for views), and the
        next ``show_board`` evaluates every gate again. The table keeps its rows' order, cursor and
        scroll, and draws its rows from the views then."""
        held = bool(self.views)
        self.views = {}
        return held

    def apply_changes(self, store: BoardStore, changes: list, analysis: Callable[[], Analysis | None]) -> bool:
        """An edit of item fields no gate is defined by (a status, a title): the edited items'
        gates alone are evaluated and redrawn, not the board's 9,000 (a status key at 10k)."""
        from readiness_tui.core.gates.neutral import take_item_changes

        session = self.session
        if session is None or self._own_session or not self.views:
            return False
        ids = take_item_changes(session, changes, store)  # the live board's sync, which follows, takes them too
        if ids is None:
            return False  # the live board's sync takes the new board; show it whole
        self.refresh_gates(ids)
        return True

    def gates_changed(self, gates: GateResults) -> None:
        """The app's live session (so runs the app starts show here), its results and auto-run."""
        session = gates.session
        if session is not None and session is not self.session:
            self.attach_session(session)
        if gates.auto_run != self.auto_run:
            self.set_auto_run(gates.auto_run)
        # Nothing shown yet: the board the screen shows next evaluates every gate once.
        if session is not None and session is self.session and self.is_mounted and self.views:
            self.refresh_gates(gates.changed)

    def refresh_gates(self, only: AbstractSet[str] | None = None) -> None:
        """Re-evaluate through the session and redraw (after a run started or finished); ``only``:
        the gates that may look different (the rest are as shown)."""
        session = self.session
        if session is None:
            return
        if only is not None and self.views and session.trusted == self.trusted:
            views = session.views(only)
            if views.keys() == self.views.keys() & only:  # no gate among them came or went
                for v in views.values():
                    self.views[v.item_id] = v
                    self._update_row(v)
                self._show_summary()
                if self._selected in views:
                    self._show_detail(self._selected)
                return
        self.show_gates(session.views(), session.trusted)

    def show_gates(self, views: dict[str, GateView], trusted: bool | None = None) -> None:
        if trusted is not None:
            self.trusted = trusted
        self.views = self._grouped(views)
        self._now = self._clock()
        table = self.table
        if list(self.views) == table.keys:  # the same gates in the same order (shown before a ``release`` too)
            for v in self.views.values():
                self._update_row(v)
        else:
            table.show_keys(list(self.views))  # each row made when drawn (``_cells``): no copy of 9,000
        self._show_summary()
        self._show_detail(self._selected if self._selected in self.views else next(iter(self.views), None))

    def _levels(self) -> list[str]:
        return list(self.session.board.board.levels) if self.session is not None else []

    def _grouped(self, views: dict[str, GateView]) -> dict[str, GateView]:
        """Gates grouped by level, lowest first (board order within a level, gates without one
        last), when the board declares levels; else in board order."""
        levels = self._levels()
        if not levels:
            return dict(views)
        rank = {name: n for n, name in enumerate(levels)}
        order = sorted(views, key=lambda k: rank.get(views[k].level or "", len(levels)))
        return {k: views[k] for k in order}

    def update_gate(self, view: GateView) -> None:
        """Redraw one gate (cheap: no table rebuild)."""
        if view.item_id not in self.views:
            return
        self.views[view.item_id] = view
        self._update_row(view)
        self._show_summary()
        if view.item_id == self._selected:
            self._show_detail(view.item_id)

    def focus_item(self, item_id: str) -> None:
        if item_id not in self.views:
            return
        self.table.move_cursor(self.table.row_index(item_id))
        self._selected = item_id
        self._show_detail(item_id)

    def set_auto_run(self, on: bool) -> None:
        self.auto_run = on
        self._show_summary()

    # ------------------------------------------------------------------ rendering
    def _cells(self, item_id: str) -> tuple[tuple[str, str], ...]:
        """A gate's row at the pane's one clock; a row drawn while the views are let go (``release``) and not
        yet evaluated again waits for them, and is made again when they come (``show_gates``)."""
        v = self.views.get(item_id)
        if v is None:
            return waiting_cells(item_id)
        return gate_cells(v, format_age(v.age_s(self._now)))

    def _update_row(self, v: GateView) -> None:
        # The table repaints the row only when a cell reads differently: a redraw of every gate
        # (a run finished, the session attached) changes a few rows of thousands.
        self.table.update_row(v.item_id, self._cells(v.item_id))

    def _tick_ages(self) -> None:
        """Move the clock: the ages the table shows (worked out for the rows drawn) and the detail."""
        self._now = self._clock()
        ran = [k for k, v in self.views.items() if v.result is not None]
        self.table.age_out(ran)
        selected = self.views.get(self._selected) if self._selected else None
        if selected is not None and selected.result is not None:
            self._show_detail(self._selected)

    def _show_summary(self) -> None:
        counts: dict[str, int] = {}
        for v in self.views.values():
            counts[v.status] = counts.get(v.status, 0) + 1
        drift = sum(1 for v in self.views.values() if v.drift)
        t = Text()
        t.append(f"{len(self.views)} gates  ")
        for status in ("pass", "waived", "fail", "error", "stale", "running", "untrusted", "not-run", "no-gate"):
            if counts.get(status):
                t.append(f"{counts[status]} {status}", style=STATUS_STYLE[status])
                t.append("  ")
        if drift:
            t.append(f"⚠ {drift} drift", style="bold red")
            t.append("  ")
        if not self.trusted:
            t.append("commands not trusted (t)", style="magenta")
            t.append("  ")
        t.append(f"auto-run {'on' if self.auto_run else 'off'}", style="dim")
        if self._levels() and self.session is not None:
            from readiness_tui.core.gates.levels import board_level

            summary = board_level(self.session.board, {k: v.status for k, v in self.views.items()})
            t.append(f"  {summary.headline()}", style="bold")
        self.query_one("#gates-summary", Static).update(t, layout=False)  # one line, always (CSS)

    def detail_text(self, item_id: str | None) -> Text:
        v = self.views.get(item_id) if item_id else None
        if v is None:
            return Text("no gates on this board" if not self.views else "", style="dim")
        return gate_detail(v, self._now)

    def _show_detail(self, item_id: str | None) -> None:
        self._selected = item_id
        detail = self.query_one("#gates-detail", Static)
        text = self.detail_text(item_id)
        # A layout pass repaints the whole screen: ~half of a cursor move's time on a big board.
        # The detail fills its box at least (min-height), so it keeps its size, and needs none,
        # whenever the new one fits the box as the one shown did (most gates of a board).
        size = detail.content_size
        box = self.query_one("#gates-detail-box").content_size.height
        lines = visualize(detail, text).get_height(detail.styles, size.width) if size.width else -1  # type: ignore[arg-type]  # as Widget does
        detail.update(text, layout=max(lines, box) != size.height)

    # ------------------------------------------------------------------ events and actions
    @on(ItemHighlighted)
    def _highlighted(self, event: ItemHighlighted) -> None:
        # The table's cursor moved; the message goes on to the screen (the detail pane follows).
        if event.item_id != self._selected and event.item_id in self.views:
            self._show_detail(event.item_id)

    def action_run_selected(self) -> None:
        if self._selected:
            self.post_message(RunGates([self._selected]))

    def action_move(self, rows: int) -> None:
        self.table.action_move(rows)

    def action_to(self, row: int) -> None:
        self.table.action_to(row)

    def action_run_all(self) -> None:
        self.post_message(RunGates(None))

    def action_cancel_selected(self) -> None:
        if self._selected:
            self.post_message(CancelGates([self._selected]))

    def action_cancel_all(self) -> None:
        self.post_message(CancelGates(None))

    def action_trust(self) -> None:
        self.post_message(TrustBoard())

    def action_toggle_auto(self) -> None:
        self.post_message(ToggleAutoRun())

    def on_unmount(self) -> None:
        if self._own_session and self.session is not None:
            self.session.close()
