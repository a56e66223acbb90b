"""The main screen: the panes in tabs over the app's one board, switching between them, and the edit
actions (in its base, ``EditingScreen``).

Panes other than the first are built the first time they are shown; a pane that is not visible is
only marked stale after an edit and shown again when it becomes visible. Live gate results arrive
through the live board's ``gate_signal`` and go to every built pane (``Pane.gates_changed``), the
go/no-go slot and an open standup.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.widgets import TabbedContent, TabPane
from textual.worker import Worker, WorkerState

from readiness_tui.core.analysis.analyze import Analysis
from readiness_tui.ui.actions import main_bindings
from readiness_tui.ui.gonogo_slot import GoNoGoSlot
from readiness_tui.ui.lint_runner import LintRunner
from readiness_tui.ui.messages import (
    CancelGates,
    EditFields,
    ItemHighlighted,
    OpenItem,
    RunGates,
    ToggleAutoRun,
    ToggleDependency,
    TrustBoard,
    WorkerFailed,
)
from readiness_tui.ui.panes.base import Pane
from readiness_tui.ui.panes.registry import PaneSpec, panes
from readiness_tui.ui.readonly import allowed
from readiness_tui.ui.screens.edit_actions import EditingScreen
from readiness_tui.ui.standup_link import StandupLink
from readiness_tui.ui.widgets.app_footer import AppFooter
from readiness_tui.ui.widgets.appbar import AppBar
from readiness_tui.ui.widgets.pane_tabs import PaneTabs

if TYPE_CHECKING:
    from textual.timer import Timer

    from readiness_tui.core.model.problems import Problems
    from readiness_tui.ui.board_state import GateResults
    from readiness_tui.ui.host import BoardOwner
    from readiness_tui.ui.live_board import LiveBoard

PANE_SPECS: list[PaneSpec] = panes()


#: Columns of the top bar's state slot (``AppBar #bar-state``, less its padding).
STATE_WIDTH = 42


def header_label(label: str, dirty: bool, undo: int, missing: bool) -> str:
    """The last edit's label, shortened at a word (never cut mid-word) to fit beside the state."""
    rest = len("✘ file deleted ctrl+s saves") if missing else len("● unsaved" if dirty else "saved")
    if undo:
        rest += len(f" · {undo} to undo")
    room = STATE_WIDTH - rest - len(" · ")
    if room < 8:
        return ""
    if len(label) <= room:
        return label
    # At a space only: an id such as PLATFORM-RELIABILITY-0001 is one word, hyphens and all.
    cut = label[: room - len(" …") + 1].rsplit(" ", 1)[0].rstrip()
    return f"{cut} …" if cut and len(cut) <= room - len(" …") else "…"


class MainScreen(EditingScreen):
    BINDINGS = main_bindings()
    #: How long a pane stays hidden before it lets go of what it built. Flipping between panes stays
    #: instant; a pane left for longer is built again when shown (at 10,000 items, a few tenths of a
    #: second, as after any edit) instead of holding a row per item for the rest of the session.
    RELEASE_AFTER_S = 30.0

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return allowed(self.app, action)

    def __init__(self, owner: BoardOwner) -> None:
        super().__init__(owner)
        store = owner.store
        self.current_item_id = store.board.items[0].id if store.board.items else None
        self.pane_specs = PANE_SPECS
        self._panes: dict[str, Pane] = {}
        self._stale: set[str] = set()
        self._release_timers: dict[str, Timer] = {}
        self._shown_key = ""
        #: Until the first paint: the live board and go/no-go wait for ``start_live``.
        self._starting = True
        self.standup = StandupLink(self)
        self.gonogo = GoNoGoSlot(self)
        #: A go/no-go evaluation is scheduled for after the next frame (``gonogo_soon``).
        self._gonogo_due = False
        #: Set once the board is shown (the app waits for it before it takes keys).
        self.shown = asyncio.Event()
        self.lint = LintRunner(self, self._problems_found)

    @property
    def live(self) -> LiveBoard:
        return self.owner.live

    # ------------------------------------------------------------------ building
    def compose(self) -> ComposeResult:
        yield AppBar()
        with PaneTabs(id="panes"):
            for n, spec in enumerate(self.pane_specs, 1):
                with TabPane(f"{n} {spec.title}", id=f"tab-{spec.key}"):
                    if n == 1:
                        pane = spec.factory()
                        self._panes[spec.key] = pane
                        yield pane
        yield AppFooter(compact=True)

    def on_mount(self) -> None:
        self.live.view = self
        self.live.gate_signal.subscribe(self, self._gates_published, immediate=True)
        try:
            self.show_first()
        finally:
            self.shown.set()  # the app waits for it: never leave it waiting

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        # The screen's own workers (go/no-go, lint): what one raises, on its thread or in what it
        # hands to the UI thread, reaches the app, which shows it (state messages do not bubble).
        if event.state == WorkerState.ERROR and event.worker.error is not None:
            self.post_message(WorkerFailed(f"Background task {event.worker.group}", event.worker.error))

    def show_first(self) -> None:
        """The board in the first pane, the current item focused."""
        self.board_loaded()
        first = self._panes.get(self.pane_specs[0].key)
        if first is not None:
            self._focus_pane(first)
        self.shown.set()

    def start_live(self) -> None:
        """After the first paint: the gate session, the file watcher, the go/no-go verdict and lint."""
        self._starting = False
        self.live.sync()
        self.gonogo.update()
        self.lint.schedule(self.store, self.owner)

    def board_loaded(self, changes: list | None = None) -> None:
        """A (new or reloaded) store: titles, panes, the current item. ``changes``: the store is
        the one shown before with these item changes (an outside edit, ``core.reread``), which the
        panes follow as they follow an edit's."""
        store = self.store
        if changes is None:  # item changes leave the title and the file as they were
            name = store.path.name if store.path else "<board>"
            self.query_one(AppBar).set_board(store.board.board.title, name, "read-only" if self.owner.read_only else "")
            self.app.title = store.board.board.title
        if self.current_item_id is None or not store.has_item(self.current_item_id):
            self.current_item_id = store.board.items[0].id if store.board.items else None
        self.refresh_panes(focus=self.current_item_id, changes=changes or None)

    # ------------------------------------------------------------------ showing the board
    def refresh_panes(self, focus: str | None = None, changes: list | None = None, state: bool = True) -> None:
        """Re-display the visible pane (the others catch up when shown) against a new analysis.

        ``changes`` are the edit's Change records, when an edit caused the refresh: a pane that
        can follow them (``apply_changes``) updates only what they touch. ``state=False``: the
        caller shows the saved / unsaved state itself."""
        self.owner.board_changed()
        if focus is not None:
            self.current_item_id = focus
        active = self._active_key()
        for key, pane in self._panes.items():
            if key == active:
                self._show(key, pane, changes)
            else:
                self._stale.add(key)
        if state:
            self.show_state()
        if not self._starting:  # else start_live does all three
            self.live.sync(changes)
            if changes is None or self.gonogo.affects(changes):
                self.gonogo_soon()
            self.lint.schedule(self.store, self.owner)
        self.standup.refresh()

    def gonogo_soon(self) -> None:
        """Evaluate go/no-go once the frame showing the change is out (it reads the whole board:
        the edited row shows first); several requests before then make one evaluation."""
        if not self._gonogo_due:
            self._gonogo_due = True
            self.call_after_refresh(self._gonogo_now)

    def _gonogo_now(self) -> None:
        self._gonogo_due = False
        self.gonogo.update()

    def _problems_found(self, problems: Problems) -> None:
        """Lint's result: the header's count (a link to the pane) and the Problems pane."""
        self.query_one(AppBar).set_problems(problems.counts(), "screen.show_pane('problems')")
        pane = self._panes.get("problems")
        if pane is not None:  # imported only once the pane was built
            from readiness_tui.ui.panes.problems import ProblemsPane

            if isinstance(pane, ProblemsPane):
                pane.show_problems(problems)

    def show_state(self, dirty: bool | None = None) -> None:
        """The top bar's saved / unsaved state (``dirty``: when the caller knows it, e.g. right
        after a save, which spares comparing the board's text)."""
        if dirty is None:
            dirty = self.editor.dirty
        undo, missing = len(self.editor.undo_stack), self.live.file_missing
        label = header_label(self.last_edit, dirty, undo, missing)
        self.query_one(AppBar).set_state(dirty, label, undo, missing=missing)

    def _show(self, key: str, pane: Pane, changes: list | None = None) -> None:
        self._stale.discard(key)
        if not (changes and pane.apply_changes(self.store, changes, lambda: self.owner.analysis)):
            analysis = self.owner.analysis
            if analysis is None:
                analysis = Analysis(self.store.board)
            pane.show_board(self.store, analysis)
        if self.current_item_id:
            pane.focus_item(self.current_item_id)

    def _gates_published(self, gates: GateResults) -> None:
        """New live gate results: every built pane, go/no-go, an open standup."""
        for pane in self._panes.values():
            if pane.is_mounted:
                pane.gates_changed(gates)
        self.gonogo_soon()
        self.standup.gates_changed(dict(gates.status) or None)

    # ------------------------------------------------------------------ panes
    def _active_key(self) -> str:
        active = self.query_one(TabbedContent).active
        return active.removeprefix("tab-") if active else self.pane_specs[0].key

    def active_pane(self) -> Pane | None:
        return self._panes.get(self._active_key())

    def pane(self, key: str) -> Pane | None:
        return self._panes.get(key)

    def action_show_pane(self, key: str) -> None:
        self.show_pane(key)

    def show_pane(self, key: str) -> None:
        tabs = self.query_one(TabbedContent)
        if tabs.active != f"tab-{key}":
            tabs.active = f"tab-{key}"
        else:
            self._activate(key)

    @on(TabbedContent.TabActivated)
    def _tab_activated(self, event: TabbedContent.TabActivated) -> None:
        # Messages can arrive after the active tab changed again: follow what is active now.
        key = self._active_key()
        if key != self._shown_key:
            self._activate(key)

    def _activate(self, key: str) -> None:
        spec = next((s for s in self.pane_specs if s.key == key), None)
        if spec is None:
            return
        self._leave(self._shown_key, key)
        self._shown_key = key
        pane = self._panes.get(key)
        if pane is None:
            try:
                pane = spec.factory()
            except Exception as exc:  # noqa: BLE001 - one broken pane must not take the app down
                self.notify(f"{spec.title}: {exc}", title="Pane failed to load", severity="error")
                return
            self._panes[key] = pane
            self.call_later(self._mount_pane, key, pane)
            return
        if key in self._stale or self.owner.analysis is None:
            self._show(key, pane)
        elif self.current_item_id:
            pane.focus_item(self.current_item_id)
        self._focus_pane(pane)

    def _leave(self, key: str, to: str) -> None:
        """The pane ``key`` was left for ``to``: if it is still hidden ``RELEASE_AFTER_S`` later, it lets
        go of what it built (a row per item of a 10,000-item board) and is built again when shown."""
        if key == to or key not in self._panes:
            return
        old = self._release_timers.pop(key, None)
        if old is not None:
            old.stop()
        self._release_timers[key] = self.set_timer(self.RELEASE_AFTER_S, lambda: self._release_hidden(key))

    def _release_hidden(self, key: str) -> None:
        self._release_timers.pop(key, None)
        pane = self._panes.get(key)
        if key != self._shown_key and pane is not None and pane.is_mounted and pane.release():
            self._stale.add(key)

    async def _mount_pane(self, key: str, pane: Pane) -> None:
        # Wait for the pane and its children before showing a board in it.
        await self.query_one(f"#tab-{key}", TabPane).mount(pane)
        pane.gates_changed(self.live.results())
        self._show(key, pane)
        if self._shown_key == key:
            self._focus_pane(pane)

    def _focus_pane(self, pane: Pane) -> None:
        if self.focused is not None and pane in self.focused.ancestors_with_self:
            return
        pane.focus_default()

    def action_pane_n(self, n: int) -> None:
        if 1 <= n <= len(self.pane_specs):
            self.show_pane(self.pane_specs[n - 1].key)

    def action_pane_step(self, delta: int) -> None:
        keys = [s.key for s in self.pane_specs]
        n = keys.index(self._active_key()) if self._active_key() in keys else 0
        self.show_pane(keys[(n + delta) % len(keys)])

    # ------------------------------------------------------------------ messages from panes
    @on(ItemHighlighted)
    def _item_highlighted(self, message: ItemHighlighted) -> None:
        self.current_item_id = message.item_id
        detail = self._panes.get("detail")
        if detail is not None:
            detail.focus_item(message.item_id)

    @on(OpenItem)
    def _open_item_message(self, message: OpenItem) -> None:
        self.open_item(message.item_id)

    @on(ToggleDependency)
    def _toggle_dependency(self, message: ToggleDependency) -> None:
        self.toggle_dependency(message.item_id, message.dep_id)

    @on(EditFields)
    def _edit_fields(self, message: EditFields) -> None:
        self.edit_fields(message.item_id, message.values)

    @on(RunGates)
    def _run_gates(self, message: RunGates) -> None:
        self.live.run_gates(message.ids)

    @on(CancelGates)
    def _cancel_gates(self, message: CancelGates) -> None:
        self.live.cancel_gates(message.ids)

    @on(TrustBoard)
    def _trust_board(self, message: TrustBoard) -> None:
        self.live.ask_trust()

    @on(ToggleAutoRun)
    def _toggle_auto_run(self, message: ToggleAutoRun) -> None:
        self.live.toggle_auto_run()

    def open_item(self, item_id: str) -> None:
        """Select an item in the backlog and show its detail (also the target of clickable ids)."""
        if not self.store.has_item(item_id):
            self.notify(f"No item {item_id}.", severity="warning")
            return
        self.current_item_id = item_id
        backlog = self._panes.get("backlog")
        if backlog is not None:
            backlog.focus_item(item_id)
        self.show_pane("detail" if any(s.key == "detail" for s in self.pane_specs) else self.pane_specs[0].key)
        detail = self._panes.get("detail")
        if detail is not None:
            detail.focus_item(item_id)

    def action_open_item(self, item_id: str) -> None:
        self.open_item(item_id)

    def filter_backlog(self, text: str) -> None:
        from readiness_tui.ui.panes.backlog import BacklogPane

        self.show_pane("backlog")
        backlog = self._panes.get("backlog")
        if isinstance(backlog, BacklogPane):
            backlog.set_filter(text)

    def group_backlog(self, grouping: str) -> None:
        from readiness_tui.ui.panes.backlog import BacklogPane

        self.show_pane("backlog")
        backlog = self._panes.get("backlog")
        if isinstance(backlog, BacklogPane):
            backlog.table.set_grouping(None if grouping == "none" else grouping)

    # ------------------------------------------------------------------ conflicts, answers, meetings
    def action_resolve_conflicts(self) -> None:
        """The conflicts a git merge recorded in the board: pick ours, theirs or base, one by one."""
        from readiness_tui.ui.screens.conflicts import ConflictsScreen

        if not self.store.board.conflicts:
            self.notify("No merge conflicts recorded in this board.", timeout=4)
            return

        def done(resolved: int | None) -> None:
            if resolved:
                self.board_loaded()
                self.notify(f"Resolved {resolved} conflict{'s' if resolved != 1 else ''}.", timeout=4)

        self.app.push_screen(ConflictsScreen(self.editor), done)

    def action_standup(self) -> None:
        """Standup mode: overview, then a slide per owner; its edits take the app's edit path."""
        self.standup.open()

    def standup_edit(self, item_id: str, values: dict) -> object:
        return self.standup.edit(item_id, values)

    def action_gonogo(self) -> None:
        """The go/no-go verdict and every reason, each jumping to its item."""
        self.gonogo.show_reasons()

    def action_report(self) -> None:
        """The weekly update (as ``readiness report``): copy, save, other weeks."""
        from readiness_tui.ui.screens.report import ReportScreen

        self.app.push_screen(
            ReportScreen(self.store, gate_status=self.live.gate_status or None, output_dir=self.owner.output_dir())
        )
