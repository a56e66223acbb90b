"""The header's go/no-go: core's rule (``core.gonogo.evaluate``) after each change that can alter
it, shown in the top bar, and every reason one key away (``n``, ``GoNoGoScreen``).

On a board of more than ``SYNC_ITEMS`` items the header's verdict is worked out in a thread worker
(with the board's analysis, when no pane has made it yet: a pass over the whole board), so that
the UI thread is free for the next key or outside change; the app keeps that analysis for the
panes. A smaller board is evaluated at once (quick), so its verdict is on the next frame."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.worker import get_current_worker

from readiness_tui.ui.lint_runner import SYNC_ITEMS  # one size for both: lint and the verdict go to workers together
from readiness_tui.ui.messages import WorkerFailed
from readiness_tui.ui.widgets.appbar import AppBar
from readiness_tui.ui.worker_work import released

if TYPE_CHECKING:
    from readiness_tui.core.analysis.analyze import Analysis
    from readiness_tui.core.analysis.gonogo import Decision
    from readiness_tui.core.model.board import Board
    from readiness_tui.ui.screens.gonogo import GoNoGoScreen
    from readiness_tui.ui.screens.main import MainScreen


class GoNoGoSlot:
    """Owned by the main screen (``MainScreen.gonogo``)."""

    def __init__(self, main: MainScreen) -> None:
        self.main = main
        #: The last verdict shown (None: not evaluated yet, or it failed).
        self.decision: Decision | None = None
        #: The reasons list while it is open: each new verdict reaches it too.
        self.open: GoNoGoScreen | None = None
        #: Counts ``update`` calls: a worker's verdict is shown only if no later one was asked for.
        self._generation = 0

    def affects(self, changes: list) -> bool:
        """Whether an edit can change go/no-go (the rule lives in ``core.gonogo.affects``)."""
        from readiness_tui.core.analysis.gonogo import affects

        return affects(self.main.store.board, changes)

    def _board(self, board: Board) -> Board:
        """The board under the app's settings (their go/no-go scope, as the CLI reads it)."""
        from readiness_tui.core.settings.config import with_settings

        settings = getattr(self.main.app, "settings", None)  # a host without settings reads the board's rule
        return board if settings is None else with_settings(board, settings)

    def evaluate(self) -> Decision | None:
        from readiness_tui.core.analysis.gonogo import evaluate

        main = self.main
        try:
            self.decision = evaluate(self._board(main.store.board), main.owner.analysis, main.live.gate_status or None)
        except Exception as exc:  # noqa: BLE001 - the slot must never take the app down; the error is shown
            self.decision = None
            main.app.post_message(WorkerFailed("Go/no-go", exc))
        return self.decision

    def update(self) -> None:
        """The header's verdict for the board as it is now (in a worker on a large board)."""
        main = self.main
        self._generation += 1
        board = main.store.board
        if len(board.items) <= SYNC_ITEMS:
            self._show(self.evaluate())
            return
        made, gates, version = main.owner.analysis_made(), main.live.gate_status or None, main.owner.board_version
        main.run_worker(
            released(self._work, self._generation, version, board, made, gates),
            thread=True,
            exclusive=True,
            group="gonogo",
            exit_on_error=False,
        )

    def _work(self, gen: int, version: int, board: Board, made: Analysis | None, gates: dict[str, str] | None) -> None:
        """In a thread: the verdict (and the analysis, unless one was made); then ``_evaluated``."""
        from readiness_tui.core.analysis.gonogo import evaluate

        analysis: Analysis | None = None
        decision: Decision | None = None
        error: Exception | None = None
        try:
            analysis = made if made is not None else self.main.owner.new_analysis(board)
            decision = evaluate(self._board(board), analysis, gates)
        except Exception as exc:  # noqa: BLE001 - shown by _evaluated, as evaluate() shows it
            error = exc
        if not get_current_worker().is_cancelled:
            self.main.app.call_from_thread(self._evaluated, gen, version, analysis, decision, error)

    def _evaluated(
        self, gen: int, version: int, analysis: Analysis | None, decision: Decision | None, error: Exception | None
    ) -> None:
        if gen != self._generation:
            return  # a later evaluation is on its way
        if analysis is not None:
            self.main.owner.adopt_analysis(version, analysis)  # kept only if the board is as it was
        if error is not None and version != self.main.owner.board_version:
            # The worker read a board that was edited under it: not a failure to show, evaluate
            # the board as it is now instead.
            self.update()
            return
        if error is not None:
            self.main.app.post_message(WorkerFailed("Go/no-go", error))
        self.decision = decision
        self._show(decision)

    def _show(self, decision: Decision | None) -> None:
        bar = self.main.query_one(AppBar)
        self._show_level(bar)
        self._show_open(decision)
        if decision is None:
            bar.set_gonogo(None)
            return
        n = len(decision.reasons)
        more = f"{n} reason{'s' if n != 1 else ''}" if not decision.go else ""
        bar.set_gonogo(decision.recommendation, more, "\n".join(decision.reasons))

    def _show_level(self, bar: AppBar) -> None:
        """The level beside the verdict: one rule (``core.gates.levels``) over the same gate results."""
        board = self.main.store.board
        if not board.board.levels:
            bar.set_level("")
            return
        from readiness_tui.core.gates.levels import board_level

        summary = board_level(board, self.main.live.gate_status or {})
        bar.set_level(summary.headline(), "\n".join(summary.gap_lines(limit=12)))

    def show_reasons(self) -> None:
        """Every reason, each jumping to the item it names."""
        from readiness_tui.ui.screens.gonogo import GoNoGoScreen

        main = self.main
        decision = self.evaluate()  # as the board is now, not as the header last showed it
        if decision is None:
            return

        def jumped(item_id: str | None) -> None:
            self.open = None
            if item_id:
                main.open_item(item_id)

        self.open = GoNoGoScreen(decision, self._ids())
        main.app.push_screen(self.open, jumped)

    def _ids(self) -> set[str]:
        return {it.id for it in self.main.store.board.items}

    def _show_open(self, decision: Decision | None) -> None:
        screen = self.open
        if screen is None:
            return
        if decision is None:
            screen.stale("go/no-go could not be evaluated (see the error)")
        else:
            screen.show(decision, self._ids())
