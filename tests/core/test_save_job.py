"""A save run off the editing thread (``core.save_job``): what it wrote is marked saved, edits made
while it ran stay unsaved and are written next, in order, and others' edits merge as usual."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

from readiness_tui.core import audit
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.edits.editor import EditController, SaveState

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "boards" / "launch.toml"


def _editor(tmp_path: Path) -> tuple[EditController, Path]:
    board = tmp_path / "launch.toml"
    shutil.copy(FIXTURE, board)
    return EditController(BoardStore.load(board), audit_source="app", actor="t"), board


def _status_records(board: Path) -> list[tuple[str | None, object, object]]:
    return [(r.item, r.old, r.new) for r in audit.read(audit.history_path(board)) if r.field == "status"]


def test_an_edit_made_while_the_job_runs_stays_unsaved_and_is_written_next(tmp_path: Path) -> None:
    ed, board = _editor(tmp_path)
    assert ed.set_status("SEC-02", "in_progress", save=False).saved == SaveState.PENDING
    job = ed.begin_save("first")
    assert job is not None and ed.begin_save("again") is None  # one job at a time
    ed.set_status("OBS-01", "blocked", save=False)  # made while the job runs (not yet run here)
    job.run()
    assert ed.finish_save(job) == SaveState.SAVED
    on_disk = BoardStore.load(board)
    assert on_disk.item("SEC-02").status == "in_progress" and on_disk.item("OBS-01").status != "blocked"
    assert ed.dirty and [c.item for c in ed.unrecorded] == ["OBS-01"]
    assert ed.save() == SaveState.SAVED and not ed.dirty
    assert BoardStore.load(board).item("OBS-01").status == "blocked"
    assert _status_records(board) == [("SEC-02", "todo", "in_progress"), ("OBS-01", "todo", "blocked")]
    assert audit.verify(audit.history_path(board)).ok


def test_a_job_that_met_someone_elses_edit_merges_and_keeps_later_edits(tmp_path: Path) -> None:
    ed, board = _editor(tmp_path)
    ed.set_status("SEC-02", "in_progress", save=False)
    job = ed.begin_save("mine")
    assert job is not None
    runner = threading.Thread(target=job.run)
    runner.start()
    ed.set_fields("OBS-01", {"owner": "zoe"}, label="later")  # a plain save waits for the job first
    runner.join()
    assert ed.save_job is None and not ed.dirty
    # Another writer edits the file before the next job runs: the job merges their edit.
    ed.set_status("RB-01", "review", save=False)
    job = ed.begin_save("next")
    assert job is not None
    text = board.read_text(encoding="utf-8").replace('title = "Rollback runbook"', 'title = "Runbook v2"')
    board.write_text(text, encoding="utf-8")
    job.run()
    assert ed.finish_save(job) == SaveState.SAVED and ed.merged
    on_disk = BoardStore.load(board)
    assert on_disk.item("RB-01").title == "Runbook v2" and on_disk.item("RB-01").status == "review"
    assert on_disk.item("OBS-01").owner == "zoe" and on_disk.item("SEC-02").status == "in_progress"
    assert ed.store.item("RB-01").title == "Runbook v2" and not ed.dirty


def test_an_edit_made_while_a_merging_job_runs_is_reapplied_on_the_merged_board(tmp_path: Path) -> None:
    ed, board = _editor(tmp_path)
    ed.set_status("RB-01", "review", save=False)
    job = ed.begin_save("mine")
    assert job is not None
    board.write_text(
        board.read_text(encoding="utf-8").replace('title = "Rollback runbook"', 'title = "Runbook v2"'),
        encoding="utf-8",
    )
    ed.set_status("SEC-02", "in_progress", save=False)  # while the job runs
    job.run()
    assert ed.finish_save(job) == SaveState.SAVED and job.note == ""
    assert ed.store.item("RB-01").title == "Runbook v2" and ed.store.item("SEC-02").status == "in_progress"
    assert ed.dirty  # the later edit: on the merged board, written by the next save
    assert ed.save() == SaveState.SAVED
    assert BoardStore.load(board).item("SEC-02").status == "in_progress"


def test_a_failed_job_keeps_the_edit_and_says_why(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from readiness_tui.core.edits import save_job

    ed, board = _editor(tmp_path)
    before = board.read_bytes()
    ed.set_status("SEC-02", "in_progress", save=False)

    def full_disk(*_a: object, **_k: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(save_job, "write_board", full_disk)
    job = ed.begin_save("x")
    assert job is not None
    job.run()
    assert job.done.is_set()
    assert ed.finish_save(job) == SaveState.ERROR and "No space left" in ed.last_save_error
    assert ed.dirty and board.read_bytes() == before and ed.save_job is None


def test_an_unexpected_error_in_the_job_is_a_failed_save_not_a_lost_one(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from readiness_tui.core.edits import save_job

    ed, _board = _editor(tmp_path)
    ed.set_status("SEC-02", "in_progress", save=False)

    def bug(*_a: object, **_k: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(save_job, "write_board", bug)
    job = ed.begin_save("x")
    assert job is not None
    job.run()
    assert ed.finish_save(job) == SaveState.ERROR and "a bug" in ed.last_save_error and ed.dirty
