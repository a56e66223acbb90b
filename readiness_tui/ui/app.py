"""The readiness app: a shell of tabbed panes over one board, with editing, themes and a palette.

The app owns the store (through the edit controller) and one ``Analysis`` per board state; panes
only display (``show_board``) and post messages. Panes other than the first are built the first
time they are shown, and a pane that is not visible is only marked stale after an edit.

Live gates and the watched board file are in ``live.LiveGates``: one gate session and one file
watcher per open board; the watcher is also how outside changes to the board file are noticed.
Standup mode (``m``) and the weekly update (``r``) are screens over the same store; an edit made
in the standup takes the same path as any other (undo, save, audit trail).
"""

from __future__ import annotations

import gc
from pathlib import Path

from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import Footer, TabbedContent, TabPane

from ..core.analysis import Analysis
from ..core.store import BoardStore
from . import themes as theme_files
from .board_actions import BoardActions
from .commands import ReadinessCommands
from .edit_actions import EditActions
from .editing import EditController
from .live import LiveGates
from .messages import EditFields, ItemHighlighted, OpenItem, ToggleDependency
from .panes.registry import PaneSpec, panes
from .widgets.appbar import AppBar
from .widgets.pane_tabs import PaneTabs


class ReadinessApp(LiveGates, EditActions, BoardActions, App[None]):
    TITLE = "readiness"
    CSS_PATH = "styles/app.tcss"
    COMMANDS = App.COMMANDS | {ReadinessCommands}

    BINDINGS = [
        Binding("q", "quit_app", "Quit"),
        Binding("question_mark,f1", "help", "Keys"),
        Binding("1", "pane_n(1)", "Backlog", show=False),
        Binding("2", "pane_n(2)", "Detail", show=False),
        Binding("3", "pane_n(3)", "Pane 3", show=False),
        Binding("4", "pane_n(4)", "Pane 4", show=False),
        Binding("5", "pane_n(5)", "Pane 5", show=False),
        Binding("6", "pane_n(6)", "Pane 6", show=False),
        Binding("7", "pane_n(7)", "Pane 7", show=False),
        Binding("8", "pane_n(8)", "Pane 8", show=False),
        Binding("9", "pane_n(9)", "Pane 9", show=False),
        Binding("right_square_bracket", "pane_step(1)", "Next pane", show=False),
        Binding("left_square_bracket", "pane_step(-1)", "Previous pane", show=False),
        Binding("s", "cycle_status", "Status"),
        Binding("S", "status_menu", "Set status…", show=False),
        Binding("p", "priority_menu", "Priority…", show=False),
        Binding("w", "set_owner", "Owner…", show=False),
        Binding("t", "set_target", "Target…", show=False),
        Binding("E", "set_estimate", "Estimate…", show=False),
        Binding("f", "score_factors", "Score factors…", show=False),
        Binding("e", "edit_item", "Edit"),
        Binding("ctrl+e", "edit_text", "Long text in $EDITOR", show=False),
        Binding("a", "add_item", "Add"),
        Binding("y", "duplicate", "Duplicate", show=False),
        Binding("delete,X", "delete", "Delete…", show=False),
        Binding("plus", "add_dependency", "Add dependency…", show=False),
        Binding("minus", "remove_dependency", "Remove dependency…", show=False),
        Binding("u,ctrl+z", "undo", "Undo"),
        Binding("ctrl+y,ctrl+r", "redo", "Redo", show=False),
        Binding("ctrl+s", "save", "Save now / retry", show=False),
        Binding("R", "reload", "Reload from disk", show=False),
        Binding("b", "pick_board", "Boards…", show=False),
        Binding("T", "pick_theme", "Theme…", show=False),
        Binding("m", "standup", "Standup"),
        Binding("r", "report", "Report"),
    ]

    def __init__(
        self, board: Path | BoardStore, board_dir: Path | None = None, theme: str | None = None,
        notes: list[str] | None = None, watch: bool = True, gc_paused: bool = False,
    ) -> None:
        super().__init__()
        #: The caller turned the cyclic garbage collector off for the start (``readiness`` does,
        #: to load and import without collections); it is turned on after the first paint.
        self._gc_paused = gc_paused
        #: Until the first paint: the gate session, the file watcher and go/no-go wait for it.
        self._starting = False
        #: Watch the board file and the repo (live gates, outside changes); see ``live``.
        self.watch_files = watch
        store = board if isinstance(board, BoardStore) else BoardStore.load(board)
        self.editor = EditController(store)
        self.board_dir = board_dir or (store.path.parent if store.path else None)
        self._analysis: Analysis | None = None
        #: The board changed since ``_analysis`` was made: the next read of ``analysis`` makes it again.
        self._analysis_stale = False
        self.current_item_id: str | None = store.board.items[0].id if store.board.items else None
        self.pane_specs: list[PaneSpec] = panes()
        self._panes: dict[str, Widget] = {}
        self._stale: set[str] = set()
        self._shown_key = ""
        self.last_edit = ""
        self._standup_editing = False
        self._standup_refresh = False
        #: Live gate results {item id: status}, set by the gates machinery; shown in the backlog's
        #: Gate column and used for go/no-go. Call ``set_gate_status`` to update both.
        self.gate_status: dict[str, str] = {}
        self._wanted_theme = theme
        self._notes = notes or []
        self._theme_problems = self._choose_theme()

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
        yield Footer()

    def on_mount(self) -> None:
        self._remember_themes()
        self._starting = True
        self.board_loaded()
        for note in self._notes:  # boards of the directory that did not load
            self.notify(note, title="Board skipped", severity="warning", timeout=12)
        first = self._panes.get(self.pane_specs[0].key)
        if first is not None:
            self._focus_pane(first)

    def on_ready(self) -> None:
        """Posted once the first frame is on the screen."""
        self._after_first_paint()

    def _after_first_paint(self) -> None:
        """What the first frame does not need: the gate session (its state scan and the file
        watcher) and the go/no-go verdict, which reads the live gates."""
        self._starting = False
        self.sync_live()
        self._update_gonogo()
        if self._gc_paused:
            # What is loaded now lives as long as the app: keep it out of every later collection.
            self._gc_paused = False
            gc.freeze()
            gc.enable()

    def _choose_theme(self) -> list[str]:
        """Register the theme files and take the theme to start with (the wanted one, else the
        saved one, else the default). Done before the app runs, so the stylesheet is parsed once,
        with this theme's colours, instead of again after the first compose. Returns the problems
        of the theme files (shown once the app is mounted)."""
        loaded = theme_files.load_themes()
        for theme in loaded.themes:
            self.register_theme(theme)
        names = set(self.available_themes)
        for choice in (self._wanted_theme, theme_files.saved_theme(), theme_files.DEFAULT_THEME):
            if choice and choice in names:
                self.theme = choice
                break
        return loaded.problems

    def _remember_themes(self) -> None:
        for problem in self._theme_problems:
            self.notify(problem, title="Theme file ignored", severity="warning", timeout=8)
        startup = self.theme

        def remember(theme) -> None:  # type: ignore[no-untyped-def]
            nonlocal startup
            if theme.name != startup:  # not the (possibly one-off --theme) choice made at start
                startup = ""
                theme_files.save_theme(theme.name)

        self.theme_changed_signal.subscribe(self, remember)

    def board_loaded(self) -> None:
        """A (new or reloaded) store: titles, panes, the current item."""
        store = self.store
        bar = self.query_one(AppBar)
        bar.set_board(store.board.board.title, store.path.name if store.path else "<board>")
        self.title = store.board.board.title
        if not store.has_item(self.current_item_id):
            self.current_item_id = store.board.items[0].id if store.board.items else None
        self.refresh_panes(focus=self.current_item_id)

    # ------------------------------------------------------------------ panes
    @property
    def analysis(self) -> Analysis | None:
        """The analysis of the board as it is now (None before the first board is shown). Made
        when first asked for after a change: an edit that only the backlog shows needs none."""
        if self._analysis_stale:
            self._analysis = Analysis(self.store.board)
            self._analysis_stale = False
        return self._analysis

    @analysis.setter
    def analysis(self, value: Analysis | None) -> None:
        self._analysis = value
        self._analysis_stale = False

    def _current_analysis(self) -> Analysis | None:
        return self.analysis

    def refresh_panes(self, focus: str | None = None, changes: list | None = None, state: bool = True) -> None:
        """Re-display the visible pane (the others catch up when shown) against a new analysis.

        ``changes`` are the edit's Change records, when an edit caused the refresh: a pane that
        can follow them (``apply_changes``) updates only what they touch. ``state=False``: the
        caller shows the saved / unsaved state itself."""
        self._analysis_stale = True
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
        if not self._starting:  # else _after_first_paint does both
            self.sync_live(changes)
            if changes is None or self._affects_gonogo(changes):
                self._update_gonogo()
        self._refresh_standups()

    def show_state(self, dirty: bool | None = None) -> None:
        """The top bar's saved / unsaved state (``dirty``: when the caller knows it, e.g. right
        after a save, which spares comparing the board's text)."""
        if dirty is None:
            dirty = self.editor.dirty
        self.query_one(AppBar).set_state(dirty, self.last_edit, len(self.editor.undo_stack), missing=self.file_missing)

    def _standups(self) -> list:
        return [s for s in self.screen_stack if type(s).__name__ == "StandupScreen"]

    def _refresh_standups(self) -> None:
        """An open standup shows the board as it is now (unless the edit came from it, which
        shows it itself). One redraw however many changes arrive before it runs."""
        if self._standup_editing or self._standup_refresh or not self._standups():
            return
        self._standup_refresh = True
        self.call_later(self._redraw_standups)

    async def _redraw_standups(self) -> None:
        self._standup_refresh = False
        for screen in self._standups():
            screen.gate_status = self.gate_status or None
            analysis = self.analysis if self.analysis is not None and self.analysis.board is self.store.board else None
            await screen.show_board(self.store, analysis)

    def _affects_gonogo(self, changes: list) -> bool:
        """Whether an edit can change go/no-go (the rule lives in ``core.gonogo.affects``)."""
        from ..core.gonogo import affects

        return affects(self.store.board, changes)

    def _update_gonogo(self) -> None:
        """The header's go/no-go slot: ``core.gonogo.evaluate`` when it is there, else "—"."""
        bar = self.query_one(AppBar)
        try:
            from ..core.gonogo import evaluate
        except ImportError:
            bar.set_gonogo(None)
            return
        try:
            decision = evaluate(self.store.board, self.analysis, self.gate_status or None)
        except Exception:  # noqa: BLE001 - the slot must never take the app down
            bar.set_gonogo(None)
            return
        more = f"{len(decision.reasons)} reason{'s' if len(decision.reasons) != 1 else ''}" if not decision.go else ""
        bar.set_gonogo(decision.recommendation, more, "\n".join(decision.reasons))

    def set_gate_status(self, status: dict[str, str]) -> None:
        self.gate_status = dict(status)
        backlog = self._panes.get("backlog")
        if backlog is not None and hasattr(backlog, "gate_status"):
            backlog.gate_status = self.gate_status  # type: ignore[attr-defined]
        self._update_gonogo()
        for screen in self._standups():  # an open standup's overview counts gates too
            screen.gate_status = self.gate_status or None
        self._refresh_standups()

    def _show(self, key: str, pane: Widget, changes: list | None = None) -> None:
        self._stale.discard(key)
        self._attach(pane)
        if not (changes and hasattr(pane, "apply_changes")
                and pane.apply_changes(self.store, changes, self._current_analysis)):  # type: ignore[attr-defined]
            pane.show_board(self.store, self.analysis)  # type: ignore[attr-defined]
        if self.current_item_id and hasattr(pane, "focus_item"):
            pane.focus_item(self.current_item_id)  # type: ignore[attr-defined]

    def _active_key(self) -> str:
        active = self.query_one(TabbedContent).active
        return active.removeprefix("tab-") if active else self.pane_specs[0].key

    def pane(self, key: str) -> Widget | None:
        return self._panes.get(key)

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
        if key in self._stale or self.analysis is None:
            self._show(key, pane)
        elif self.current_item_id and hasattr(pane, "focus_item"):
            pane.focus_item(self.current_item_id)  # type: ignore[attr-defined]
        self._focus_pane(pane)

    async def _mount_pane(self, key: str, pane: Widget) -> None:
        # Wait for the pane and its children before showing a board in it.
        await self.query_one(f"#tab-{key}", TabPane).mount(pane)
        if self.analysis is None:
            self.analysis = Analysis(self.store.board)
        self._show(key, pane)
        if self._shown_key == key:
            self._focus_pane(pane)

    def _focus_pane(self, pane: Widget) -> None:
        if self.screen.focused is not None and pane in self.screen.focused.ancestors_with_self:
            return
        if hasattr(pane, "focus_default"):
            pane.focus_default()  # type: ignore[attr-defined]
            return
        target = next((w for w in pane.query("*") if w.focusable and not w.has_class("-textual-compact")), None)
        if target is None and pane.focusable:
            target = pane
        if target is not None:
            target.focus()

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
        if detail is not None and hasattr(detail, "focus_item"):
            detail.focus_item(message.item_id)  # type: ignore[attr-defined]

    @on(OpenItem)
    def _open_item_message(self, message: OpenItem) -> None:
        self.open_item(message.item_id)

    @on(ToggleDependency)
    def _toggle_dependency(self, message: ToggleDependency) -> None:
        self.toggle_dependency(message.item_id, message.dep_id)

    @on(EditFields)
    def _edit_fields(self, message: EditFields) -> None:
        self.edit_fields(message.item_id, message.values)

    def open_item(self, item_id: str) -> None:
        """Select an item in the backlog and show its detail (also the target of clickable ids)."""
        if not self.store.has_item(item_id):
            self.notify(f"No item {item_id}.", severity="warning")
            return
        self.current_item_id = item_id
        backlog = self._panes.get("backlog")
        if backlog is not None and hasattr(backlog, "focus_item"):
            backlog.focus_item(item_id)  # type: ignore[attr-defined]
        self.show_pane("detail" if any(s.key == "detail" for s in self.pane_specs) else self.pane_specs[0].key)
        detail = self._panes.get("detail")
        if detail is not None:
            detail.focus_item(item_id)  # type: ignore[attr-defined]

    def action_open_item(self, item_id: str) -> None:
        self.open_item(item_id)

    def filter_backlog(self, text: str) -> None:
        self.show_pane("backlog")
        backlog = self._panes.get("backlog")
        if backlog is not None and hasattr(backlog, "set_filter"):
            backlog.set_filter(text)  # type: ignore[attr-defined]

    def group_backlog(self, grouping: str) -> None:
        self.show_pane("backlog")
        backlog = self._panes.get("backlog")
        if backlog is not None:
            backlog.table.set_grouping(None if grouping == "none" else grouping)  # type: ignore[attr-defined]

    # ------------------------------------------------------------------ standup and weekly update
    def action_standup(self) -> None:
        """Standup mode: overview, then a slide per owner; its edits take the app's edit path."""
        from .screens.standup import StandupScreen

        if self._standups():
            return
        self.push_screen(StandupScreen(self.store, self.standup_edit, gate_status=self.gate_status or None),
                         self._standup_done)

    def standup_edit(self, item_id: str, values: dict) -> object:
        """``apply_edit`` of the standup: the edit controller (undo, save, audit); raises on refusal."""
        result = self.editor.set_fields(item_id, values)
        if not result.ok:
            raise ValueError(result.error)
        self._standup_editing = True
        try:
            self._after_edit(result)
        finally:
            self._standup_editing = False
        return result

    def _standup_done(self, summary: dict | None) -> None:
        if summary:
            n = len(summary.get("slides", []))
            self.notify(f"Standup recorded ({n} slide{'s' if n != 1 else ''} shown).", timeout=4)

    def action_report(self) -> None:
        """The weekly update (as ``readiness report``): copy, save, other weeks."""
        from .screens.report import ReportScreen

        self.push_screen(ReportScreen(self.store, gate_status=self.gate_status or None))

    def on_unmount(self) -> None:
        self.close_live()

    # ------------------------------------------------------------------ help and quitting
    def action_help(self) -> None:
        from .screens.help import HelpScreen, app_sections

        self.push_screen(HelpScreen(app_sections(self)))

    def action_quit_app(self) -> None:
        if self.editor.dirty:
            self._ask_unsaved(self.exit, "Quit")
        else:
            self.exit()

    def _ask_unsaved(self, then, verb: str) -> None:  # type: ignore[no-untyped-def]
        from .screens.dialogs import ChoiceScreen

        def answer(choice: str | None) -> None:
            if choice == "save":
                state = self.editor.save()
                if state not in ("saved", "unchanged"):
                    self._report_save(state, "board")
                    return
                then()
            elif choice == "discard":
                then()

        choices = [("save", f"Save, then {verb.lower()}"), ("discard", f"{verb} without saving (edits are lost)"),
                   ("cancel", "Cancel")]
        self.push_screen(ChoiceScreen(f"{verb}: the board has unsaved edits", choices), answer)
