"""The live board: the open board's gate session, file watcher and outside-change reload. The app
owns one; it is made again when another board is opened and closed when the app exits.

- a thread worker makes the session at open (its first evidence check globs the repo) and runs
  ``session.scan_changes()`` (what changed since each last run); the board shows meanwhile;
- an async worker consumes the watcher. It is the only way the app notices the board file changing
  on disk (no polling); what that means is ``board_disk.BoardDisk``'s (reload in place, the
  conflict dialog, a deleted file kept in memory);
- evidence and watched files changing -> ``session.note_changes`` -> ``gate_status`` is published
  again (``gate_signal``); with auto-run on and the board trusted, gates whose watched files changed
  run again;
- runs starting and ending are published a batch at a time (``GATE_BATCH_S``), naming the gates
  that moved: running every gate of a 10,000-item board is 18,000 such events.

- quitting while gates run: ``stop_gates_then`` cancels them in a thread worker, which waits until
  their process groups are gone and their results are recorded as cancelled.

Whatever a thread hands to the UI thread goes through ``to_ui``: a failure there is shown to the
user (``ReadinessApp.report_error``), never dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from textual.signal import Signal

from readiness_tui.ui.board_disk import BoardDisk
from readiness_tui.ui.board_state import GateResults
from readiness_tui.ui.worker_work import released

if TYPE_CHECKING:  # imported when the first board is opened, after the first paint
    from readiness_tui.core.board.store import BoardStore
    from readiness_tui.core.board.watch import BoardWatcher, ChangeBatch
    from readiness_tui.core.gates import GateSession
    from readiness_tui.core.gates.runner import RunResult
    from readiness_tui.ui.app import ReadinessApp
    from readiness_tui.ui.host import BoardView


#: Runs that start or end within this long are published together.
GATE_BATCH_S = 0.05


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
        #: The board file on disk: outside changes, deletion, writing it again.
        self.disk = BoardDisk(self)
        #: The board whose session is being made (``open``), by resolved path.
        self._opening: Path | None = None
        #: Live gate results {item id: status}: the one copy, published on ``gate_signal``.
        self.gate_status: dict[str, str] = {}
        #: Publishes ``GateResults`` whenever the results, the session or auto-run change.
        self.gate_signal: Signal[GateResults] = Signal(app, "gate-results")
        #: Called after each watcher batch was handled (benchmarks and tests wait on it); a reload it
        #: started is applied later, when its worker is done.
        self.on_batch: Callable[[ChangeBatch], None] | None = None
        #: Gates whose run started or ended since the last publish (``_run_moved``).
        self._moved: set[str] = set()

    @property
    def store(self) -> BoardStore:
        return self.app.store

    # ------------------------------------------------------------------ opening and closing
    def open(self) -> None:
        """A session and a watcher for the current board (closing those of the previous one).

        The session is made in a thread: making it checks every gate's evidence (globbing the repo,
        slow on a large one), then it scans what changed since each gate's last run. The
        board shows at once; its gates show when the session is ready (``_session_ready``)."""
        self.close()
        store = self.store
        self.disk.file_missing = False
        self._opening = store.path.resolve() if store.path else None
        sample = self.app.on_sample
        self.app.run_worker(
            released(self._make_session, store, sample),
            thread=True,
            exclusive=True,
            group="gate-open",
            exit_on_error=False,
        )

    def _make_session(self, store: BoardStore, sample: bool) -> None:
        """In a thread: the session of ``store``'s board (a failure fails the worker: shown by the app).
        A sample board's gate results are kept in memory: nothing is written beside it."""
        from readiness_tui.core.gates import GateSession, GateState

        session = GateSession(store.path, store.board, state=GateState(None) if sample else None)
        if store.path is not None:
            session.scan_changes()
        self.to_ui(self._session_ready, session)

    def _session_ready(self, session: GateSession) -> None:
        from readiness_tui.core.board.watch import BoardWatcher

        store = self.store
        if self.session is not None or session.board_path != (store.path.resolve() if store.path else None):
            session.close()  # another board was opened meanwhile
            return
        self._opening = None
        if session.board is not store.board:  # edited (or reloaded) while the session was made
            session.set_board(store.board)
        self.session = session
        if store.path is not None and self.watch_files:
            watcher = BoardWatcher(store.path, root=session.root)
            watcher.set_board(store.board, index=session.index)
            self.watcher = watcher
            self.app.run_worker(self._watch(watcher), exclusive=True, group="watch", exit_on_error=False)
            # Nothing watched the file while the session was made (seconds on a large board): a
            # change written meanwhile (an editor, git, another readiness) would never have shown.
            self.check_disk()
        self.gates_changed()

    def rescan_evidence(self) -> None:
        """Every gate's evidence checked again (globbing the repo), in a thread worker."""
        session = self.session
        if session is None:
            return

        def rescan() -> None:
            session.refresh_evidence()
            if session is self.session:
                self.to_ui(self.gates_changed)

        self.app.run_worker(rescan, thread=True, exclusive=True, group="gate-rescan", exit_on_error=False)

    def close(self) -> None:
        self._opening = None
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
        from readiness_tui.core.gates.neutral import take_item_changes

        store = self.store
        session = self.session
        path = store.path.resolve() if store.path else None
        if session is None or session.board_path != path:
            if session is not None or self._opening != path:
                self.open()
            return
        else:
            ids = take_item_changes(session, changes, store) if changes else None
            if ids is not None:
                self.gates_changed(only=ids)
                return
            session.set_board(store.board)
            if self.watcher is not None:
                self.watcher.set_board(store.board, index=session.index)
        self.gates_changed()

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

    def to_ui(self, fn: Callable[..., Any], *args: Any) -> None:
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
            from readiness_tui.core.board.file import DiskState

            self.disk.board_file_event(DiskState.MISSING)
        elif batch.board_changed:
            self.check_disk()
        session = self.session
        if session is None or not batch.paths:
            return
        ids = session.note_changes(batch.paths)
        if ids:  # only these gates can look different (their evidence or staleness): the rest keep theirs
            self.gates_changed(only=ids, always=True)
        if self.auto_run and (batch.watched_items or batch.default_watched) and session.trusted:
            due = session.due_for_rerun(batch.watched_items, whole_repo=batch.default_watched)
            if due:
                self.run_gates(due, ask=False)

    def check_disk(self) -> None:
        self.disk.check()

    def save_again(self) -> None:
        self.disk.save_again()

    def reload_in_place(self, quiet: bool = False) -> bool:
        return self.disk.reload_in_place(quiet)

    @property
    def file_missing(self) -> bool:
        """The board file is gone from disk (the board is kept in memory)."""
        return self.disk.file_missing

    # ------------------------------------------------------------------ publishing gates
    def gates_changed(self, only: set[str] | None = None, *, always: bool = False) -> None:
        """Take the session's gate results and publish them (``gate_signal``) to whatever shows them.

        ``only``: the items whose gates may have changed (the rest keep their status); published
        only when a status changed, unless ``always`` (a run's age, duration or evidence changed).
        """
        session = self.session
        if session is None:
            return
        if only is None:
            self.gate_status = session.gate_status()
        else:
            now = {k: v.status for k, v in session.views(only).items()}
            # Not set(self.gate_status): that is 10,000 ids copied on every status key.
            if (
                not always
                and all(self.gate_status.get(k) == v for k, v in now.items())
                and not any(k in self.gate_status and k not in now for k in only)
            ):
                return  # the same results: nothing to show again (most status edits)
            status = dict(self.gate_status)
            for k in only:
                status.pop(k, None)
            status.update(now)
            self.gate_status = status
        self.publish(None if only is None else frozenset(only))

    def results(self, changed: frozenset[str] | None = None) -> GateResults:
        return GateResults(self.session, MappingProxyType(dict(self.gate_status)), self.auto_run, changed)

    def publish(self, changed: frozenset[str] | None = None) -> None:
        self.gate_signal.publish(self.results(changed))

    def _run_moved(self, item_id: str) -> None:
        """A run started or ended: published with the others that move within ``GATE_BATCH_S``.
        One at a time, running every gate of a 10,000-item board kept the UI thread busy
        evaluating and redrawing every gate for each of its 18,000 events."""
        if not self._moved:
            self.app.set_timer(GATE_BATCH_S, self._publish_moved, name="gate runs")
        self._moved.add(item_id)

    def _publish_moved(self) -> None:
        moved, self._moved = self._moved, set()
        if moved:
            self.gates_changed(only=moved, always=True)

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
            on_start=lambda job: self.to_ui(self._run_moved, job.item_id),
            on_done=lambda _res: self.to_ui(self._run_done, _res),
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
        self._run_moved(result.item_id)

    def cancel_gates(self, ids: Iterable[str] | None = None) -> None:
        if self.session is not None:
            n = self.session.cancel(None if ids is None else list(ids))
            if n:
                self.app.notify(f"Cancelled {n} run{'s' if n != 1 else ''}.", timeout=3)
            self.gates_changed()

    def running(self) -> set[str]:
        """The gates queued or running now."""
        return self.session.running() if self.session is not None else set()

    def stop_gates_then(self, then: Callable[[], None]) -> None:
        """Cancel every run, wait until their process groups are gone and their results recorded
        as cancelled, then ``then()`` (on the UI thread). The waiting is done in a thread worker:
        the runs report back through the UI thread, which must stay free meanwhile."""
        session = self.session
        if session is None:
            then()
            return

        def stop() -> None:
            session.close(wait=True)
            self.to_ui(then)

        n = len(session.running())
        self.app.notify(f"Cancelling {n} gate run{'s' if n != 1 else ''}…", timeout=4)
        self.app.run_worker(stop, thread=True, group="gates-stop", exit_on_error=False)

    def ask_trust(self, then: Callable[[], None] | None = None) -> None:
        """Show the board's commands and record the answer (then ``then()`` when trusted)."""
        if self._refused_read_only():
            return
        from readiness_tui.core.gates.trust import was_trusted_before
        from readiness_tui.ui.screens.trust import TrustScreen

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
