"""The readiness app: one board, shown by the main screen, kept live by the live board.

- ``ReadinessApp`` (here): the board's owner (the edit controller, hence the store, and one
  ``Analysis`` per board state), plus what is global: themes, switching and reloading boards,
  help, the command palette, quitting, and where a worker's failure is shown (``report_error``).
- ``screens.main.MainScreen``: the panes, switching between them, and the edit actions.
- ``live_board.LiveBoard``: the gate session, the file watcher and outside changes; it publishes
  the live gate results once (``gate_signal``).

The parts meet through the Protocols of ``host``.
"""

from __future__ import annotations

import gc
import logging
from pathlib import Path
from typing import Any

from textual import events
from textual.app import App
from textual.theme import Theme
from textual.worker import Worker, WorkerState

from readiness_tui.core.analysis.analyze import Analysis
from readiness_tui.core.analysis.kept import LinkAnswers
from readiness_tui.core.board.file import DiskState
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.cache import loader as caches
from readiness_tui.core.edits.editor import EditController
from readiness_tui.core.model.board import Board, warm_steps
from readiness_tui.core.model.problems import BoardError
from readiness_tui.core.settings.config import Config, defaults
from readiness_tui.resources import list_boards
from readiness_tui.ui import themes as theme_files
from readiness_tui.ui.actions import KeyNames, app_bindings, keymap_of, keymap_problems
from readiness_tui.ui.commands import ReadinessCommands
from readiness_tui.ui.idle_work import IdleWork
from readiness_tui.ui.live_board import LiveBoard
from readiness_tui.ui.messages import WorkerFailed
from readiness_tui.ui.sample_copy import SampleCopy
from readiness_tui.ui.screens.main import MainScreen

log = logging.getLogger("readiness.ui")

#: The cyclic collector's thresholds (generations 0, 1, 2) once the app runs in its own process
#: (Python's: 700, 10, 10). A reload of a 10,000-item board allocates tens of thousands of
#: objects: at Python's thresholds young collections ran several times per outside change and a
#: full one every few changes, on the way to the screen. These make outside changes and status
#: keys reach the screen sooner. The older generations stay Python's size apart (a full collection
#: every 25 young ones, about 500,000 allocations): what the screen draws and drops (strips, a
#: footer's keys) is cyclic garbage that only a full collection frees, and at 20 and 10 it waited
#: for 4,000,000 allocations, a pause in the keys (``idle_work``) or a round of use, and the peak
#: grew with it.
GC_THRESHOLDS = (20_000, 5, 5)


class ReadinessApp(App[None]):
    TITLE = "readiness"
    CSS_PATH = "styles/app.tcss"
    COMMANDS = App.COMMANDS | {ReadinessCommands}

    # The main screen lists q and ? again (shown in its footer); here they work on every screen.
    BINDINGS = app_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        from readiness_tui.ui.readonly import allowed

        return allowed(self, action)

    def __init__(
        self,
        board: Path | BoardStore,
        board_dir: Path | None = None,
        theme: str | None = None,
        notes: list[str] | None = None,
        watch: bool = True,
        gc_paused: bool = False,
        read_only: bool = False,
        presenter: str | None = None,
        settings: Config | None = None,
        sample_dir: Path | None = None,
    ) -> None:
        super().__init__()
        #: The effective settings (``core.config.load_config``; defaults when none are given).
        self.settings = settings or defaults()
        #: The user's keys for each binding (help and the palette name them).
        self.keys = KeyNames(keymap_of(self.settings))
        #: The directory of the sample boards shipped with readiness: never written (``sample_copy``).
        self.sample_dir = sample_dir.resolve() if sample_dir else None
        self.samples = SampleCopy(self)
        #: ``readiness serve --read-only``: nothing this app's user does writes or runs (``ui.readonly``).
        self.read_only = read_only
        #: "present": this app's standup is followed by others; "follow": it follows the presenter.
        self.presenter_role = presenter
        self.following = presenter == "follow"
        #: The caller turned the cyclic garbage collector off for the start (``readiness`` does,
        #: to load and import without collections): this process is the app's own. After the first
        #: paint the heap is frozen and the collector turned on with ``GC_THRESHOLDS``.
        self._gc_paused = gc_paused
        store = board if isinstance(board, BoardStore) else BoardStore.load(board)
        self.editor = EditController(store, read_only=read_only)
        self.editor.autosave = not self.on_sample
        self.board_dir = board_dir or (store.path.parent if store.path else None)
        self._analysis: Analysis | None = None
        #: The board changed since ``_analysis`` was made: the next read of ``analysis`` makes it again.
        self._analysis_stale = False
        #: The link answers of the analysis an edit made stale (``kept.LinkAnswers``).
        self._links: LinkAnswers | None = None
        self._board_version = 0
        #: Set when the app ended with a save that failed and nobody left to tell: the edits were
        #: kept in this file (or None when it could not be written either); the command says so.
        self.unsaved_at_exit: tuple[str, Path | None] | None = None
        self.live = LiveBoard(self, watch=watch)
        self.main = MainScreen(self)
        self._wanted_theme = theme
        self._notes = notes or []
        #: Settings the app could not use (shown once mounted, with the settings' own problems).
        self._settings_notes: list[str] = []
        self._theme_problems = self._choose_theme()
        #: Work done while nobody types (the validators' warm-up).
        self.idle_work = IdleWork(self)

    def get_default_screen(self) -> MainScreen:
        return self.main

    async def on_mount(self) -> None:
        # The main screen composes in its own task: the app is ready (keys, tests) once it shows the board.
        await self.main.shown.wait()
        self._remember_themes()
        self.set_keymap(self.keys.keymap)
        notes = [*(p.format() for p in self.settings.problems), *keymap_problems(self.settings), *self._settings_notes]
        for problem in notes:
            self.notify(problem, title="Settings", severity="warning", timeout=12)
        for note in self._notes:  # boards of the directory that did not load
            self.notify(note, title="Board skipped", severity="warning", timeout=12)

    def on_ready(self) -> None:
        """Posted once the first frame is on the screen: what the first frame does not need."""
        # A crashed writer or an outside edit, recorded first (a sample has no history: it is never written).
        found = "" if self.on_sample else self.editor.open_check()
        if found:
            what = (
                "an edit whose writer died before it reached the board"
                if found == "aborted"
                else ("a change made outside readiness")
            )
            self.notify(f"The history now records {what}.", title="History", timeout=8)
        # A board this start had to parse goes to the parse cache now (a forked child writes it),
        # not only when the app quits: the next start on it, or a command, then reads the cache
        # even if this app is killed. Done before the live board starts its threads.
        caches.flush_in_background(reap=True)
        self.main.start_live()
        # The records' validators are built off the first frame's path, before an edit
        # needs them, while nobody types.
        # An app that owns its process's collector also collects in pauses (``IdleWork``).
        self.idle_work.start(warm_steps(), collect=self._gc_paused)
        if self.presenter_role:  # presenter mode starts in the standup (followers see it at once)
            self.main.action_standup()
        if self._gc_paused:
            # What is loaded now lives as long as the app: keep it out of every later collection.
            self._gc_paused = False
            gc.freeze()
            gc.set_threshold(*GC_THRESHOLDS)
            gc.enable()

    def on_unmount(self) -> None:
        # However the app ends, a save being written in a thread lands first (quitting shows how).
        saved = self.main.saver.flush(report=False)
        if not saved.failed and self.editor.dirty and self.editor.last_failed is not None:
            # It failed before, and was shown on a screen that is going away with the app.
            saved = self.editor.last_failed
        if saved.failed:
            # The app ended some other way than quitting (which shows a failure and stays): the
            # edits go beside the board, and the command that ran the app says where.
            self.unsaved_at_exit = (str(saved), self.editor.backup(self.store.text()))
        self.live.close()

    # ------------------------------------------------------------------ the board
    @property
    def store(self) -> BoardStore:
        return self.editor.store

    @property
    def analysis(self) -> Analysis | None:
        """The analysis of the board as it is now (None before the first board is shown). Made
        when first asked for after a change: an edit that only the backlog shows needs none."""
        if self._analysis_stale:
            self._analysis = self.new_analysis(self.store.board)
            self._links = None
            self._analysis_stale = False
        return self._analysis

    def new_analysis(self, board: Board) -> Analysis:
        """An analysis of ``board`` (in a worker, say) that shares the link answers of the one the
        last edit made stale, when that edit left every id and dependency as it was: go/no-go and
        lint, which make theirs after a status edit, would otherwise each work the graph out again
        and hold their own copy of it."""
        analysis = Analysis(board)
        links = self._links
        if links is not None:
            links.give(analysis)
        return analysis

    def board_changed(self) -> None:
        # Edits change the board in place: a version, not the board object, tells an analysis a
        # worker made for it from one made before the latest edit.
        self._board_version += 1
        self._analysis_stale = True
        if self._analysis is not None:  # what the next one may share, if the edit kept the links
            self._links = LinkAnswers(self._analysis)
        # Not read again once stale, but it holds the previous board (a whole 10,000-item one
        # after an outside change) while the next analysis is made: let it go now.
        self._analysis = None

    @property
    def board_version(self) -> int:
        return self._board_version

    def analysis_made(self) -> Analysis | None:
        return None if self._analysis_stale else self._analysis

    def adopt_analysis(self, version: int, analysis: Analysis) -> Analysis:
        if version != self._board_version:
            return analysis
        if self._analysis_stale:
            self._analysis = analysis
            self._analysis_stale = False
            self._links = None  # given (or not) to that one: the stale analysis can go
        return self._analysis if self._analysis is not None else analysis

    @property
    def on_sample(self) -> bool:
        """The open board is a sample shipped with readiness (edited in memory only)."""
        path = self.store.path
        return self.sample_dir is not None and path is not None and path.resolve().parent == self.sample_dir

    def output_dir(self) -> Path | None:
        """Where files the app writes (report, standup SVG) go: the ``output_dir`` setting, else
        the current directory for a sample board (never into the package), else None: beside the
        board. Each save names the file it wrote."""
        from readiness_tui.core.settings.config import output_dir

        return output_dir(self.settings) or (Path.cwd() if self.on_sample else None)

    # ------------------------------------------------------------------ errors of workers
    def report_error(self, title: str, exc: BaseException) -> None:
        """The one place a background failure is shown: a notification (and the log)."""
        log.error("%s: %s", title, exc, exc_info=exc)
        self.notify(f"{type(exc).__name__}: {exc}", title=title, severity="error", timeout=12)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key):
            self.idle_work.keyed()
        await super().on_event(event)

    def on_worker_failed(self, message: WorkerFailed) -> None:
        self.report_error(message.title, message.error)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR and event.worker.error is not None:
            self.report_error(f"Background task {event.worker.group or event.worker.name} failed", event.worker.error)

    # ------------------------------------------------------------------ themes
    def _choose_theme(self) -> list[str]:
        """Register the theme files and take the theme to start with (the wanted one, else the
        saved one, else the default). Done before the app runs, so the stylesheet is parsed once,
        with this theme's colours. Returns the problems of the theme files (shown once mounted)."""
        loaded = theme_files.load_themes()
        for theme in loaded.themes:
            self.register_theme(theme)
        names = set(self.available_themes)
        configured = self.settings.get("theme")
        if configured and configured not in names:
            where = self.settings.origins.get("theme", "")
            self._settings_notes.append(f"{where}: theme {configured!r} is not a theme ({', '.join(sorted(names))})")
        for choice in (self._wanted_theme, configured, theme_files.saved_theme(), theme_files.DEFAULT_THEME):
            if choice and choice in names:
                self._start_with_theme(choice)
                break
        return loaded.problems

    def _start_with_theme(self, name: str) -> None:
        """Take theme ``name`` before the app runs. Setting ``theme`` has Textual parse the whole
        stylesheet again once the app starts, and then once more when the screen's widgets add
        theirs (that parse starts afresh): before any source is read, taking the theme's variables
        is all a theme of the same brightness needs. A theme of the other brightness also changes
        how ANSI colours are shown, which only Textual's own path does."""
        theme = self.get_theme(name)
        if theme is None or theme.dark != self.current_theme.dark or self.stylesheet.source:
            self.theme = name
            return
        self.set_reactive(App.theme, name)
        self.stylesheet.set_variables(self.get_css_variables())
        self.set_class(True, f"-theme-{name}", update=False)

    def _remember_themes(self) -> None:
        for problem in self._theme_problems:
            self.notify(problem, title="Theme file ignored", severity="warning", timeout=8)
        startup = self.theme

        def remember(theme: Theme) -> None:
            nonlocal startup
            # not the (possibly one-off --theme) choice made at start; a read-only viewer writes no settings
            if theme.name != startup and not self.read_only:
                startup = ""
                theme_files.save_theme(theme.name)
                configured = self.settings.get("theme")
                if configured and configured != theme.name:
                    where = self.settings.origins.get("theme", "")
                    self.notify(f"{where} sets theme = {configured!r}, which the next start uses.", timeout=6)

        self.theme_changed_signal.subscribe(self, remember)

    def theme_names(self) -> list[str]:
        return sorted(self.available_themes)

    def set_theme(self, name: str) -> None:
        self.theme = name

    def action_pick_theme(self) -> None:
        from readiness_tui.ui.screens.dialogs import ChoiceScreen

        ours = [t.name for t in theme_files.load_themes().themes]
        names = ours + [n for n in self.theme_names() if n not in ours]

        def chosen(n: str | None) -> None:
            if n:
                self.set_theme(n)

        self.push_screen(
            ChoiceScreen("Theme", [(n, n) for n in names], self.theme, hotkeys="123456789abcdefhijlmnop"), chosen
        )

    # ------------------------------------------------------------------ boards
    def board_paths(self) -> list[Path]:
        return list_boards(self.board_dir) if self.board_dir and self.board_dir.is_dir() else []

    def action_pick_board(self) -> None:
        from readiness_tui.ui.screens.dialogs import ChoiceScreen

        paths = self.board_paths()
        if not paths:
            self.notify("No other boards in this directory.")
            return
        current = str(self.store.path) if self.store.path else None
        choices = [(str(p), p.stem) for p in paths]

        def chosen(p: str | None) -> None:
            if p:
                self.switch_board(Path(p))

        self.push_screen(ChoiceScreen("Open board", choices, current), chosen)

    def switch_board(self, path: Path) -> None:
        if self.editor.dirty:
            self.ask_unsaved(lambda: self._load_board(path), "Switch board")
        else:
            self._load_board(path)

    def _load_board(self, path: Path) -> None:
        from readiness_tui.ui.panes.backlog import BacklogPane

        try:
            store = BoardStore.load(path)
        except BoardError as exc:
            self.notify(exc.describe(), title="Cannot open board", severity="error", timeout=15)
            return
        self.editor.replace_store(store)
        self.editor.autosave = not self.on_sample
        self.main.current_item_id = store.board.items[0].id if store.board.items else None
        backlog = self.main.pane("backlog")
        if isinstance(backlog, BacklogPane):
            backlog.set_filter("")
        self.notify(f"Opened {path.name}", timeout=2)
        self.main.board_loaded()

    def action_reload(self) -> None:
        def go() -> None:
            path = self.store.path
            if path is None:
                return
            if self.store.disk_state() == DiskState.MISSING:
                self.notify(f"{path.name} is not on disk; ctrl+s writes it again.", severity="warning")
                return

            def reloaded() -> None:  # not called when it failed: the reason is on screen, no "Reloaded"
                self.live.rescan_evidence()  # look at every gate's evidence again too
                self.notify(f"Reloaded {path.name}.", timeout=2)

            # Read and parsed in a thread worker; taken on the UI thread (``BoardDisk``).
            self.live.disk.reload_from_disk(reloaded)

        if self.editor.dirty:
            self.ask_unsaved(go, "Reload")
        else:
            go()

    def action_open_item(self, item_id: str) -> None:
        """The target of clickable ids (``[@click=app.open_item('ID')]``) in any pane or screen."""
        self.main.open_item(item_id)

    # ------------------------------------------------------------------ help and quitting
    def action_help(self) -> None:
        from readiness_tui.ui.screens.help import HelpScreen, app_sections

        self.push_screen(HelpScreen(app_sections(self)))

    async def action_quit(self) -> None:
        """Textual's own quit (ctrl+q, the system commands) asks as ``q`` does."""
        self.action_quit_app()

    def action_quit_app(self) -> None:
        # The status key's save may still be running or about to start: it lands before we ask.
        if self.main.saver.flush().failed:
            return  # what became of it is shown (a notice, or the conflict question): no second question
        if self.editor.dirty:
            self.ask_unsaved(self._quit_after_gates, "Quit")
        else:
            self._quit_after_gates()

    def _quit_after_gates(self) -> None:
        """Gates running: ask, then cancel them (process groups killed, results recorded as
        cancelled) before exiting."""
        from readiness_tui.ui.screens.dialogs import ConfirmScreen

        n = len(self.live.running())
        if not n:
            self.exit()
            return
        them = "them" if n != 1 else "it"

        def answered(ok: bool | None) -> None:
            if ok:
                self.live.stop_gates_then(self.exit)

        self.push_screen(
            ConfirmScreen(
                "Gates running",
                f"{n} gate{'s' if n != 1 else ''} running: quit and cancel {them}?\n\n"
                f"Their commands are stopped and the runs recorded as cancelled.",
                yes="Quit and cancel",
                no="Keep running",
                danger=True,
            ),
            answered,
        )

    def ask_unsaved(self, then: Any, verb: str) -> None:
        """Unsaved edits before ``verb``: save them, drop them, or cancel."""
        from readiness_tui.ui.screens.dialogs import ChoiceScreen

        def answer(choice: str | None) -> None:
            if choice == "save" and self.on_sample:
                self.samples.offer(then, asked=True)
            elif choice == "save":
                # A deleted board file is written again: saving is what the user asked for.
                state = self.editor.save(force=self.store.disk_state() == DiskState.MISSING)
                if not state.on_disk:
                    self.main.report_save(state, "board")
                    return
                then()
            elif choice == "discard":
                then()

        choices = [
            ("save", f"Save, then {verb.lower()}"),
            ("discard", f"{verb} without saving (edits are lost)"),
            ("cancel", "Cancel"),
        ]
        self.push_screen(ChoiceScreen(f"{verb}: the board has unsaved edits", choices), answer)
