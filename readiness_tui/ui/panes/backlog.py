"""The Backlog pane: a filter line, the item table (Line API) and a one-line summary.

``show_board`` takes one pass over the items for the facts the table shows (ready, blocked,
overdue, open dependencies, dependents: ``backlog_facts``). After an edit of item fields, or an
outside change of a few items, ``apply_changes`` updates those facts for the edited items and the
items that depend on them only, and the table swaps the edited rows in place: a status edit on a
10,000-item board costs no pass over the board. An edit of ``parent`` takes the full pass.

The filter line parses what is typed against the board's values and named views
(``core.filtering.vocabulary``); a mistake is shown under it, and the last valid filter stays.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Input, Static

from readiness_tui.core.analysis.analyze import Analysis
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.filters.filtering import FLAGS, FilterError, Query, Vocabulary, parse, vocabulary
from readiness_tui.core.filters.views import settings_views, views_for
from readiness_tui.core.model.board import Item
from readiness_tui.core.settings import folds
from readiness_tui.ui.binding_ids import with_ids
from readiness_tui.ui.messages import ItemHighlighted, OpenItem
from readiness_tui.ui.panes.backlog_facts import BacklogFacts
from readiness_tui.ui.panes.base import Pane
from readiness_tui.ui.widgets.backlog_table import BacklogTable

if TYPE_CHECKING:
    from readiness_tui.core.gates import GateSession
    from readiness_tui.ui.board_state import GateResults
    from readiness_tui.ui.widgets.preview import ItemPreview

#: The item preview shows beside the table from this many columns of pane width.
PREVIEW_MIN_WIDTH = 150

FILTER_HINT = "/ filter: words  owner:@ana  status:blocked  p:P0  score>=15  -status:done  a OR b  view:NAME  " + (
    "  ".join(FLAGS[:3])
)


class FilterInput(Input):
    BINDINGS = with_ids(
        "backlog.filter",
        [
            Binding("escape", "leave(True)", "Clear filter", show=False),
            Binding("enter,down", "leave(False)", "To table", show=False),
        ],
    )

    async def _on_key(self, event: events.Key) -> None:
        # Textual runs a focused widget's bindings (backspace, delete, arrows ...) only once the key
        # has bubbled back up to the app, while a printable key is inserted here at once: typed
        # fast, "r" overtook the backspaces before it and the filter came out garbled. This
        # input's own bindings (as the keymap has them) run here instead, in the order typed.
        for namespace, bindings in self.screen._binding_chain:
            if namespace is self:
                for binding in bindings.key_to_bindings.get(event.key, ()):
                    if not binding.priority and await self.app.run_action(binding.action, self):
                        event.stop()
                        event.prevent_default()
                        return
                break
        await super()._on_key(event)

    def action_leave(self, clear: bool) -> None:
        if clear:
            self.value = ""
        table = self.screen.query_one(BacklogTable)
        table.focus()


class BacklogPane(Vertical, Pane):
    """Items of the board, sortable, filterable and groupable."""

    DEFAULT_CSS = """
    BacklogPane #backlog-filter-error { height: auto; display: none; padding: 0 1; background: $error 15%; }
    """

    BINDINGS = with_ids(
        "backlog",
        [
            Binding("slash", "filter", "Filter", show=True),
            Binding("escape", "clear_filter", "Clear filter", show=False),
        ],
    )

    def __init__(self, *, id: str | None = "backlog", classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._store: BoardStore | None = None
        #: The analysis of the board shown, or a function that returns the current one (the app
        #: builds it only when something asks, not on every edit).
        self._analysis: Analysis | Callable[[], Analysis | None] | None = None
        #: What the last full pass found, kept up to date by ``apply_changes``.
        self.state = BacklogFacts()
        #: The board's values and named views, to check a filter against (built per board).
        self._vocab: Vocabulary | None = None
        #: The board whose folds the table shows, and the folds last written for it (core.folds).
        self._folds_of: Path | None = None
        self._saved_folds: frozenset[str] = frozenset()
        #: The side preview, built the first time the pane is wide enough for it (a terminal
        #: narrower than that never shows it, and its first frame does without it).
        self.preview: ItemPreview | None = None
        self._gate_session: GateSession | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="backlog-body"):
            with Vertical(id="backlog-main"):
                yield FilterInput(placeholder=FILTER_HINT, id="backlog-filter", compact=True)
                yield Static("", id="backlog-filter-error")
                yield BacklogTable(id="backlog-table")
        yield Static("", id="backlog-summary")

    async def on_resize(self) -> None:
        wide = self.size.width >= PREVIEW_MIN_WIDTH
        preview = self.preview
        if preview is None and wide:
            from readiness_tui.ui.widgets.preview import ItemPreview

            preview = self.preview = ItemPreview(id="backlog-preview")
            preview.gate_session = self._gate_session
            await self.query_one("#backlog-body", Horizontal).mount(preview)
        if preview is not None and preview.display != wide:
            preview.display = wide
            if wide and self._store is not None and self._analysis is not None:
                preview.show(self._store, self._analysis, self.table.current_id, now=True)

    @property
    def table(self) -> BacklogTable:
        return self.query_one(BacklogTable)

    @property
    def gate_status(self) -> dict[str, str]:
        return self.table.gate_status

    @gate_status.setter
    def gate_status(self, value: dict[str, str]) -> None:
        self.table.set_gate_status(value or {})

    # ------------------------------------------------------------------ pane interface
    def gates_changed(self, gates: GateResults) -> None:
        """The Gate column, and the preview's gate section (when it shows)."""
        self.gate_status = dict(gates.status)
        self._gate_session = gates.session
        preview = self.preview
        if preview is None:
            return
        preview.gate_session = gates.session
        if preview.display and self._store is not None and self._analysis is not None:
            preview.show(self._store, self._analysis, preview.item_id)

    def show_board(self, store: BoardStore, analysis: Analysis) -> None:
        self._store = store
        self._analysis = analysis
        board = store.board
        if store.path is not None and store.path != self._folds_of:  # the tree as it was left
            self._folds_of = store.path
            self._saved_folds = frozenset(folds.load(store.path))
            self.table.folded.clear()
            self.table.folded.update(self._saved_folds)
        # Ready / waiting / blocked / overdue are the analysis' answers (core.analysis, one rule).
        state = self.state
        state.build(analysis)
        facts, n_open = state.facts, state.n_open
        titles = {"phase": {p.id: p.title for p in board.phases}}
        table = self.table
        table.set_lookup(self._lookup)
        table.set_data(board.items, facts, lambda i: n_open.get(i, 0), analysis.today, titles, state.dependents)
        self._vocab = None  # made again when a filter is next read: the board's values may differ
        text = self.query_one(FilterInput).value
        if text:
            self._apply_filter(text)  # a view or a value it names may have changed
        if self.preview is not None:
            self.preview.show(store, analysis, table.current_id, now=True)

    def _lookup(self, item_id: str) -> Item | None:
        return self.state.items.get(item_id)

    def apply_changes(self, store: BoardStore, changes: list, analysis: Callable[[], Analysis | None]) -> bool:
        """Show an edit of item fields (``changes``: the edit's Change records) without a full
        pass (``BacklogFacts.follow``); False when it is not one this can follow (then
        ``show_board`` is needed)."""
        table = self.table
        if self._store is None or not changes:
            return False
        edited = self.state.edited(store, changes)
        if edited is None:
            return False
        # A reloaded store (an outside edit) is followed too when only the edited rows differ.
        if table.items is not store.board.items and not table.model.adopt(store.board.items, set(edited)):
            return False
        replaced, affected, fields = self.state.follow(edited, changes)
        self._vocab = None  # an edit may add a phase, owner or tag a filter can name
        table.items_changed(replaced, affected, fields)
        self._store = store
        self._analysis = analysis
        if self.preview is not None:
            self.preview.show(store, analysis, table.current_id)
        return True

    def focus_item(self, item_id: str) -> None:
        table = self.table
        if table.move_to(item_id):
            return
        tree = self.state.facts.tree
        if tree is not None:  # hidden in a folded parent: unfold its ancestors
            for a in tree.ancestors(item_id):
                table.folded.discard(a)
            table.rebuild(table.current_id)
            if table.move_to(item_id):
                return
        # Hidden by the filter: clear it so the item can be shown.
        self.query_one(FilterInput).value = ""
        self._apply_filter("")
        table.move_to(item_id)

    def focus_default(self) -> None:
        self.table.focus()

    @property
    def current_id(self) -> str | None:
        return self.table.current_id

    # ------------------------------------------------------------------ events
    @on(Input.Changed, "#backlog-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self._apply_filter(event.value)

    def _vocabulary(self) -> Vocabulary | None:
        store = self._store
        if store is None:
            return None
        if self._vocab is None:
            board = store.board
            views = views_for(board, settings_views(store.path.parent if store.path else None))
            self._vocab = vocabulary(board, views, self.state.facts.tree)
        return self._vocab

    def _apply_filter(self, text: str) -> bool:
        """Filter the table, or say under the input what is wrong and keep the last good filter."""
        message = self.query_one("#backlog-filter-error", Static)
        if not text.strip():
            # No term to check: the board's values are let go until a filter is typed again.
            self._vocab = None
        try:
            query: Query = parse(text, self._vocabulary()) if text.strip() else parse(text)
        except FilterError as exc:
            message.update(
                Content.from_markup("[b $error]✘[/] $msg  [dim](showing the last valid filter)[/]", msg=str(exc))
            )
            message.display = True
            return False
        message.display = False
        self.table.set_query(query)
        return True

    @property
    def filter_error(self) -> str:
        """What is wrong with the filter typed ("" when nothing is)."""
        message = self.query_one("#backlog-filter-error", Static)
        return str(message.render()) if message.display else ""

    def views(self) -> dict[str, str]:
        """The named views a reader of this board has (for the palette)."""
        vocab = self._vocabulary()
        return dict(vocab.views) if vocab is not None else {}

    @on(BacklogTable.Highlighted)
    def _highlighted(self, event: BacklogTable.Highlighted) -> None:
        event.stop()
        if event.item_id:
            self.post_message(ItemHighlighted(event.item_id))
            if self.preview is not None and self._store is not None and self._analysis is not None:
                self.preview.show(self._store, self._analysis, event.item_id)

    @on(BacklogTable.Opened)
    def _opened(self, event: BacklogTable.Opened) -> None:
        event.stop()
        self.post_message(OpenItem(event.item_id))

    @on(BacklogTable.ViewChanged)
    def _view_changed(self, event: BacklogTable.ViewChanged) -> None:
        event.stop()
        self.query_one("#backlog-summary", Static).update(self.table.describe_view(), layout=False)
        folded = frozenset(self.table.folded)
        if self._folds_of is not None and folded != self._saved_folds:
            self._saved_folds = folded
            # The state file is written (and fsynced) off the UI thread; the newest fold state wins.
            self.run_worker(
                partial(self._save_folds, self._folds_of, set(folded)), thread=True, exclusive=True, group="folds"
            )

    def _save_folds(self, board: Path, folded: set[str]) -> None:
        try:
            folds.save(board, folded)
        except OSError as exc:
            self.app.call_from_thread(self.notify, f"The folds are not kept for next time: {exc}", severity="warning")

    def action_filter(self) -> None:
        self.query_one(FilterInput).focus()

    def action_clear_filter(self) -> None:
        inp = self.query_one(FilterInput)
        if inp.value:
            inp.value = ""

    def set_filter(self, text: str) -> bool:
        """Show ``text`` in the filter line and apply it (False: it has a mistake, shown there)."""
        self.query_one(FilterInput).value = text
        return self._apply_filter(text)
