"""Writing the edits the screen shows already, in a thread worker (the status key's save).

The edit is applied and shown on the UI thread; the locked write, fsync and history record run in a
thread (``core.save_job``), so the next key is not kept waiting behind them. One save runs at a
time: edits made meanwhile are written by the next one, in order. The worker posts ``SaveFinished``;
the screen reports what became of the save as a save on the UI thread was reported (a failure is
notified, or asked about). Quitting waits for the write in flight and writes what is still asked
for (``flush``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from readiness_tui.core.edits.results import SaveState
from readiness_tui.ui.messages import SaveFinished
from readiness_tui.ui.worker_work import released

if TYPE_CHECKING:
    from readiness_tui.core.edits.editor import EditController
    from readiness_tui.core.edits.save_job import SaveJob
    from readiness_tui.ui.screens.edit_actions import EditingScreen


class BackgroundSave:
    """Owned by the editing screen (``EditingScreen.saver``)."""

    def __init__(self, screen: EditingScreen) -> None:
        self.screen = screen
        #: A save is asked for and not started yet (``label``: the edit it reports).
        self.requested = False
        self.label = ""
        self._scheduled = False

    @property
    def editor(self) -> EditController:
        return self.screen.editor

    @property
    def busy(self) -> bool:
        """A save is asked for or running."""
        return self.requested or self.editor.save_job is not None

    def request(self, label: str) -> None:
        """Write the edits right after the frame that shows them (several requests: one write)."""
        self.requested, self.label = True, label
        if not self._scheduled and self.editor.save_job is None:
            self._scheduled = True
            self.screen.call_after_refresh(self._start)

    def _start(self) -> None:
        self._scheduled = False
        if not self.requested or self.editor.save_job is not None:
            return
        self.requested = False
        label = self.label
        job = self.editor.begin_save(label)
        if job is None:  # no file to write in a thread (or read-only): the usual way, here
            self.screen.save_done(self.editor.save(), label)
            self.screen.owner.live.disk.save_settled()
            return
        self.screen.run_worker(released(self._write, job), thread=True, group="save", exit_on_error=False)

    def _write(self, job: SaveJob) -> None:
        """In a thread: the write; its outcome (failures too) goes back in ``SaveFinished``."""
        job.run()
        if self.screen.app.is_running:
            self.screen.post_message(SaveFinished(job))

    def finished(self, job: SaveJob) -> None:
        """On the UI thread: take the job's result and report it, then write what was edited meanwhile."""
        self._report(job, self.editor.finish_save(job))
        self.screen.owner.live.disk.save_settled()
        if self.requested and not self._scheduled:
            self._start()

    def _report(self, job: SaveJob, saved: SaveState) -> None:
        """Show what became of ``job``, once, whoever took its result (a waiter such as an undo
        takes it without showing it)."""
        if job.reported:
            return
        job.reported = True
        merged = job.outcome is not None and job.outcome.merged
        self.screen.save_done(saved, job.label, job.note, merged=merged)

    def flush(self, report: bool = True) -> SaveState:
        """Before quitting: wait for the write in flight, then write what is still asked for, here."""
        job = self.editor.save_job
        saved = SaveState.UNCHANGED
        if job is not None:
            saved = self.editor.finish_save(job)
            if report:
                self._report(job, saved)
        if self.requested:
            self.requested = False
            saved = self.editor.save()
            if report:
                self.screen.save_done(saved, self.label)
        return saved
