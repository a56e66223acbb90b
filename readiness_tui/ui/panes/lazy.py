"""``LazyPane``: the base of the panes that build from the board only when they are shown (matrix,
risks, plan), and open at their answer the first time."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.widget import Widget

from readiness_tui.ui.panes.base import Pane

if TYPE_CHECKING:
    from pathlib import Path

    from readiness_tui.core.analysis.analyze import Analysis
    from readiness_tui.core.board.store import BoardStore


class LazyPane(Pane):
    """A pane that builds from the board now when visible, else on the next Show.

    List it after the widget class (``class PlanPane(LineList, LazyPane)``): Textual takes a widget's
    CSS along its first base. The main screen may call ``show_board`` on every pane after every
    edit; a hidden pane only keeps the board and lays itself out when it is shown.

    With ``OPENS_AT_TOP`` the first view of a board shows the answer: the main screen moves a pane
    to its current item as it shows it, and such a pane ignores those moves until its first view
    was painted, so it opens at its top with the cursor on its first row (the plan at its critical
    path, the risk map at its summary and the first risk that needs attention); so it does again
    when another board is opened. After that it follows the current item. The edit keys act on the item under the cursor (``current_id``).
    """

    OPENS_AT_TOP: ClassVar[bool] = False

    _pending: tuple[BoardStore, Analysis] | None = None
    _pending_focus: str | None = None
    #: None until the first build; True while the first view opens; False after its first paint.
    _opening: bool | None = None
    _board_path: Path | None = None

    def build(self, store: BoardStore, analysis: Analysis) -> None:
        """Lay the pane out for this board."""
        raise NotImplementedError

    def focus_line_of_item(self, item_id: str) -> bool:
        """Move the cursor to the item's first line (no message); False if the pane does not show it."""
        raise NotImplementedError

    def _visible_now(self) -> bool:
        if not self.is_mounted:
            return True
        node: Widget | None = self
        while isinstance(node, Widget):
            if not node.display:
                return False
            node = node.parent if isinstance(node.parent, Widget) else None
        return True

    def show_board(self, store: BoardStore, analysis: Analysis) -> None:
        if self._visible_now():
            self._pending = None
            self._build(store, analysis)
        else:
            self._pending = (store, analysis)

    @property
    def cursor_item(self) -> str | None:
        """The item under the cursor (None on a line that is no item)."""
        raise NotImplementedError

    @property
    def current_id(self) -> str | None:
        # "" on a line that is no item (a risk, a phase): the edit keys then say that no item is
        # selected, instead of acting on an item chosen elsewhere that this pane does not show.
        return self.cursor_item or ""

    def show_top(self) -> None:
        """Put the cursor on the first line, with the top of the pane on screen (no message)."""
        raise NotImplementedError

    def _build(self, store: BoardStore, analysis: Analysis) -> None:
        # A board opened (the first, or another one: not the same one reloaded) opens at the answer.
        opens = self.OPENS_AT_TOP and self.is_mounted and (self._opening is None or store.path != self._board_path)
        self._board_path = store.path
        self.build(store, analysis)
        if opens:
            self._opening = True
            self.show_top()
            self.call_after_refresh(self._opened)

    def _opened(self) -> None:
        self._opening = False

    def _flush_pending(self) -> None:
        if self._pending is not None:
            store, analysis = self._pending
            self._pending = None
            self._build(store, analysis)
        if self._pending_focus is not None:
            item_id, self._pending_focus = self._pending_focus, None
            self.focus_item(item_id)

    def on_show(self, event: events.Show) -> None:
        self._flush_pending()

    def focus_item(self, item_id: str) -> None:
        """Move the cursor to the item's line, or remember it until the pane is built; while the
        first view opens, it stays at the answer."""
        if self._pending is not None:
            self._pending_focus = item_id
            return
        if self._opening:
            return
        self.focus_line_of_item(item_id)
