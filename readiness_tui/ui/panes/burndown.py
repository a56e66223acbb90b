"""The Burndown pane: open items and open estimate-days over time, from the audit trail.

``show_board(store, analysis)`` rereads the board's history (``core.burndown.series``) the next time
the pane is visible, so a hidden pane costs nothing per edit. ``v`` switches between burndown
(open items, open estimate-days) and burnup (done items against the total). Milestone due dates are
vertical lines, named in the line under the chart. ``focus_item`` has nothing to point at here and
only remembers the id.
"""

from __future__ import annotations

import datetime as dt

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Static
from textual.worker import get_current_worker
from textual_plotext import PlotextPlot

from readiness_tui.core.analysis.analyze import Analysis
from readiness_tui.core.analysis.burndown import BurndownSeries, series
from readiness_tui.core.board import hooks
from readiness_tui.core.board.store import BoardStore
from readiness_tui.ui.binding_ids import with_ids
from readiness_tui.ui.panes.base import Pane

MILESTONE_COLOURS = ("red", "magenta", "orange", "cyan")
#: Milestones due up to this many days after today stretch the chart to show them.
LOOKAHEAD_DAYS = 60


class BurndownPane(Vertical, Pane):
    """A chart of the board's burndown (or burnup) with milestone due dates."""

    DEFAULT_CSS = """
    BurndownPane { height: 1fr; }
    BurndownPane #burndown-plot { height: 1fr; }
    BurndownPane #burndown-summary { height: auto; max-height: 3; padding: 0 1; }
    """
    # Not u: that is undo, in this pane as in every other.
    BINDINGS = with_ids("burndown", [Binding("v", "toggle_mode", "Burnup/down")])
    can_focus = True

    def __init__(self, *, id: str | None = "burndown", classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._store: BoardStore | None = None
        self._dirty = False
        self.mode = "burndown"
        self.data: BurndownSeries | None = None
        self.focused_item: str | None = None

    def compose(self) -> ComposeResult:
        yield PlotextPlot(id="burndown-plot")
        yield Static("No board yet.", id="burndown-summary")

    # ------------------------------------------------------------------ pane interface
    def show_board(self, store: BoardStore, analysis: Analysis | None = None) -> None:
        self._store = store
        self._dirty = True
        if self.is_mounted and self.display and self.size.area > 0:
            self.recompute()

    def focus_item(self, item_id: str) -> None:
        self.focused_item = item_id

    def on_show(self) -> None:
        if self._dirty:
            self.recompute()

    def on_mount(self) -> None:
        if self._dirty:
            self.recompute()

    # ------------------------------------------------------------------ drawing
    class Computed(Message):
        """The series of a board, computed off the UI thread."""

        def __init__(self, store: BoardStore, data: BurndownSeries) -> None:
            super().__init__()
            self.store = store
            self.data = data

    def recompute(self) -> None:
        """Compute the series in a thread worker (a long history is slow to read);
        ``Computed`` draws it. A failure is shown by the app (the worker's error)."""
        if self._store is None:
            return
        self._dirty = False
        self._compute(self._store)

    @work(thread=True, exclusive=True, group="burndown", exit_on_error=False)
    def _compute(self, store: BoardStore) -> None:
        records = hooks.current().history(store.path) if store.path else []
        data = series(store.board, records=records)
        if not get_current_worker().is_cancelled:
            self.post_message(self.Computed(store, data))

    @on(Computed)
    def _computed(self, message: Computed) -> None:
        # A chart of the same series is not drawn again (a status between two open ones).
        if message.store is self._store and message.data != self.data:
            self.data = message.data
            self.draw()

    def action_toggle_mode(self) -> None:
        self.mode = "burnup" if self.mode == "burndown" else "burndown"
        self.draw()

    def draw(self) -> None:
        data = self.data
        if data is None or not self.is_mounted:
            return
        plot = self.query_one(PlotextPlot)
        plt = plot.plt
        plt.clear_figure()
        start = data.dates[0]
        xs = list(range(len(data.dates)))
        n = len(xs)
        if self.mode == "burndown":
            plt.title("Burndown: open items and open estimate-days")
            plt.plot(xs, data.open_items, label="open items", marker="braille", color="cyan")
            plt.plot(xs, data.open_days, label="estimate-days", marker="braille", color="yellow", yside="right")
            # plotext documents yside as "left"/"right"; its signature says float.
            plt.ylim(0, max(data.open_items) + 1, yside="left")  # type: ignore[arg-type]
            plt.ylim(0, max(data.open_days) * 1.1 + 1, yside="right")  # type: ignore[arg-type]
        else:
            plt.title("Burnup: done items against the total")
            plt.plot(xs, data.total_items, label="total", marker="braille", color="white")
            plt.plot(xs, data.done_items, label="done", marker="braille", color="green")
            plt.ylim(0, max(data.total_items) + 1)
        # The x axis runs on past today up to the milestones due soon, so the gap shows.
        width = max(
            [
                n - 1,
                *((m.due - start).days for m in data.milestones if 0 <= (m.due - start).days <= n - 1 + LOOKAHEAD_DAYS),
            ]
        )
        marks = []
        for k, m in enumerate(data.milestones):
            x = (m.due - start).days
            colour = MILESTONE_COLOURS[k % len(MILESTONE_COLOURS)]
            shown = 0 <= x <= width
            if shown:
                plt.vline(x, colour)
            when = "today" if m.due == data.dates[-1] else m.due.isoformat()
            marks.append(f"[{colour}]┃[/] {m.id} {m.title} due {when}" + ("" if shown else " (off chart)"))
        step = max(1, (width + 1) // 6)
        ticks: list[float] = list(range(0, width + 1, step))
        if ticks[-1] != width:
            ticks.append(width)
        plt.xlim(0, max(width, 1))
        plt.xticks(ticks, [_label(start + dt.timedelta(days=t)) for t in ticks])
        plot.refresh()
        last = f"{data.open_items[-1]} open items, {data.open_days[-1]:g} estimate-days open"
        if len(data.dates) == 1:
            last += " · no history yet: the chart grows as the board changes"
        summary = last + ("\n" + "   ".join(marks) if marks else "")
        self.query_one("#burndown-summary", Static).update(summary)


def _label(day: dt.date) -> str:
    return day.strftime("%m-%d")
