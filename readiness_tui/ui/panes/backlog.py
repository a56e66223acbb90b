"""The Backlog pane: a filter line, the item table (Line API) and a one-line summary."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Static

from ...core.analysis import Analysis
from ...core.model import CLOSED
from ...core.store import BoardStore
from ..filtering import FLAGS, Facts
from ..messages import ItemHighlighted, OpenItem
from ..widgets.backlog_table import BacklogTable
from ..widgets.preview import MIN_WIDTH as PREVIEW_MIN_WIDTH
from ..widgets.preview import ItemPreview

FILTER_HINT = "/ filter: words  owner:@ana  status:blocked  p:P0  phase:A  kind:ticket  " + "  ".join(FLAGS[:3])


class FilterInput(Input):
    BINDINGS = [
        Binding("escape", "leave(True)", "Clear filter", show=False),
        Binding("enter,down", "leave(False)", "To table", show=False),
    ]

    def action_leave(self, clear: bool) -> None:
        if clear:
            self.value = ""
        table = self.screen.query_one(BacklogTable)
        table.focus()


class BacklogPane(Vertical):
    """Items of the board, sortable, filterable and groupable."""

    BINDINGS = [
        Binding("slash", "filter", "Filter", show=True),
        Binding("escape", "clear_filter", "Clear filter", show=False),
    ]

    def __init__(self, *, id: str | None = "backlog", classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._store: BoardStore | None = None
        self._analysis: Analysis | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="backlog-body"):
            with Vertical(id="backlog-main"):
                yield FilterInput(placeholder=FILTER_HINT, id="backlog-filter", compact=True)
                yield BacklogTable(id="backlog-table")
            yield ItemPreview(id="backlog-preview")
        yield Static("", id="backlog-summary")

    def on_resize(self) -> None:
        preview = self.query_one(ItemPreview)
        wide = self.size.width >= PREVIEW_MIN_WIDTH
        if preview.display != wide:
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
        self.table.gate_status = value or {}
        self.table.rebuild(self.table.current_id)

    # ------------------------------------------------------------------ pane interface
    def show_board(self, store: BoardStore, analysis: Analysis) -> None:
        self._store = store
        self._analysis = analysis
        board = store.board
        # One pass for ready / blocked / overdue / open dependency and dependent counts (the
        # analysis would take several, and parse every target).
        items = analysis.items
        get = items.get
        closed = CLOSED
        today = analysis.today
        ready: set[str] = set()
        blocked: set[str] = set()
        overdue: set[str] = set()
        n_open: dict[str, int] = {}
        dependents: dict[str, int] = {}
        due_cache: dict[str, object] = {}
        for it in items.values():
            deps = it.depends_on
            n = 0
            for d in deps:
                dependents[d] = dependents.get(d, 0) + 1
                dep = get(d)
                if dep is None or dep.status not in closed:
                    n += 1
            iid = it.id
            if n:
                n_open[iid] = n
            status = it.status
            if status in closed:
                continue
            if n:
                blocked.add(iid)
            elif status == "todo" or status == "blocked":
                ready.add(iid)
            target = it.target
            if target:
                due = due_cache.get(target)
                if due is None:
                    due = due_cache[target] = it.due
                if due < today:  # type: ignore[operator]
                    overdue.add(iid)
        facts = Facts(ready, blocked, overdue)
        titles = {"phase": {p.id: p.title for p in board.phases}}
        self.table.set_data(
            board.items, facts, lambda i: n_open.get(i, 0), analysis.today, titles, dependents
        )
        self.query_one(ItemPreview).show(store, analysis, self.table.current_id, now=True)

    def focus_item(self, item_id: str) -> None:
        table = self.table
        if not table.move_to(item_id):
            # Hidden by the filter: clear it so the item can be shown.
            self.query_one(FilterInput).value = ""
            table.set_query("")
            table.move_to(item_id)

    def focus_default(self) -> None:
        self.table.focus()

    @property
    def current_id(self) -> str | None:
        return self.table.current_id

    # ------------------------------------------------------------------ events
    @on(Input.Changed, "#backlog-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.table.set_query(event.value)

    @on(BacklogTable.Highlighted)
    def _highlighted(self, event: BacklogTable.Highlighted) -> None:
        event.stop()
        if event.item_id:
            self.post_message(ItemHighlighted(event.item_id))
            if self._store is not None and self._analysis is not None:
                self.query_one(ItemPreview).show(self._store, self._analysis, event.item_id)

    @on(BacklogTable.Opened)
    def _opened(self, event: BacklogTable.Opened) -> None:
        event.stop()
        self.post_message(OpenItem(event.item_id))

    @on(BacklogTable.ViewChanged)
    def _view_changed(self, event: BacklogTable.ViewChanged) -> None:
        event.stop()
        self.query_one("#backlog-summary", Static).update(self.table.describe_view(), layout=False)

    def action_filter(self) -> None:
        self.query_one(FilterInput).focus()

    def action_clear_filter(self) -> None:
        inp = self.query_one(FilterInput)
        if inp.value:
            inp.value = ""

    def set_filter(self, text: str) -> None:
        self.query_one(FilterInput).value = text
        self.table.set_query(text)
