"""What every pane of the main screen offers: the main screen talks to panes through this class
(no ``hasattr`` probing). It is the last base of a pane, ``class BacklogPane(Vertical, Pane)``: Textual
takes a widget's CSS and component classes along its first base, which must stay the real widget."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.widget import Widget
from textual.worker import Worker, WorkerState

from readiness_tui.ui.messages import WorkerFailed

if TYPE_CHECKING:
    from readiness_tui.core.analysis.analyze import Analysis
    from readiness_tui.core.board.store import BoardStore
    from readiness_tui.ui.board_state import GateResults


class Pane(Widget):
    """A pane shows a board (``show_board``) and posts ``ui.messages``; it never edits the board."""

    def show_board(self, store: BoardStore, analysis: Analysis) -> None:
        raise NotImplementedError

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """A read-only viewer's panes offer no key that writes or runs (``ui.readonly``)."""
        from readiness_tui.ui.readonly import allowed

        return allowed(self.app, action)

    def apply_changes(self, store: BoardStore, changes: list[Any], analysis: Callable[[], Analysis | None]) -> bool:
        """Follow an edit's Change records only (True), or ask for a full ``show_board`` (False)."""
        return False

    def focus_item(self, item_id: str) -> None:
        """Move the pane's cursor to the item (the current item of the main screen)."""

    def release(self) -> bool:
        """The pane was left: let go of what it built from the board, keeping where its cursor
        was; whether it did (the next ``show_board`` builds it again, the cursor put back)."""
        return False

    @property
    def current_id(self) -> str | None:
        """The item under the pane's cursor now (None: the pane has no item cursor)."""
        return None

    def focus_default(self) -> None:
        """Give the keyboard to the pane's main widget (default: its first focusable widget)."""
        target = next((w for w in self.query("*") if w.focusable and not w.has_class("-textual-compact")), None)
        if target is None and self.focusable:
            target = self
        if target is not None:
            target.focus()

    def gates_changed(self, gates: GateResults) -> None:
        """The live gate results changed."""

    def show_cycle(self, cycle: list[str]) -> None:
        """An edit was refused because it would close this dependency cycle."""

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        # Worker state messages do not bubble: hand a failure to the app, which shows it.
        if event.state == WorkerState.ERROR and event.worker.error is not None:
            self.post_message(WorkerFailed(f"{type(self).__name__}: {event.worker.group}", event.worker.error))
