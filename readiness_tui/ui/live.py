"""Live gates and the watched board file (a mixin of ReadinessApp).

One ``GateSession`` and one ``BoardWatcher`` per open board (made again when another board is
opened, closed when the app exits):

- a thread worker runs ``session.scan_changes()`` once at open (what changed since each last run);
- an async worker (``group="watch"``) consumes the watcher. It is the only way the app notices
  the board file changing on disk (no polling): changed and nothing unsaved -> reloaded in place
  (incremental, cursor / filter / sort / grouping kept, the outside change appended to the audit
  trail); changed with unsaved edits -> the conflict dialog; deleted -> said in the top bar and a
  notification, the board kept in memory, and an offer to write it again;
- evidence and watched files changing -> ``session.note_changes`` -> the gates are shown again
  everywhere (Gates pane, backlog column, detail, go/no-go); with auto-run on and the board
  trusted, gates whose watched files changed run again;
- the Gates pane's messages (run, cancel, trust, auto-run) are handled here; an untrusted board
  asks with ``TrustScreen`` before anything runs.

Reading the board file (comparing it with what was loaded, and on a change reading and parsing
it again: ~0.1 s at 10,000 items) is done by a thread worker (``_read_disk``); what it found is
taken on the UI thread (``_disk_read``): the reload, the conflict dialog, the audit record.

``check_disk()`` looks at the board file once and takes the same path as a watcher batch (for a
key, the palette, and tests); the outcome is shown once the worker is done.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from textual import work
from textual.worker import get_current_worker

from ..core.problems import BoardError

if TYPE_CHECKING:  # imported when the first board is opened, after the first paint
    from ..core.gates import GateSession
    from ..core.store import BoardStore
    from ..core.gates.evaluate import GateView
    from ..core.watch import BoardWatcher, ChangeBatch
    from .panes.gates import CancelGates, RunGates, ToggleAutoRun, TrustBoard


class LiveGates:
    """Expects ``store``, ``editor``, ``_panes``, ``board_loaded``, ``show_state``, ``set_gate_status``."""

    session: GateSession | None = None
    watcher: BoardWatcher | None = None
    #: Re-run gates whose watched files changed (trusted boards only). Off by default.
    auto_run: bool = False
    #: Whether to watch files at all (tests of other things turn it off; ``check_disk`` still works).
    watch_files: bool = True
    #: The board file is gone from disk (the board is kept in memory).
    file_missing: bool = False
    #: Called after each watcher batch was handled (benchmarks and tests wait on it); a reload of
    #: the board file that the batch started is applied later, when its worker is done.
    on_batch: Callable[[ChangeBatch], None] | None = None

    # ------------------------------------------------------------------ opening and closing
    def open_live(self) -> None:
        """A session and a watcher for the current board (closing those of the previous one)."""
        from ..core.gates import GateSession
        from ..core.watch import BoardWatcher

        self.close_live()
        store = self.store  # type: ignore[attr-defined]
        self.session = session = GateSession(store.path, store.board)
        self.file_missing = False
        gates = self._panes.get("gates")  # type: ignore[attr-defined]
        if gates is not None and hasattr(gates, "attach_session"):
            gates.attach_session(session)
            gates.set_auto_run(self.auto_run)
        if store.path is not None:
            self._scan_changes(session)
            if self.watch_files:
                watcher = BoardWatcher(store.path, root=session.root)
                watcher.set_board(store.board, index=session.index)
                self.watcher = watcher
                self._watch(watcher)

    def close_live(self) -> None:
        if self.watcher is not None:
            self.watcher.stop()
            self.watcher = None
        if self.session is not None:
            self.session.close()
            self.session = None

    def sync_live(self, changes: list | None = None) -> None:
        """After an edit or a reload: the session and the watcher take the board as it is now.

        ``changes`` (from an edit) that touch only ordinary item fields take a fast path: the
        session swaps in those items and re-evaluates their gates alone, instead of re-reading
        every gate of a 10,000-item board on each keystroke.
        """
        store = self.store  # type: ignore[attr-defined]
        session = self.session
        path = store.path.resolve() if store.path else None
        if session is None or session.board_path != path:
            self.open_live()
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

    @work(thread=True, exclusive=True, group="gate-scan", exit_on_error=False)
    def _scan_changes(self, session: GateSession) -> None:
        try:
            session.scan_changes()
        except Exception:  # noqa: BLE001 - staleness since the last runs is unknown; gates still show
            return
        if session is self.session:
            self._from_thread(self.gates_changed)

    @work(exclusive=True, group="watch", exit_on_error=False)
    async def _watch(self, watcher: BoardWatcher) -> None:
        try:
            async for batch in watcher:
                if watcher is not self.watcher:
                    break
                try:
                    self.handle_batch(batch)
                except Exception as exc:  # noqa: BLE001 - one bad batch must not stop watching
                    self.notify(f"{type(exc).__name__}: {exc}", title="Watching files", severity="error")  # type: ignore[attr-defined]
                if self.on_batch is not None:
                    self.on_batch(batch)
        except Exception as exc:  # noqa: BLE001 - e.g. out of inotify watches: work on without
            if watcher is self.watcher:
                self.notify(f"{exc}. Outside changes and new evidence show after R (reload) or a run.",  # type: ignore[attr-defined]
                            title="Not watching files", severity="warning", timeout=12)

    def _from_thread(self, fn: Callable[..., Any], *args: Any) -> None:
        try:
            self.call_from_thread(fn, *args)  # type: ignore[attr-defined]
        except Exception:  # noqa: BLE001 - the app is closing: nothing left to show it on
            pass

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
            due = self._due_for_auto_run(batch.watched_items)
            if due:
                self.run_gates(due, ask=False)

    def check_disk(self) -> None:
        """Look at the board file now (the watcher does this by itself), off the UI thread."""
        store = self.store  # type: ignore[attr-defined]
        # What the store holds now: an edit made while the worker reads shows as a difference.
        segments = store.snapshot().segments
        self._read_disk(store, segments, read=not self.editor.dirty)  # type: ignore[attr-defined]

    @work(thread=True, exclusive=True, group="board-read", exit_on_error=False)
    def _read_disk(self, store: BoardStore, segments: list, read: bool) -> None:
        """In a thread: the file's state and, when it changed and ``read``, the store made again
        from it (or the error that stopped that). Then ``_disk_read`` on the UI thread."""
        fresh: BoardStore | BoardError | None = None
        try:
            state = store.disk_state()
            if state == "changed" and read:
                try:
                    fresh = store.reload()
                except BoardError as exc:
                    fresh = exc
        except Exception as exc:  # noqa: BLE001 - shown on the UI thread, as a watcher batch's error
            if not get_current_worker().is_cancelled:
                msg = f"{type(exc).__name__}: {exc}"
                self._from_thread(lambda: self.notify(msg, title="Watching files", severity="error"))  # type: ignore[attr-defined]
            return
        if not get_current_worker().is_cancelled:  # a later look replaces this one
            self._from_thread(self._disk_read, store, segments, state, fresh)

    def _disk_read(self, store: BoardStore, segments: list, state: str, fresh: BoardStore | BoardError | None) -> None:
        if store is not self.store:  # type: ignore[attr-defined]
            return  # another board was opened (or this one reloaded) meanwhile
        if fresh is not None and store.snapshot().segments != segments:
            fresh = None  # edited while the file was read: read it again here
        self.board_file_event(state, fresh)

    def board_file_event(self, state: str, fresh: BoardStore | BoardError | None = None) -> None:
        """``state`` is ``store.disk_state()``: same, changed or missing. ``fresh``: the changed
        file already read (``store.reload()``, or the error it raised); None: read it here."""
        from .screens.conflict import ConflictScreen

        name = self.store.path.name if self.store.path else "board"  # type: ignore[attr-defined]
        if state == "changed":
            self._set_missing(False)
            if not self.editor.dirty:  # type: ignore[attr-defined]
                self.reload_in_place(fresh=fresh)
            elif not any(isinstance(s, ConflictScreen) for s in self.screen_stack):  # type: ignore[attr-defined]
                self._show_conflict(False)  # type: ignore[attr-defined]
        elif state == "missing":
            if not self.file_missing:
                self._set_missing(True)
                self.notify(f"{name} was deleted or moved. The board is kept in memory; ctrl+s writes it again.",  # type: ignore[attr-defined]
                            title="Board file deleted", severity="warning", timeout=12)
                self._offer_save_again()
        elif self.file_missing:  # it came back as it was
            self._set_missing(False)

    def _set_missing(self, missing: bool) -> None:
        if self.file_missing != missing:
            self.file_missing = missing
            self.show_state()  # type: ignore[attr-defined]

    def _offer_save_again(self) -> None:
        from .screens.dialogs import ConfirmScreen

        name = self.store.path.name if self.store.path else "board"  # type: ignore[attr-defined]
        msg = (f"{name} is no longer on disk (deleted, or moved away).\n\nThe board is still open here. "
               "Write it back to the same place now? (ctrl+s does it later.)")
        self.push_screen(ConfirmScreen("Board file deleted", msg, yes="Save it again", no="Not now"),  # type: ignore[attr-defined]
                         lambda ok: ok and self.save_again())

    def save_again(self) -> None:
        """Write the board in memory back to its (deleted) file."""
        state = self.editor.save(force=True)  # type: ignore[attr-defined]
        if state in ("saved", "unchanged"):
            self._set_missing(False)
            self.notify(f"Saved {self.store.path.name} again.", timeout=4)  # type: ignore[attr-defined]
            self.refresh_panes()  # type: ignore[attr-defined]
        else:
            self._report_save(state, "save again")  # type: ignore[attr-defined]

    def reload_in_place(self, quiet: bool = False, fresh: BoardStore | BoardError | None = None) -> bool:
        """Take the file as it is on disk (only changed items are parsed again); keep the cursor,
        filter, sort and grouping. Unsaved edits are kept in ``NAME.mine.toml``. ``fresh``: the
        file already read (see ``board_file_event``)."""
        name = self.store.path.name if self.store.path else "board"  # type: ignore[attr-defined]
        try:
            if isinstance(fresh, BoardError):
                raise fresh
            res = self.editor.reload(reapply=False, fresh=fresh)  # type: ignore[attr-defined]
        except BoardError as exc:
            self.notify(f"{exc.describe() if hasattr(exc, 'describe') else exc}\nThe version in memory is kept.",  # type: ignore[attr-defined]
                        title=f"{name} on disk cannot be read", severity="error", timeout=15)
            return False
        self.board_loaded()  # type: ignore[attr-defined]
        audit_error = self.editor.take_audit_error()  # type: ignore[attr-defined]
        if audit_error:
            self.notify(f"Reloaded, but the outside change is not in the audit trail: {audit_error}",  # type: ignore[attr-defined]
                        title="Audit trail", severity="warning", timeout=10)
        if not quiet:
            more = f" ({len(res.changes)} change{'s' if len(res.changes) != 1 else ''})" if res.changes else ""
            self.notify(f"{name} changed on disk: reloaded{more}.", timeout=4)  # type: ignore[attr-defined]
        if res.backup:
            self.notify(f"Your unsaved version is in {res.backup.name}.", severity="warning", timeout=10)  # type: ignore[attr-defined]
        return True

    # ------------------------------------------------------------------ showing gates
    def gate_view(self, item_id: str) -> "GateView | None":
        """The live view of one item's gate (None: no gate, or no session)."""
        session = self.session
        if session is None or item_id not in session.items:
            return None
        it = session.items[item_id]
        if it.gate is None:
            return None
        try:
            return session.view(item_id)
        except KeyError:
            return None

    def gates_changed(self, only: set[str] | None = None) -> None:
        """Show the session's gates again: Gates pane, backlog column, detail, go/no-go.

        ``only``: the items whose gates may have changed (the rest keep their status).
        """
        session = self.session
        if session is None:
            return
        if only is None:
            status = session.gate_status()
        else:
            status = dict(self.gate_status)  # type: ignore[attr-defined]
            status.update({k: v.status for k, v in session.views(only).items()})
        if status != self.gate_status:  # type: ignore[attr-defined]
            self.set_gate_status(status)  # type: ignore[attr-defined]
        gates = self._panes.get("gates")  # type: ignore[attr-defined]
        if gates is not None and getattr(gates, "session", None) is session and gates.is_mounted:
            gates.refresh_gates()
        detail = self._panes.get("detail")  # type: ignore[attr-defined]
        if detail is not None and hasattr(detail, "refresh_gates"):
            detail.refresh_gates()
        self._refresh_preview()

    def _refresh_preview(self) -> None:
        """The backlog's side preview (wide terminals) shows the gate too."""
        from .widgets.preview import ItemPreview

        backlog = self._panes.get("backlog")  # type: ignore[attr-defined]
        if backlog is None or not backlog.is_mounted:
            return
        try:
            preview = backlog.query_one(ItemPreview)
        except Exception:  # noqa: BLE001 - no preview in this backlog
            return
        if preview.display and preview._store is not None and preview._analysis is not None:
            preview.show(preview._store, preview._analysis, preview.item_id)

    def _attach(self, pane: Any) -> None:
        if self.session is not None and hasattr(pane, "attach_session") and getattr(pane, "session", None) is not self.session:
            pane.attach_session(self.session)
            pane.set_auto_run(self.auto_run)

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
            on_start=lambda _job: self._from_thread(self.gates_changed),
            on_done=lambda _res: self._from_thread(self.gates_changed),
        )
        if not futures and ask:
            self.notify("No gate with a verify command to run." if wanted is None else  # type: ignore[attr-defined]
                        f"{', '.join(wanted)}: no verify command to run.", timeout=4)
        self.gates_changed()

    def _due_for_auto_run(self, ids: Iterable[str]) -> list[str]:
        """Of the items whose watched files changed, those not running now whose files changed
        after their last run ended: a command that writes into the repo does not re-trigger itself."""
        session = self.session
        return [] if session is None else session.due_for_rerun(ids)

    def cancel_gates(self, ids: Iterable[str] | None = None) -> None:
        if self.session is not None:
            n = self.session.cancel(None if ids is None else list(ids))
            if n:
                self.notify(f"Cancelled {n} run{'s' if n != 1 else ''}.", timeout=3)  # type: ignore[attr-defined]
            self.gates_changed()

    def ask_trust(self, then: Callable[[], None] | None = None) -> None:
        """Show the board's commands and record the answer (then ``then()`` when trusted)."""
        if self._refused_read_only():
            return
        from .screens.trust import TrustScreen

        session = self.session
        store = self.store  # type: ignore[attr-defined]
        if session is None:
            return
        if store.path is None:
            self.notify("A board without a file cannot be trusted.", severity="warning")  # type: ignore[attr-defined]
            return
        commands = session.commands()
        if not commands:
            self.notify("This board has no verify commands: nothing to trust.")  # type: ignore[attr-defined]
            return

        def answered(ok: bool | None) -> None:
            if not ok or self.session is not session:
                return
            session.trust()
            self.notify(f"Trusted the {len(commands)} command(s) of {store.path.name}.", timeout=4)  # type: ignore[attr-defined]
            self.gates_changed()
            if then is not None:
                then()

        from ..core.gates.trust import was_trusted_before

        screen = TrustScreen(store.path, session.root, commands, changed=was_trusted_before(store.path))
        self.push_screen(screen, answered)  # type: ignore[attr-defined]

    def _refused_read_only(self) -> bool:
        """A read-only viewer runs no gate and trusts nothing (``ui.readonly``)."""
        if getattr(self, "read_only", False):
            self.notify("read-only: gates do not run here", severity="warning")  # type: ignore[attr-defined]
            return True
        return False

    def toggle_auto_run(self) -> None:
        if self._refused_read_only():
            return
        self.auto_run = not self.auto_run
        gates = self._panes.get("gates")  # type: ignore[attr-defined]
        if gates is not None and hasattr(gates, "set_auto_run"):
            gates.set_auto_run(self.auto_run)
        note = "" if self.session is None or self.session.trusted else " (gates run once the board is trusted)"
        self.notify(f"Auto-run {'on' if self.auto_run else 'off'}{note}.", timeout=3)  # type: ignore[attr-defined]

    # Handlers by name (``@on`` is not collected from a mixin that is not a MessagePump).
    def on_run_gates(self, message: RunGates) -> None:
        self.run_gates(message.ids)

    def on_cancel_gates(self, message: CancelGates) -> None:
        self.cancel_gates(message.ids)

    def on_trust_board(self, message: TrustBoard) -> None:
        self.ask_trust()

    def on_toggle_auto_run(self, message: ToggleAutoRun) -> None:
        self.toggle_auto_run()

    def action_run_all_gates(self) -> None:
        self.run_gates(None)

    def action_trust_board(self) -> None:
        self.ask_trust()

    def action_toggle_auto_run(self) -> None:
        self.toggle_auto_run()


def _gate_neutral(change: object) -> bool:
    """An item-field change that cannot alter any gate's definition (status, owner, title ...)."""
    field = getattr(change, "field", "")
    return getattr(change, "kind", "") == "items" and field not in ("*", "id") and not field.startswith("gate")
