"""The backlog's side preview of the highlighted item, shown when the terminal is wide enough.

Updates wait until the cursor rests (a short timer), so holding ``j`` stays one-frame fast.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.timer import Timer
from textual.widgets import Static

from readiness_tui.core.analysis.analyze import Analysis
from readiness_tui.core.board.store import BoardStore
from readiness_tui.ui.widgets.item_text import ItemText

DELAY = 0.08


class ItemPreview(ItemText, VerticalScroll):
    DEFAULT_CSS = """
    ItemPreview { width: 56; height: 1fr; border-left: vkey $panel; padding: 0 1; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.item_id: str | None = None
        self._store: BoardStore | None = None
        #: An analysis, or a function returning the current one (called only when the body is drawn).
        self._analysis: Analysis | Callable[[], Analysis | None] | None = None
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="preview-body")

    def show(
        self,
        store: BoardStore,
        analysis: Analysis | Callable[[], Analysis | None],
        item_id: str | None,
        now: bool = False,
    ) -> None:
        self._store, self._analysis, self.item_id = store, analysis, item_id
        if not self.display:
            return
        if self._timer is not None:
            self._timer.stop()
        if now:
            self._update_body()
        else:
            self._timer = self.set_timer(DELAY, self._update_body)

    def _update_body(self) -> None:
        self._timer = None
        store, an = self._store, self._analysis
        if callable(an):
            an = an()
        body = self.query_one("#preview-body", Static)
        if store is None or an is None or self.item_id not in an.items:
            body.update("")
            return
        body.update(self._markup(an.items[self.item_id], store, an))
        self.scroll_home(animate=False)
