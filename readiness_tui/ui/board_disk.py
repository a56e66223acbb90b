"""The board file on disk, as the live board sees it: outside changes read in a thread and taken
in place (or the conflict dialog, with unsaved edits), the file deleted (the board kept in memory,
an offer to write it again), and writing it again.

Reading the file (comparing, and on a change parsing again what changed, ``core.reread``) is done in
a thread worker, for the watcher and for ``R`` alike; what it found is taken on the UI thread
(``LiveBoard.to_ui``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from readiness_tui.core.board.file import DiskState
from readiness_tui.core.model.problems import BoardError
from readiness_tui.ui.worker_work import released

if TYPE_CHECKING:
    from readiness_tui.core.board.fsutil import FileStamp
    from readiness_tui.core.board.reread import Reread
    from readiness_tui.core.board.store import BoardStore, StoreSnapshot
    from readiness_tui.ui.live_board import LiveBoard


class BoardDisk:
    """Owned by the live board (``LiveBoard.disk``)."""

    def __init__(self, live: LiveBoard) -> None:
        self.live = live
        self.app = live.app
        #: The board file is gone from disk (the board is kept in memory).
        self.file_missing = False
        #: The file was to be looked at while our own save was being written: look once it is.
        self._recheck = False
        #: A read of the file is running in a thread.
        self._reading = False
        #: Looks asked for while it ran, to make once it has ended (in order, each once).
        self._waiting: list[Callable[[], None]] = []

    @property
    def store(self) -> BoardStore:
        return self.app.store

    @property
    def name(self) -> str:
        """The board file's name, as messages call it."""
        path = self.store.path
        return path.name if path else "board"

    def check(self) -> None:
        """Look at the board file now (the watcher does this by itself), off the UI thread."""
        if self.app.editor.save_job is not None:
            # Our own save is landing (the store takes its stamp when it has): look after that.
            self._recheck = True
            return
        if self._busy(self.check):
            return
        store = self.store
        # What the store holds now: an edit made while the worker reads shows as a difference.
        before = store.snapshot()
        read = not self.app.editor.dirty
        self._read_in_thread(released(self._read_disk, store, before, read, store.stamp))

    def save_settled(self) -> None:
        """A save written in a thread is taken: a look put off meanwhile happens now."""
        if self._recheck and self.app.editor.save_job is None:
            self._recheck = False
            self.check()

    def _busy(self, again: Callable[[], None]) -> bool:
        """Whether a read of the file is running; if so ``again`` is made once it has ended.

        One reader of the file at a time: a thread cannot be stopped, so a newer look started
        beside one still running read and parsed the file beside it. An editor's save often
        comes as two or three file events: each read holds the file's bytes and text, and the
        app's peak memory rose by as much per reader."""
        if not self._reading:
            return False
        if again not in self._waiting:
            self._waiting.append(again)
        return True

    def _read_in_thread(self, work: Callable[[], None]) -> None:
        self._reading = True
        self.app.run_worker(released(self._one_read, work), thread=True, group="board-read", exit_on_error=False)

    def _one_read(self, work: Callable[[], None]) -> None:
        try:
            work()
        finally:
            self.live.to_ui(self._read_done)

    def _read_done(self) -> None:
        self._reading = False
        if self._waiting:
            self._waiting.pop(0)()

    def reload_from_disk(self, then: Callable[[], None]) -> None:
        """``R``: read the file in a thread worker and take it in place on the UI thread, then
        ``then()``; not when it could not be read (the reason is shown instead)."""
        if self._busy(lambda: self.reload_from_disk(then)):
            return
        store = self.store
        before = store.snapshot()
        self._read_in_thread(released(self._reread, store, before, then))

    def _reread(self, store: BoardStore, before: StoreSnapshot, then: Callable[[], None]) -> None:
        """In a thread (``R``): the file read again, then ``_reloaded`` on the UI thread."""
        from readiness_tui.core.board.reread import reread

        fresh: Reread | BoardError
        try:
            fresh = reread(store)
        except BoardError as exc:
            fresh = exc
        self.live.to_ui(self._reloaded, store, before, fresh, then)

    def _reloaded(
        self, store: BoardStore, before: StoreSnapshot, fresh: Reread | BoardError, then: Callable[[], None]
    ) -> None:
        if store is not self.store:
            return  # another board was opened meanwhile
        if not store.snapshot().same_text(before):
            # Edited while the file was read: read it again here, so that the edit is kept aside.
            ok = self.reload_in_place(quiet=True)
        else:
            ok = self.reload_in_place(quiet=True, fresh=fresh)
        if ok:
            then()

    def _read_disk(self, store: BoardStore, before: StoreSnapshot, read: bool, stamp: FileStamp | None) -> None:
        """In a thread: the file's state and, when it changed and ``read``, the store made again from
        it (or the BoardError that stopped that). Then ``_disk_read`` on the UI thread. Any other
        error fails the worker, which the app shows."""
        from readiness_tui.core.board.reread import read_if_changed

        fresh: Reread | BoardError | None = None
        # A save finishing meanwhile replaces the store's stamp: ``_disk_read`` then looks again.
        # The bytes a changed file was hashed from are the ones parsed: it is read once.
        if not read:
            state = store.look()[0]
        else:
            try:
                state, fresh = read_if_changed(store)
            except BoardError as exc:
                state, fresh = DiskState.CHANGED, exc
        # Taken even when another look waits: a stream of changes must not keep the screen from
        # ever showing one.
        self.live.to_ui(self._disk_read, store, before, state, fresh, stamp)

    def _disk_read(
        self,
        store: BoardStore,
        before: StoreSnapshot,
        state: DiskState,
        fresh: Reread | BoardError | None,
        stamp: FileStamp | None,
    ) -> None:
        if store is not self.store:
            return  # another board was opened (or this one reloaded) meanwhile
        if self.app.editor.save_job is not None or store.stamp is not stamp:
            self.check()  # our own save landed (or is landing) meanwhile: compared with an old stamp
            return
        if fresh is not None and not store.snapshot().same_text(before):
            fresh = None  # edited while the file was read: read it again here
        self.board_file_event(state, fresh)

    def board_file_event(self, state: DiskState, fresh: Reread | BoardError | None = None) -> None:
        """``state`` is ``store.disk_state()``: same, changed or missing. ``fresh``: the changed
        file already read (``core.reread``, or the error it raised); None: read it here."""
        from readiness_tui.ui.screens.conflict import ConflictScreen

        name = self.name
        if state == DiskState.CHANGED:
            self._set_missing(False)
            if not self.app.editor.dirty:
                self.reload_in_place(fresh=fresh)
            elif not any(isinstance(s, ConflictScreen) for s in self.app.screen_stack) and self.live.view is not None:
                self.live.view.show_conflict(False)
        elif state == DiskState.MISSING:
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
            if self.live.view is not None:
                self.live.view.show_state()

    def _offer_save_again(self) -> None:
        from readiness_tui.ui.screens.dialogs import ConfirmScreen

        name = self.name
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
        if state.on_disk:
            self._set_missing(False)
            self.app.notify(f"Saved {self.name} again.", timeout=4)
            if self.live.view is not None:
                self.live.view.refresh_panes()
        elif self.live.view is not None:
            self.live.view.report_save(state, "save again")

    def reload_in_place(self, quiet: bool = False, fresh: Reread | BoardError | None = None) -> bool:
        """Take the file as it is on disk (only changed items are parsed again); keep the cursor,
        filter, sort and grouping. Unsaved edits are kept in ``NAME.mine.toml``. ``fresh``: the
        file already read (see ``board_file_event``)."""
        name = self.name
        editor = self.app.editor
        try:
            if isinstance(fresh, BoardError):
                raise fresh
            if fresh is None:
                res = editor.reload(reapply=False)
            else:
                res = editor.reload(reapply=False, fresh=fresh.store, changes=fresh.changes)
        except BoardError as exc:
            self.app.notify(
                f"{exc.describe()}\nThe version in memory is kept.",
                title=f"{name} on disk cannot be read",
                severity="error",
                timeout=15,
            )
            return False
        if self.live.view is not None:
            # Changes worked out from the changed items alone are followed like an edit's.
            self.live.view.board_loaded(res.changes if fresh is not None and fresh.changes is not None else None)
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
