"""The Backlog pane: a filter line, the item table (Line API) and a one-line summary.

``show_board`` takes one pass over the items for the facts the table shows (ready, blocked,
overdue, open dependencies, dependents). After an edit of item fields ``apply_changes`` updates
those facts for the edited items and the items that depend on them only, and the table swaps the
edited rows in place: a status edit on a 10,000-item board costs no pass over the board. An edit
of ``parent`` (which moves rows in the tree) takes the full pass.

The filter line parses what is typed against the board's values and named views
(``core.filtering.vocabulary``); a mistake is shown under it, and the last valid filter stays.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Input, Static

from ...core import folds
from ...core.analysis import Analysis, is_overdue, item_state
from ...core.filtering import FLAGS, Facts, FilterError, Query, Vocabulary, parse, vocabulary
from ...core.model import CLOSED, Item
from ...core.store import BoardStore
from ...core.tree import Hierarchy, tree_of
from ...core.views import settings_views, views_for
from ..binding_ids import with_ids
from ..messages import ItemHighlighted, OpenItem
from ..widgets.backlog_table import BacklogTable
from ..widgets.preview import MIN_WIDTH as PREVIEW_MIN_WIDTH
from ..widgets.preview import ItemPreview
from .base import Pane

if TYPE_CHECKING:
    import datetime as dt

    from ..board_state import GateResults

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
        # What the last full pass found, kept up to date by ``apply_changes``.
        self._items: dict[str, Item] = {}
        self._items_owned = False
        self._facts = Facts()
        self._n_open: dict[str, int] = {}
        self._dependents: dict[str, int] = {}
        self._rdeps: dict[str, list[str]] | None = None
        self._today: dt.date | None = None
        self._stuck: set[str] = set()
        #: The board's values and named views, to check a filter against (built per board).
        self._vocab: Vocabulary | None = None
        #: The board whose folds the table shows, and the folds last written for it (core.folds).
        self._folds_of: Path | None = None
        self._saved_folds: frozenset[str] = frozenset()
        self._tree_owned = False

    def compose(self) -> ComposeResult:
        with Horizontal(id="backlog-body"):
            with Vertical(id="backlog-main"):
                yield FilterInput(placeholder=FILTER_HINT, id="backlog-filter", compact=True)
                yield Static("", id="backlog-filter-error")
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
        self.table.set_gate_status(value or {})

    # ------------------------------------------------------------------ pane interface
    def gates_changed(self, gates: GateResults) -> None:
        """The Gate column, and the preview's gate section (when it shows)."""
        self.gate_status = dict(gates.status)
        preview = self.query_one(ItemPreview)
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
        items = analysis.items
        ready, waiting, blocked = set(analysis.ready), set(analysis.waiting), set(analysis.blocked)
        overdue = set(analysis.overdue)
        self._stuck = set(analysis.stuck)
        n_open: dict[str, int] = {}
        dependents: dict[str, int] = {}
        for it in items.values():
            for d in it.depends_on:
                dependents[d] = dependents.get(d, 0) + 1
            n = analysis.open_dep_count(it.id)
            if n:
                n_open[it.id] = n
        today = analysis.today
        facts = Facts(ready=ready, blocked=blocked, overdue=overdue, waiting=waiting, tree=tree_of(analysis))
        self._items, self._items_owned, self._tree_owned = items, False, False
        self._facts, self._n_open, self._dependents, self._rdeps = facts, n_open, dependents, None
        self._today = today
        titles = {"phase": {p.id: p.title for p in board.phases}}
        table = self.table
        table.set_lookup(self._lookup)
        table.set_data(board.items, facts, lambda i: n_open.get(i, 0), analysis.today, titles, dependents)
        self._vocab = None  # made again when a filter is next read: the board's values may differ
        text = self.query_one(FilterInput).value
        if text:
            self._apply_filter(text)  # a view or a value it names may have changed
        self.query_one(ItemPreview).show(store, analysis, table.current_id, now=True)

    def _lookup(self, item_id: str) -> Item | None:
        return self._items.get(item_id)

    def apply_changes(self, store: BoardStore, changes: list, analysis: Callable[[], Analysis | None]) -> bool:
        """Show an edit of item fields (``changes``: the edit's Change records) without a full
        pass; False when it is not one this can follow (then ``show_board`` is needed).

        Facts are recomputed for the edited items, for the items that depend on an edited item
        whose status closed or reopened, and for the dependencies an edit added or removed."""
        table = self.table
        board = store.board
        if self._store is None or not changes or self._today is None:
            return False
        if len(board.items) != len(self._items) or board.today() != self._today:
            return False
        edited: dict[str, Item] = {}
        fields: set[str] = set()
        for c in changes:
            if getattr(c, "kind", "") != "items" or c.field in ("*", "id", "parent") or c.item not in self._items:
                return False
            if not store.has_item(c.item):
                return False
            edited[c.item] = store.item(c.item)
            fields.add(c.field.split(".", 1)[0])
        # A reloaded store (an outside edit) is followed too when only the edited rows differ.
        if table.items is not board.items and not table.model.adopt(board.items, set(edited)):
            return False
        if not self._items_owned:
            self._items = dict(self._items)  # the analysis' own map stays as it was
            self._items_owned = True
        items = self._items
        replaced = [(items[i], new) for i, new in edited.items()]
        for i, new in edited.items():
            items[i] = new
        affected: set[str] = set(edited)
        self._vocab = None  # an edit may add a phase, owner or tag a filter can name
        self._follow_tree(replaced, fields, affected)
        rdeps = self._rdeps
        for c in changes:
            if c.field == "status" and ((c.old in CLOSED) != (c.new in CLOSED)):
                affected.update(self._reverse_deps().get(c.item, ()))
            elif c.field == "depends_on":
                old_deps, new_deps = Counter(c.old or []), Counter(c.new or [])
                for d in old_deps | new_deps:
                    delta = new_deps[d] - old_deps[d]
                    if delta:
                        n = self._dependents.get(d, 0) + delta
                        if n > 0:
                            self._dependents[d] = n
                        else:
                            self._dependents.pop(d, None)
                        affected.add(d)
                if rdeps is not None:  # built before this edit: move the item's edges
                    for d in old_deps:
                        if d not in new_deps and d in rdeps:
                            rdeps[d] = [x for x in rdeps[d] if x != c.item]
                    for d in new_deps:
                        if d not in old_deps:
                            rdeps.setdefault(d, []).append(c.item)
        for iid in affected:
            self._refact(iid)
        table.items_changed(replaced, affected, fields)
        self._store = store
        self._analysis = analysis
        self.query_one(ItemPreview).show(store, analysis, table.current_id)
        return True

    def _follow_tree(self, replaced: list[tuple[Item, Item]], fields: set[str], affected: set[str]) -> None:
        """Keep the facts' hierarchy (the pane's own copy, never the analysis') in step with an
        edit: one that moves items or changes what children inherit builds it again (one pass);
        any other (a leaf's title or owner too) counts its ancestors' roll-ups again, and their
        rows are repainted."""
        facts = self._facts
        if facts.tree is None:
            return
        if any(facts.tree.reshapes(old.id, fields) for old, _new in replaced):
            facts.tree = Hierarchy(self._items.values())
            self._tree_owned = True
            affected.update(facts.tree.items)  # inherited owners and roll-ups may move anywhere
            return
        if not self._tree_owned:  # the analysis' tree stays as it was
            facts.tree = facts.tree.copy()
            self._tree_owned = True
        for _old, new in replaced:
            facts.tree.replace(new)
            affected.update(facts.tree.ancestors(new.id))

    def _reverse_deps(self) -> dict[str, list[str]]:
        """Item -> the items that depend on it (built at the first edit that needs it)."""
        if self._rdeps is None:
            rdeps: dict[str, list[str]] = {}
            for it in self._items.values():
                for d in it.depends_on:
                    rdeps.setdefault(d, []).append(it.id)
            self._rdeps = rdeps
        return self._rdeps

    def _refact(self, iid: str) -> None:
        """The facts of one item, as the full pass of ``show_board`` computes them."""
        it = self._items.get(iid)
        if it is None:
            return
        facts, n_open, get = self._facts, self._n_open, self._items.get
        for s in (facts.ready, facts.waiting, facts.blocked, facts.overdue):
            s.discard(iid)
        # Unplaced (on or behind a cycle or an unknown id) as of the last full pass; an edit that
        # adds an unknown dependency, or one to an unplaced item, makes this item unplaced too.
        stuck = self._stuck
        if any(d in stuck or get(d) is None for d in it.depends_on):
            stuck.add(iid)
        state = item_state(it, get, iid in stuck)
        if state.open_deps:
            n_open[iid] = state.open_deps
        else:
            n_open.pop(iid, None)
        for flag, target in (
            (state.ready, facts.ready),
            (state.waiting, facts.waiting),
            (state.blocked, facts.blocked),
        ):
            if flag:
                target.add(iid)
        if self._today is not None and is_overdue(it, self._today):
            facts.overdue.add(iid)

    def focus_item(self, item_id: str) -> None:
        table = self.table
        if table.move_to(item_id):
            return
        tree = self._facts.tree
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
            self._vocab = vocabulary(board, views, self._facts.tree)
        return self._vocab

    def _apply_filter(self, text: str) -> bool:
        """Filter the table, or say under the input what is wrong and keep the last good filter."""
        message = self.query_one("#backlog-filter-error", Static)
        try:
            query: Query = parse(text, self._vocabulary())
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
