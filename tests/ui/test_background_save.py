"""The status key's save is written in a thread (``ui.background_save``, ``core.save_job``): the
file and its history get the edit, quick edits land in order, a failure is shown, quitting keeps it."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from ui_helpers import record_notices, saves_landed, started, wait_for

from readiness_tui.core import audit
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.edits import save_job


def _status_records(board: Path) -> list[tuple[str | None, object, object]]:
    path = audit.history_path(board)
    return [(r.item, r.old, r.new) for r in audit.read(path) if r.field == "status"] if path.exists() else []


def gated_writes(monkeypatch: pytest.MonkeyPatch) -> tuple[threading.Event, list[threading.Thread]]:
    """Writes of the save jobs wait for the returned event; the threads they ran in are listed."""
    gate = threading.Event()
    threads: list[threading.Thread] = []
    real = save_job.write_board

    def write(*args, **kwargs):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread())
        gate.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(save_job, "write_board", write)
    return gate, threads


def assert_sec02_saved_once(board: Path) -> None:
    """SEC-02's status key (todo -> in_progress) is on disk, and in the history once."""
    assert BoardStore.load(board).item("SEC-02").status == "in_progress"
    assert _status_records(board) == [("SEC-02", "todo", "in_progress")]


async def status_write_in_flight(pilot, app, threads: list[threading.Thread]) -> None:  # type: ignore[no-untyped-def]
    """SEC-02's status cycled, and its write started (held at ``gated_writes``' gate)."""
    await pilot.press("j")  # SEC-02
    app.main.action_cycle_status()
    await wait_for(pilot, lambda: threads, what="the write in flight")


async def test_the_status_key_is_written_in_a_thread_with_its_history(
    launch_board: Path, make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(launch_board)
    gate, threads = gated_writes(monkeypatch)
    gate.set()  # no waiting: only which threads wrote
    async with started(app) as pilot:
        await pilot.press("j", "s")  # SEC-02: todo -> in_progress (the keys wait for the save)
        assert_sec02_saved_once(launch_board)
        assert threads and all(t is not threading.main_thread() for t in threads)
        assert not app.editor.dirty and "saved" in str(app.main.query_one("#bar-state").render())
    assert audit.verify(audit.history_path(launch_board)).ok


async def test_two_quick_status_keys_both_land_in_order(
    launch_board: Path, make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(launch_board)
    gate, threads = gated_writes(monkeypatch)
    async with started(app) as pilot:
        await pilot.press("j")  # SEC-02
        app.main.action_cycle_status()  # todo -> in_progress: its write starts and waits at the gate
        await wait_for(pilot, lambda: threads, what="the first write")
        app.main.action_cycle_status()  # in_progress -> review, while the first is being written
        assert app.store.item("SEC-02").status == "review"
        gate.set()
        await saves_landed(pilot)
        assert len(threads) == 2  # the second edit took a second write, after the first
        assert BoardStore.load(launch_board).item("SEC-02").status == "review"
        assert _status_records(launch_board) == [("SEC-02", "todo", "in_progress"), ("SEC-02", "in_progress", "review")]
        assert not app.editor.dirty
    assert audit.verify(audit.history_path(launch_board)).ok


@pytest.mark.parametrize("error", [OSError(28, "No space left on device"), RuntimeError("a bug in the write")])
async def test_a_save_that_fails_in_its_thread_is_shown(
    launch_board: Path, make_app, monkeypatch: pytest.MonkeyPatch, error: Exception
) -> None:
    app = make_app(launch_board)
    before = launch_board.read_bytes()

    def failing(*_a: object, **_k: object) -> None:
        raise error

    monkeypatch.setattr(save_job, "write_board", failing)
    async with started(app) as pilot:
        notices = record_notices(app)
        await pilot.press("j", "s")
        await wait_for(pilot, lambda: any(n.severity == "error" for n in notices), what="the failure shown")
        shown = [n for n in notices if n.severity == "error"][-1]
        assert shown.title == "Could not save" and str(error.args[-1]) in shown.message
        assert app.editor.dirty and launch_board.read_bytes() == before
        assert "unsaved" in str(app.main.query_one("#bar-state").render())


async def test_quitting_while_the_save_is_written_keeps_the_edit(
    launch_board: Path, make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(launch_board)
    gate, threads = gated_writes(monkeypatch)
    async with started(app) as pilot:
        await status_write_in_flight(pilot, app, threads)
        # Quitting waits for the write (released by another thread, as a slow disk would finish).
        threading.Timer(0.05, gate.set).start()
        app.action_quit_app()
        await pilot.pause()
    assert app.return_code == 0
    assert_sec02_saved_once(launch_board)


async def test_quitting_before_the_save_started_writes_it(launch_board: Path, make_app) -> None:
    app = make_app(launch_board)
    async with started(app) as pilot:
        await pilot.press("j")  # SEC-02
        app.main.action_cycle_status()  # its save would start after the next frame
        app.action_quit_app()  # ... but quitting comes first: written here, no question asked
        await pilot.pause()
    assert app.return_code == 0
    assert_sec02_saved_once(launch_board)


async def test_an_outside_change_during_the_save_is_merged_not_mistaken_for_ours(
    launch_board: Path, make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(launch_board)
    gate, threads = gated_writes(monkeypatch)
    async with started(app) as pilot:
        await status_write_in_flight(pilot, app, threads)
        text = launch_board.read_text(encoding="utf-8")
        launch_board.write_text(text.replace('title = "Rollback runbook"', 'title = "Runbook v2"'), encoding="utf-8")
        app.live.check_disk()  # the watcher's look, while our write is in flight: put off
        gate.set()
        await saves_landed(pilot)
        await app.workers.wait_for_complete()
        await pilot.pause()
        on_disk = BoardStore.load(launch_board)
        assert on_disk.item("SEC-02").status == "in_progress" and on_disk.item("RB-01").title == "Runbook v2"
        assert app.store.item("RB-01").title == "Runbook v2" and not app.editor.dirty
        assert app.screen is app.main  # no conflict dialog: our own write is not an outside change


async def test_a_failed_save_taken_over_by_an_undo_is_still_shown(
    launch_board: Path, make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The undo waits for the save in flight and takes its result; the failure must still reach the
    # user when the save's own message arrives (it used to count as reported once taken).
    app = make_app(launch_board)
    gate, threads = gated_writes(monkeypatch)
    held = save_job.write_board

    def failing(*args: object, **kwargs: object) -> None:
        held(*args, **kwargs)  # waits at the gate, then writes...
        raise OSError(28, "No space left on device")  # ... and the disk says no

    monkeypatch.setattr(save_job, "write_board", failing)
    async with started(app) as pilot:
        notices = record_notices(app)
        await status_write_in_flight(pilot, app, threads)
        threading.Timer(0.05, gate.set).start()
        app.main.action_history(-1)  # the undo key: settles the save in flight, then undoes
        await saves_landed(pilot)
        await app.workers.wait_for_complete()
        await wait_for(pilot, lambda: any(n.title == "Could not save" for n in notices), what="the failure shown")


async def test_quitting_when_the_save_in_flight_fails_shows_that_and_asks_nothing_more(
    launch_board: Path, make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The failure is the answer to "quit?": shown once, no unsaved-changes question on top of it.
    app = make_app(launch_board)
    gate, threads = gated_writes(monkeypatch)
    held = save_job.write_board

    def failing(*args: object, **kwargs: object) -> None:
        held(*args, **kwargs)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(save_job, "write_board", failing)
    async with started(app) as pilot:
        notices = record_notices(app)
        await status_write_in_flight(pilot, app, threads)
        threading.Timer(0.05, gate.set).start()
        app.action_quit_app()  # waits for the write, which fails
        await pilot.pause()
        assert any(n.title == "Could not save" for n in notices)
        assert app.is_running and app.screen is app.main  # still here, no question stacked


async def test_an_app_ending_with_a_failed_save_keeps_the_edits_beside_the_board(
    launch_board: Path, make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Not a quit (which shows the failure and stays): the app ends some other way while the save
    # fails. Nobody is left to tell on screen: the edits go to a file, and the command says where.
    from readiness_tui.cli.open_cmd import unsaved_message

    app = make_app(launch_board)
    gate, threads = threading.Event(), []

    def failing(*args: object, **kwargs: object) -> None:
        threads.append(threading.current_thread())
        gate.wait(10)
        raise OSError(28, "No space left on device")  # nothing written

    monkeypatch.setattr(save_job, "write_board", failing)
    before = launch_board.read_bytes()
    async with started(app) as pilot:
        await status_write_in_flight(pilot, app, threads)
        threading.Timer(0.05, gate.set).start()
        app.exit()
        await pilot.pause()
    assert launch_board.read_bytes() == before  # the write failed ...
    assert app.unsaved_at_exit is not None
    state, backup = app.unsaved_at_exit
    assert state == "error" and backup == launch_board.with_name(launch_board.stem + ".mine.toml")
    kept = BoardStore.from_text(backup.read_text(encoding="utf-8"))  # ... the edit is not lost
    assert kept.item("SEC-02").status == "in_progress"
    said = unsaved_message(app.unsaved_at_exit, str(launch_board))
    assert str(backup) in said and str(launch_board) in said and "could not be saved" in said


async def test_an_app_ending_after_a_save_failed_and_was_shown_keeps_the_edits_beside_the_board(
    launch_board: Path, make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The failed save's result was taken (and shown) before the app ended: nothing is in flight
    at the end, yet the edit is only in memory. It goes beside the board all the same."""

    def failing(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")  # nothing written

    monkeypatch.setattr(save_job, "write_board", failing)
    app = make_app(launch_board)
    before = launch_board.read_bytes()
    async with started(app) as pilot:
        await pilot.press("j")  # SEC-02
        app.main.action_cycle_status()
        await wait_for(pilot, lambda: app.editor.last_failed is not None, what="the failure taken")
        assert app.editor.save_job is None and app.editor.dirty
        app.exit()
        await pilot.pause()
    assert launch_board.read_bytes() == before
    assert app.unsaved_at_exit is not None
    state, backup = app.unsaved_at_exit
    assert state == "error" and backup is not None
    assert BoardStore.from_text(backup.read_text(encoding="utf-8")).item("SEC-02").status == "in_progress"
