"""A save taken off the editing thread: the app shows an edit at once and writes it in a thread.

``EditController.begin_save`` makes a ``SaveJob`` on the thread that edits: a cheap copy of what to
write (the store's segments and record lists, which are replaced, never mutated, so copying the
lists is enough). ``SaveJob.run`` does the locked write through ``writepath.write_board`` on that
copy, on any thread, touching nothing the editing thread uses. ``EditController.finish_save`` takes
the result back on the editing thread: the store is marked saved *as of the copy*, so edits made
while the job ran stay unsaved and are written by the next save, in order.

One job runs at a time (the controller holds it in ``save_job``); every other save, undo, reload or
conflict answer first waits for it (``EditController.settle``), so none of them races its write.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from readiness_tui.core.board.fsutil import FileStamp
from readiness_tui.core.board.segments import Segment
from readiness_tui.core.board.store import BoardStore, StoreSnapshot
from readiness_tui.core.board.writepath import EditFn, WriteOutcome, WriteRequest, write_board
from readiness_tui.core.edits.results import SaveState, board_of
from readiness_tui.core.model.problems import BoardError, BoardLocked, BoardMissing, FieldConflict

if TYPE_CHECKING:
    from readiness_tui.core.edits.editor import EditController
    from readiness_tui.core.model.records import Change


@dataclass
class SaveJob:
    """One save: what to write (frozen when it was asked for) and, once run, what became of it."""

    label: str
    #: The store the job was made from (a reload or another board meanwhile: the result is not its).
    store: BoardStore
    path: Path
    state: StoreSnapshot
    #: A copy of the board model as of ``state`` (the live one is edited in place).
    board: Any
    #: What is on disk, as segments (joining them would cost the UI thread a copy of the text).
    saved_segments: list[Segment]
    stamp: FileStamp | None
    saved_board: Any
    changes: list[Change]
    pending: list[tuple[str, EditFn]] | None
    #: The controller's edit count when the job was made: a different count at the end means
    #: edits were made while it ran.
    edits: int
    source: str | None
    actor: str | None
    lock_timeout: float | None
    saved: SaveState = SaveState.PENDING
    error: str = ""
    conflicts: list[tuple[str, str, str, object, object]] = field(default_factory=list)
    outcome: WriteOutcome | None = None
    #: The copy that was written (its saved text and stamp are what is on disk now).
    written: BoardStore | None = None
    #: Edits made while the job ran could not be re-applied on the merged board: where mine went.
    note: str = ""
    #: Set when ``run`` has returned, whatever became of the save.
    done: threading.Event = field(default_factory=threading.Event)
    #: ``finish_save`` took the result (it may be asked twice: by a waiter and by the message).
    finished: bool = False
    #: The user was shown what became of it. Not the same as ``finished``: a waiter (an undo,
    #: another save) takes the result without showing it; the job's message then shows it.
    reported: bool = False
    #: Whoever runs the job first claims it (its thread, or a waiter whose thread never started).
    _claim: threading.Lock = field(default_factory=threading.Lock)
    _started: bool = False

    def run(self) -> None:
        """The locked write (any thread; once: a second call returns at once). Every failure ends up
        in ``saved`` and ``error``: the caller shows it; none is raised, so ``done`` is always set."""
        with self._claim:
            if self._started:
                return
            self._started = True
        try:
            copy = detached_store(self)
            req = WriteRequest(
                copy, self.saved_board, list(self.changes), self.pending, self.source, self.actor, self.lock_timeout
            )
            try:
                out = write_board(req)
            except FieldConflict as exc:
                self.saved, self.error, self.conflicts = SaveState.CONFLICT, str(exc), exc.conflicts
            except BoardMissing as exc:
                self.saved, self.error = SaveState.MISSING, str(exc)
            except (BoardLocked, BoardError, OSError) as exc:
                self.saved, self.error = SaveState.ERROR, str(exc)
            else:
                self.outcome, self.written = out, out.store
                self.saved = SaveState.SAVED if out.wrote else SaveState.UNCHANGED
        except Exception as exc:  # noqa: BLE001 - a bug must reach the user as a failed save, not vanish
            self.saved, self.error = SaveState.ERROR, f"unexpected error while saving: {exc!r}"
        finally:
            self.done.set()


def detached_store(job: SaveJob) -> BoardStore:
    """A store of its own holding the state the job was made from (the live one goes on being edited)."""
    return BoardStore(job.path, "", job.board, job.stamp, list(job.state.segments), job.saved_segments)


def begin(editor: EditController, label: str) -> SaveJob | None:
    """A job for the controller's edits as they are now (None: not one to run in a thread, or one
    runs already; the caller saves the usual way)."""
    store = editor.store
    if editor.read_only or store.path is None or editor.save_job is not None:
        return None
    state = store.snapshot()
    board = store.board.model_copy(update={**state.records, "board": state.meta, "matrix": state.matrix})
    job = SaveJob(
        label,
        store,
        store.path,
        state,
        board,
        store.saved_segments(),
        store.stamp,
        editor.saved_board,
        list(editor.unrecorded),
        None if editor.pending is None else list(editor.pending),
        editor.edits,
        editor.audit_source,
        editor.actor,
        editor.lock_timeout,
    )
    editor.save_job = job
    return job


def finish(editor: EditController, job: SaveJob) -> SaveState:
    """Take a job's result on the editing thread (waiting for it if it still runs)."""
    if job.finished:
        return job.saved
    job.run()  # here, if its thread has not started it (an app shutting down cancels workers)
    job.done.wait()
    job.finished = True
    if editor.save_job is job:
        editor.save_job = None
    if editor.store is not job.store:  # another board, or this one reloaded: nothing here to mark
        return job.saved
    editor.conflicts, editor.merged = job.conflicts, False
    out = job.outcome
    if out is None:
        return editor.note_save(job.saved, job.error)
    if out.audit_error:
        editor.audit_error = out.audit_error
    editor.note_save(job.saved)
    later = editor.edits != job.edits
    if out.merged:
        _take_merged(editor, job, later)
        return job.saved
    if out.wrote and job.written is not None:
        editor.store.take_written(job.written, job.state.segments)
    # What the job wrote is recorded; what was edited meanwhile stays for the next save.
    editor.unrecorded = editor.unrecorded[len(job.changes) :]
    if editor.pending is not None and job.pending is not None:
        editor.pending = editor.pending[len(job.pending) :]
    elif not later:
        editor.pending = []
    editor.saved_board = board_of(job.state)
    return job.saved


def _take_merged(editor: EditController, job: SaveJob, later: bool) -> None:
    """Someone else's edits came in with ours: their board with our edits is the store now; edits
    made while the job ran are re-applied on it by name (else mine is kept beside the board)."""
    fresh = job.written
    assert fresh is not None  # a merged outcome carries the store it wrote
    mine = editor.store.text() if later else ""
    replay = None
    if editor.pending is not None and job.pending is not None:
        replay = editor.pending[len(job.pending) :]
    editor.replace_store(fresh)
    editor.merged = True
    if not later:
        return
    failed = replay is None
    for label, fn in replay or []:
        if not editor.apply(label, fn, save=False).ok:
            failed = True
    if failed:
        backup = editor.backup(mine)
        where = f" Your version is in {backup.name}." if backup else ""
        job.note = f"Some edits made while saving could not be re-applied on the merged board.{where}"
