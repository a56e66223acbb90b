"""The app opened on a portfolio (``readiness portfolio --app``): the portfolio screen first;
``enter`` opens a board in the same app as ``readiness BOARD`` shows it, read-only when it was read
at a ref (nothing of a clone is written, no gate runs), and ``escape`` comes back."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.binding import Binding
from textual.widgets import Input

from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.model.problems import BoardError
from readiness_tui.core.portfolio import BoardRow
from readiness_tui.core.portfolio.gitread import GitReadError
from readiness_tui.core.portfolio.read import open_board
from readiness_tui.ui.app import ReadinessApp
from readiness_tui.ui.binding_ids import with_ids
from readiness_tui.ui.panes.backlog import BacklogPane, FilterInput
from readiness_tui.ui.screens.portfolio import PortfolioScreen

#: What the board screen shows before a board is opened (it is under the portfolio screen).
_NO_BOARD = '[board]\ntitle = "Portfolio"\n'


class PortfolioApp(ReadinessApp):
    BINDINGS = [
        *ReadinessApp.BINDINGS,
        # Before the panes' own escape (the backlog's clears its filter), but only when that has
        # nothing left to do: see ``_may_go_back``.
        *with_ids("portfolio", [Binding("escape", "back_to_portfolio", "Portfolio", show=False, priority=True)]),
    ]

    def __init__(
        self,
        title: str,
        rows: list[BoardRow],
        query: str = "",
        reload: Callable[[], list[BoardRow]] | None = None,
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("read_only", True)
        super().__init__(BoardStore.from_text(_NO_BOARD, "<portfolio>"), **kwargs)
        self.portfolio = PortfolioScreen(title, rows, query, reload)
        #: The row whose board is open (None: the portfolio screen is all there is).
        self.opened: BoardRow | None = None

    async def on_mount(self) -> None:
        await super().on_mount()
        # Installed, so that opening a board (a pop) keeps it, its cursor, filter and sort.
        self.install_screen(self.portfolio, "portfolio")
        await self.push_screen("portfolio")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "back_to_portfolio":
            return self._may_go_back()
        return super().check_action(action, parameters)

    def _may_go_back(self) -> bool:
        """Escape leaves the board from the backlog once its filter is clear, as nothing else
        there needs it; in a text field, another pane or a dialog it keeps its own meaning."""
        if self.screen is not self.main or isinstance(self.focused, Input):
            return False
        pane = self.main.active_pane()
        return isinstance(pane, BacklogPane) and not pane.query_one(FilterInput).value

    def drill(self, row: BoardRow) -> None:
        """Open ``row``'s board on the board screen."""
        try:
            store = open_board(row)
        except (BoardError, GitReadError) as exc:
            text = exc.describe() if isinstance(exc, BoardError) else str(exc)
            self.notify(text, title=f"{row.name} cannot be opened", severity="error", timeout=12)
            return
        read_only = row.entry.read_only
        self.read_only = read_only
        self.editor.read_only = read_only
        self.editor.replace_store(store)
        self.editor.autosave = not read_only
        self.opened = row
        self.main.current_item_id = store.board.items[0].id if store.board.items else None
        self.main.board_loaded()
        self.pop_screen()

    def action_back_to_portfolio(self) -> None:
        if self.editor.dirty:
            self.ask_unsaved(self._back, "Back to the portfolio")
        else:
            self._back()

    def _back(self) -> None:
        self.opened = None
        self.push_screen("portfolio")


def run_app(title: str, query: str, load: Callable[[], list[BoardRow]]) -> None:
    app = PortfolioApp(title, load(), query, load)
    app.run()
