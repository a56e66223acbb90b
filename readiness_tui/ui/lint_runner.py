"""Linting the board the main screen shows: ``LintRunner`` lints after each change and hands the
result to the header's count and the Problems pane (``panes.problems``).

Lint reads the whole board, so its time grows with the board. A board of up to
``SYNC_ITEMS`` items is linted at once; a larger one a moment after the board last changed, off
the UI thread: the worker also builds the board's analysis when none is made yet (on the UI
thread that delayed the next key or outside change), and hands it to the app,
which keeps it for the panes. A worker's result is only taken while the board it was computed for
is still the one shown; an edit meanwhile starts a new run. The main screen asks for the first run
after the first frame (``MainScreen.start_live``), so neither lint nor ``core.lint``'s import
delays it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from textual.timer import Timer
from textual.widget import Widget
from textual.worker import get_current_worker

from readiness_tui.ui.messages import WorkerFailed
from readiness_tui.ui.worker_work import released

if TYPE_CHECKING:
    from readiness_tui.core.analysis.analyze import Analysis
    from readiness_tui.core.board.store import BoardStore
    from readiness_tui.core.lint import LatestLint
    from readiness_tui.core.model.problems import Problems
    from readiness_tui.ui.host import BoardOwner

#: Seconds after the last change before linting (a burst of edits lints once).
DEBOUNCE = 0.3
#: Boards up to this many items are linted on the UI thread (too quick to delay a frame).
SYNC_ITEMS = 400


class LintRunner:
    """Lint after the board changes; ``done(problems)`` on the UI thread. Each change starts a new
    generation: a result (or a failure) of an older one is dropped, a newer run being on its way.
    ``latest`` keeps the result for the analysis it was computed with (a pane built later reads it)."""

    def __init__(self, host: Widget, done: Callable[[Problems], None]) -> None:
        self.host = host
        self.done = done
        self._latest: LatestLint | None = None
        self._timer: Timer | None = None
        self._generation = 0

    @property
    def latest(self) -> LatestLint:
        if self._latest is None:  # made on first use: core.lint is imported after the first frame
            from readiness_tui.core.lint import LatestLint

            self._latest = LatestLint()
        return self._latest

    def schedule(self, store: BoardStore, source: BoardOwner) -> None:
        self._generation += 1
        gen = self._generation
        # The board changed: the kept result (its analysis, the previous board, the problems) can
        # no longer be asked for, and would stay alive while the next analysis is made.
        if self._latest is not None:
            self._latest.clear()
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if len(store.board.items) <= SYNC_ITEMS:
            shown = source.analysis
            self._finish(gen, shown, self.latest.lint(store, shown))
        else:
            self._timer = self.host.set_timer(DEBOUNCE, lambda: self._start(gen, store, source))

    def _start(self, gen: int, store: BoardStore, source: BoardOwner) -> None:
        self._timer = None
        if gen != self._generation:
            return
        made = source.analysis_made()  # built by a pane already: reuse it, else the worker builds one
        found = self.latest.get(made)
        if found is not None:
            self._finish(gen, made, found)
            return
        self.host.run_worker(
            released(self._work, gen, store, made, source, source.board_version),
            thread=True,
            exclusive=True,
            group="lint",
            exit_on_error=False,
        )

    def _work(self, gen: int, store: BoardStore, made: Analysis | None, source: BoardOwner, version: int) -> None:
        """In a thread: the analysis (unless one was made), then lint; ``_finish`` on the UI thread."""
        from readiness_tui.core.lint import run as lint_run

        app = self.host.app
        board = store.board
        worker = get_current_worker()

        def stale() -> bool:
            # The board changed since (a newer generation), or this worker was cancelled.
            return gen != self._generation or worker.is_cancelled

        try:
            analysis = made if made is not None else source.new_analysis(board)
            problems = lint_run.lint_store(store, analysis, stop=stale)
        except lint_run.LintStopped:
            return  # the newer run reports
        except Exception as exc:  # noqa: BLE001 - shown to the user unless the board moved on
            if gen == self._generation:
                app.call_from_thread(self.host.post_message, WorkerFailed("Lint", exc))
            return
        if not worker.is_cancelled:
            app.call_from_thread(self._finish, gen, analysis, problems, source, version)

    def _finish(
        self,
        gen: int,
        analysis: Analysis | None,
        problems: Problems,
        source: BoardOwner | None = None,
        version: int = 0,
    ) -> None:
        if gen != self._generation:
            return  # the board changed while this ran: the newer run reports
        if source is not None and analysis is not None:
            # The panes shown next need not build it again. Go/no-go's worker may have handed over
            # its own analysis of this same board first: the panes ask with that one.
            analysis = source.adopt_analysis(version, analysis)
        self.latest.put(analysis, problems)
        self.done(problems)
        if source is not None:
            # A large board's change has settled (lint comes last): what the previous board, its
            # analysis and lint left freed goes back to the system (a quick call), or the app
            # grows with every outside change.
            from readiness_tui.ui import heap

            heap.give_back()


@runtime_checkable
class LintHost(Protocol):
    """The screen that lints the board it shows (the main screen)."""

    lint: LintRunner
