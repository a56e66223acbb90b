"""The live board: the open board's gate session, file watcher and outside-change reload. The app
owns one; it is made again when another board is opened and closed when the app exits.

- a thread worker runs ``session.scan_changes()`` once at open (what changed since each last run);
- an async worker consumes the watcher. It is the only way the app notices the board file changing
  on disk (no polling): changed and nothing unsaved -> reloaded in place (cursor, filter, sort and
  grouping kept; the outside change appended to the audit trail); changed with unsaved edits -> the
  conflict dialog; deleted -> said in the top bar and a notification, the board kept in memory, and
  an offer to write it again;
- evidence and watched files changing -> ``session.note_changes`` -> ``gate_status`` is published
  again (``gate_signal``); with auto-run on and the board trusted, gates whose watched files changed
  run again.

Reading the board file (comparing, and on a change parsing it again: ~0.1 s at 10,000 items) is done
in a thread worker; what it found is taken on the UI thread (the reload, the conflict dialog).
Whatever a thread hands to the UI thread goes through ``_to_ui``: a failure there is shown to the
user (``ReadinessApp.report_error``), never dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from textual.signal import Signal
from textual.worker import get_current_worker

from ..core.problems import BoardError
from .board_state import GateResults

if TYPE_CHECKING:  # imported when the first board is opened, after the first paint
    from ..core.gates import GateSession
    from ..core.gates.runner import RunResult
    from ..core.store import BoardStore
    from ..core.watch import BoardWatcher, ChangeBatch
    from .app import ReadinessApp
    from .host import BoardView


class LiveBoard:
    """The gate session, the watcher and outside changes of the app's board."""

    def __init__(self, app: ReadinessApp, watch: bool = True) -> None:
        self.app = app
        #: Shows the board (the main screen); attached when it is mounted.
        self.view: BoardView | None = None
        self.session: GateSession | None = None
        self.watcher: BoardWatcher | None = None
        #: Watch files at all (tests of other things turn it off; ``check_disk`` still works).
        self.watch_files = watch
        #: Re-run gates whose watched files changed (trusted boards only). Off by default.
        self.auto_run = False
        #: The board file is gone from disk (the board is kept in memory).
        self.file_missing = False
        #: Live gate results {item id: status}: the one copy, published on ``gate_signal``.
        self.gate_status: dict[str, str] = {}
        #: Publishes ``GateResults`` whenever the results, the session or auto-run change.
        self.gate_signal: Signal[GateResults] = Signal(app, "gate-results")
        #: Called after each watcher batch was handled (benchmarks and tests wait on it); a reload it
        #: started is applied later, when its worker is done.
        self.on_batch: Callable[[ChangeBatch], None] | None = None

    @property
    def store(self) -> BoardStore:
        return self.app.store

    # ------------------------------------------------------------------ opening and closing
    def open(self) -> None:
        """A session and a watcher for the current board (closing those of the previous one)."""
        from ..core.gates import GateSession
        from ..core.watch import BoardWatcher

        self.close()
        store = self.store
        self.session = session = GateSession(store.path, store.board)
        self.file_missing = False
        if store.path is not None:
            self.app.run_worker(
                lambda: self._scan_changes(session), thread=True, exclusive=True, group="gate-scan", exit_on_error=False
            )
            if self.watch_files:
                watcher = BoardWatcher(store.path, root=session.root)
                watcher.set_board(store.board, index=session.index)
                self.watcher = watcher
                self.app.run_worker(self._watch(watcher), exclusive=True, group="watch", exit_on_error=False)

    def close(self) -> None:
        if self.watcher is not None:
            self.watcher.stop()
            self.watcher = None
        if self.session is not None:
            self.session.close()
            self.session = None

    def sync(self, changes: list | None = None) -> None:
        """After an edit or a reload: the session and the watcher take the board as it is now.

        ``changes`` (from an edit) that touch only ordinary item fields take a fast path: the
        session swaps in those items and re-evaluates their gates alone, instead of re-reading
        every gate of a 10,000-item board on each keystroke.
        """
        store = self.store
        session = self.session
        path = store.path.resolve() if store.path else None
        if session is None or session.board_path != path:
            self.open()
        else:
            if changes and all(_gate_neutral(c) for c in changes):
                ids = {c.item for c in changes}
                if all(store.has_item(i) for i in ids) and session.update_items(store.item(i) for i in ids):
                    self.gates_changed(only=ids)
                    return
            session.set_board(store.board)
            if self.watcher is not None:
                self.watcher.set_board(store.board, index=session.index)
        self.gates_changed()

    def _scan_changes(self, session: GateSession) -> None:
        """In a thread: what changed since each gate's last run (a failure is shown by the app)."""
        session.scan_changes()
        if session is self.session:
            self._to_ui(self.gates_changed)

    async def _watch(self, watcher: BoardWatcher) -> None:
        try:
            async for batch in watcher:
                if watcher is not self.watcher:
                    break
                try:
                    self.handle_batch(batch)
                except Exception as exc:  # noqa: BLE001 - one bad batch must not stop watching
                    self.app.report_error("Watching files", exc)
                if self.on_batch is not None:
                    self.on_batch(batch)
        except Exception as exc:  # noqa: BLE001 - e.g. out of inotify watches: work on without
            if watcher is self.watcher:
                self.app.notify(
                    f"{exc}. Outside changes and new evidence show after R (reload) or a run.",
                    title="Not watching files",
                    severity="warning",
                    timeout=12,
                )

    def _to_ui(self, fn: Callable[..., Any], *args: Any) -> None:
        """From another thread: run ``fn`` on the UI thread; what it raises is shown, not lost."""
        if self.app.is_running:
            self.app.call_from_thread(self._shown, fn, *args)

    def _shown(self, fn: Callable[..., Any], *args: Any) -> None:
        try:
            fn(*args)
        except Exception as exc:  # noqa: BLE001 - reported to the user instead of lost between threads
            self.app.report_error("Live board", exc)

    # ------------------------------------------------------------------ what the watcher saw
    def handle_batch(self, batch: ChangeBatch) -> None:
        if batch.board_deleted:
            self.board_file_event("missing")
        elif batch.board_changed:
            self.check_disk()
        session = self.session
        if session is None or not batch.paths:
            return
        ids = session.note_changes(batch.paths)
        if ids:
            self.gates_changed()
        if self.auto_run and batch.watched_items and session.trusted:
            due = session.due_for_rerun(batch.watched_items)
            if due:
                self.run_gates(due, ask=False)

    def check_disk(self) -> None:
        """Look at the board file now (the watcher does this by itself), off the UI thread."""
        store = self.store
        # What the store holds now: an edit made while the worker reads shows as a difference.
        segments = store.snapshot().segments
        read = not self.app.editor.dirty
        self.app.run_worker(
            lambda: self._read_disk(store, segments, read),
            thread=True,
            exclusive=True,
            group="board-read",
            exit_on_error=False,
        )

    def _read_disk(self, store: BoardStore, segments: list, read: bool) -> None:
        """In a thread: the file's state and, when it changed and ``read``, the store made again from
        it (or the BoardError that stopped that). Then ``_disk_read`` on the UI thread. Any other
        error fails the worker, which the app shows."""
        fresh: BoardStore | BoardError | None = None
        state = store.disk_state()
        if state == "changed" and read:
            try:
                fresh = store.reload()
            except BoardError as exc:
                fresh = exc
        if not get_current_worker().is_cancelled:  # a later look replaces this one
            self._to_ui(self._disk_read, store, segments, state, fresh)

    def _disk_read(self, store: BoardStore, segments: list, state: str, fresh: BoardStore | BoardError | None) -> None:
        if store is not self.store:
            return  # another board was opened (or this one reloaded) meanwhile
        if fresh is not None and store.snapshot().segments != segments:
            fresh = None  # edited while the file was read: read it again here
        self.board_file_event(state, fresh)

    def board_file_event(self, state: str, fresh: BoardStore | BoardError | None = None) -> None:
        """``state`` is ``store.disk_state()``: same, changed or missing. ``fresh``: the changed
        file already read (``store.reload()``, or the error it raised); None: read it here."""
        from .screens.conflict import ConflictScreen

        name = self.store.path.name if self.store.path else "board"
        if state == "changed":
            self._set_missing(False)
            if not self.app.editor.dirty:
                self.reload_in_place(fresh=fresh)
            elif not any(isinstance(s, ConflictScreen) for s in self.app.screen_stack) and self.view is not None:
                self.view.show_conflict(False)
        elif state == "missing":
            if not self.file_missing:
                self._set_missing(True)
                self.app.notify(
                    f"{name} was deleted or moved. The board is kept in memory; ctrl+s writes it again.",
                    title="Board file deleted",
                    severity="warning",
                    timeout=12,
                )
                self._offer_save_again()
        elif self.file_missing:  # it came back as it was
            self._set_missing(False)

    def _set_missing(self, missing: bool) -> None:
        if self.file_missing != missing:
            self.file_missing = missing
            if self.view is not None:
                self.view.show_state()

    def _offer_save_again(self) -> None:
        from .screens.dialogs import ConfirmScreen

        name = self.store.path.name if self.store.path else "board"
        msg = (
            f"{name} is no longer on disk (deleted, or moved away).\n\nThe board is still open here. "
            "Write it back to the same place now? (ctrl+s does it later.)"
        )

        def confirmed(ok: bool | None) -> None:
            if ok:
                self.save_again()

        self.app.push_screen(ConfirmScreen("Board file deleted", msg, yes="Save it again", no="Not now"), confirmed)

    def save_again(self) -> None:
        """Write the board in memory back to its (deleted) file."""
        state = self.app.editor.save(force=True)
        if state in ("saved", "unchanged"):
            self._set_missing(False)
            self.app.notify(f"Saved {self.store.path.name if self.store.path else 'board'} again.", timeout=4)
            if self.view is not None:
                self.view.refresh_panes()
        elif self.view is not None:
            self.view.report_save(state, "save again")

    def reload_in_place(self, quiet: bool = False, fresh: BoardStore | BoardError | None = None) -> bool:
        """Take the file as it is on disk (only changed items are parsed again); keep the cursor,
        filter, sort and grouping. Unsaved edits are kept in ``NAME.mine.toml``. ``fresh``: the
        file already read (see ``board_file_event``)."""
        name = self.store.path.name if self.store.path else "board"
        editor = self.app.editor
        try:
            if isinstance(fresh, BoardError):
                raise fresh
            res = editor.reload(reapply=False, fresh=fresh)
        except BoardError as exc:
            self.app.notify(
                f"{exc.describe()}\nThe version in memory is kept.",
                title=f"{name} on disk cannot be read",
                severity="error",
                timeout=15,
            )
            return False
        if self.view is not None:
            self.view.board_loaded()
        audit_error = editor.take_audit_error()
        if audit_error:
            self.app.notify(
                f"Reloaded, but the outside change is not in the audit trail: {audit_error}",
                title="Audit trail",
                severity="warning",
                timeout=10,
            )
        if not quiet:
            more = f" ({len(res.changes)} change{'s' if len(res.changes) != 1 else ''})" if res.changes else ""
            self.app.notify(f"{name} changed on disk: reloaded{more}.", timeout=4)
        if res.backup:
            self.app.notify(f"Your unsaved version is in {res.backup.name}.", severity="warning", timeout=10)
        return True

    # ------------------------------------------------------------------ publishing gates
    def gates_changed(self, only: set[str] | None = None) -> None:
        """Take the session's gate results and publish them (``gate_signal``) to whatever shows them.

        ``only``: the items whose gates may have changed (the rest keep their status).
        """
        session = self.session
        if session is None:
            return
        if only is None:
            self.gate_status = session.gate_status()
        else:
            status = dict(self.gate_status)
            status.update({k: v.status for k, v in session.views(only).items()})
            self.gate_status = status
        self.publish()

    def results(self) -> GateResults:
        return GateResults(self.session, MappingProxyType(dict(self.gate_status)), self.auto_run)

    def publish(self) -> None:
        self.gate_signal.publish(self.results())

    def set_gate_status(self, status: dict[str, str]) -> None:
        """Publish gate results from elsewhere (tests, a future remote runner)."""
        self.gate_status = dict(status)
        self.publish()

    # ------------------------------------------------------------------ running, trust, auto-run
    def run_gates(self, ids: Iterable[str] | None = None, ask: bool = True) -> None:
        """Run gates (all when ``ids`` is None); asks for trust first when the board is not trusted."""
        session = self.session
        if session is None or self._refused_read_only():
            return
        wanted = None if ids is None else list(ids)
        if not session.trusted:
            if ask:
                self.ask_trust(lambda: self.run_gates(wanted, ask=False))
            return
        futures = session.start(
            wanted,
            on_start=lambda _job: self._to_ui(self.gates_changed),
            on_done=lambda _res: self._to_ui(self._run_done, _res),
        )
        if not futures and ask:
            self.app.notify(
                "No gate with a verify command to run."
                if wanted is None
                else f"{', '.join(wanted)}: no verify command to run.",
                timeout=4,
            )
        self.gates_changed()

    def _run_done(self, result: RunResult) -> None:
        error = self.session.take_record_error(result.item_id) if self.session is not None else None
        if error:  # the run finished but its result could not be recorded
            self.app.notify(f"{result.item_id}: {error}", title="Gate result not saved", severity="error", timeout=12)
        self.gates_changed()

    def cancel_gates(self, ids: Iterable[str] | None = None) -> None:
        if self.session is not None:
            n = self.session.cancel(None if ids is None else list(ids))
            if n:
                self.app.notify(f"Cancelled {n} run{'s' if n != 1 else ''}.", timeout=3)
            self.gates_changed()

    def ask_trust(self, then: Callable[[], None] | None = None) -> None:
        """Show the board's commands and record the answer (then ``then()`` when trusted)."""
        if self._refused_read_only():
            return
        from ..core.gates.trust import was_trusted_before
        from .screens.trust import TrustScreen

        session = self.session
        path = self.store.path
        if session is None:
            return
        if path is None:
            self.app.notify("A board without a file cannot be trusted.", severity="warning")
            return
        commands = session.commands()
        if not commands:
            self.app.notify("This board has no verify commands: nothing to trust.")
            return

        def answered(ok: bool | None) -> None:
            if not ok or self.session is not session:
                return
            session.trust()
            self.app.notify(f"Trusted the {len(commands)} command(s) of {path.name}.", timeout=4)
            self.gates_changed()
            if then is not None:
                then()

        self.app.push_screen(TrustScreen(path, session.root, commands, changed=was_trusted_before(path)), answered)

    def _refused_read_only(self) -> bool:
        """A read-only viewer runs no gate and trusts nothing (``ui.readonly``)."""
        if self.app.read_only:
            self.app.notify("read-only: gates do not run here", severity="warning")
            return True
        return False

    def toggle_auto_run(self) -> None:
        if self._refused_read_only():
            return
        self.auto_run = not self.auto_run
        self.publish()
        note = "" if self.session is None or self.session.trusted else " (gates run once the board is trusted)"
        self.app.notify(f"Auto-run {'on' if self.auto_run else 'off'}{note}.", timeout=3)


def _gate_neutral(change: object) -> bool:
    """An item-field change that cannot alter any gate's definition (status, owner, title ...)."""
    field = getattr(change, "field", "")
    return getattr(change, "kind", "") == "items" and field not in ("*", "id") and not field.startswith("gate")
