"""An outside change is followed like an edit: the changed items alone are read, shown and
recorded, the rest of the backlog is not built again (core.reread, BacklogPane.apply_changes)."""

from __future__ import annotations

from pathlib import Path

from ui_helpers import count_full_passes, drawn_lines, started, table_text, wait_for

from readiness_tui.core import audit
from readiness_tui.ui.panes.backlog import BacklogPane

SIZE = (120, 40)


def reread_threads(monkeypatch) -> list[object]:  # type: ignore[no-untyped-def]
    """The threads the board file is read and parsed in from now on (``core.reread``: the file read
    in pieces, the changed items parsed, or the whole file read again)."""
    import threading

    from readiness_tui.core.board import reread as reread_module

    threads: list[threading.Thread] = []
    for name in ("reread", "file_span", "read_span"):
        real = getattr(reread_module, name)

        def recording(*args, real=real):  # type: ignore[no-untyped-def]
            threads.append(threading.current_thread())
            return real(*args)

        monkeypatch.setattr(reread_module, name, recording)
    return threads  # type: ignore[return-value]


async def _outside(app, pilot, board: Path, old: str, new: str) -> None:  # type: ignore[no-untyped-def]
    board.write_text(board.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    app.live.check_disk()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_an_outside_item_edit_updates_the_rows_in_place_and_is_recorded(
    launch_board: Path, make_app, monkeypatch
) -> None:
    app = make_app(launch_board)
    async with started(app) as pilot:
        pane = app.query_one(BacklogPane)
        full_passes = count_full_passes(monkeypatch)
        await pilot.press("j", "s")  # an edit of the app's first: the history names the board
        await pilot.pause()
        before = app.store
        await _outside(app, pilot, launch_board, 'title = "Rotate database credentials"', 'title = "Rotate creds"')
        assert app.store is not before and app.store.item("VLT-02").title == "Rotate creds"
        assert "Rotate creds" in table_text(app)
        assert full_passes == []  # followed like an edit
        assert pane.table.items is app.store.board.items
        # Status: the facts follow too (VLT-02 was blocked; the outside edit says done).
        await _outside(app, pilot, launch_board, 'status = "blocked"', 'status = "done"')
        assert full_passes == [] and "VLT-02" not in pane.table.facts.blocked
        recs = [(r.source, r.item, r.field, r.new) for r in audit.read(audit.history_path(launch_board))]
        assert ("reload", "VLT-02", "title", "Rotate creds") in recs
        assert ("reload", "VLT-02", "status", "done") in recs
        # The next edit in the app lands on the reloaded store and on disk.
        app.main.current_item_id = "VLT-02"
        pane.focus_item("VLT-02")
        await pilot.press("s")
        await wait_for(pilot, lambda: not app.editor.dirty, what="the write")
        assert app.store.item("VLT-02").status != "done"
        assert f'status = "{app.store.item("VLT-02").status}"' in launch_board.read_text(encoding="utf-8")


async def test_an_outside_change_is_read_from_disk_once(launch_board: Path, make_app, monkeypatch) -> None:
    # The look that finds the file changed hashes its pieces as it compares them: the file is read
    # once, in pieces, and never whole.
    from readiness_tui.core.board import reread

    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        reads: list[str] = []
        whole, in_pieces = Path.read_bytes, reread.file_span

        def read_whole(self: Path) -> bytes:
            if self == launch_board:
                reads.append("whole")
            return whole(self)

        def read_in_pieces(path: Path, old: list) -> object:
            reads.append("pieces")
            return in_pieces(path, old)

        monkeypatch.setattr(Path, "read_bytes", read_whole)
        monkeypatch.setattr(reread, "file_span", read_in_pieces)
        await _outside(app, pilot, launch_board, 'title = "Rollback runbook"', 'title = "Runbook v2"')
        assert app.store.item("RB-01").title == "Runbook v2"
        assert reads == ["pieces"]


async def test_an_outside_change_of_another_record_shows_the_whole_board_again(
    launch_board: Path, make_app, monkeypatch
) -> None:
    app = make_app(launch_board)
    async with started(app) as pilot:
        full_passes = count_full_passes(monkeypatch)
        await _outside(app, pilot, launch_board, 'title = "Payments API launch"', 'title = "Payments API v2"')
        assert full_passes == [app.store]
        assert app.title == "Payments API v2"


async def test_r_reads_the_board_in_a_worker_and_then_says_reloaded(launch_board: Path, make_app, monkeypatch) -> None:
    import threading

    threads = reread_threads(monkeypatch)
    app = make_app(launch_board)
    notices: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        monkeypatch.setattr(app, "notify", lambda message, **_kw: notices.append(str(message)))
        launch_board.write_text(
            launch_board.read_text(encoding="utf-8").replace('"Rollback runbook"', '"Runbook (R)"'), encoding="utf-8"
        )
        await pilot.press("R")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert threads and threading.main_thread() not in threads
        assert app.store.item("RB-01").title == "Runbook (R)" and "Runbook (R)" in table_text(app)
        assert "Reloaded launch.toml." in notices


async def test_a_status_key_shows_the_row_then_writes_and_a_failed_write_is_shown(
    launch_board: Path, make_app, monkeypatch
) -> None:
    from ui_helpers import record_notices

    from readiness_tui.core.board import writepath
    from readiness_tui.core.edits import save_job

    app = make_app(launch_board)
    async with started(app) as pilot:
        await pilot.press("j", "s")  # SEC-02: todo -> in_progress, shown, then written
        await wait_for(pilot, lambda: not app.editor.dirty, what="the write")
        assert 'status = "in_progress"  # needs an admin' in launch_board.read_text(encoding="utf-8")
        notices = record_notices(app)

        def full_disk(*_a, **_k):  # type: ignore[no-untyped-def]
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(writepath, "write_board", full_disk)  # the editor's own save reads it when saving
        monkeypatch.setattr(save_job, "write_board", full_disk)  # the status key writes in a thread
        before = launch_board.read_text(encoding="utf-8")
        await pilot.press("s")
        await wait_for(pilot, lambda: any(n.severity == "error" for n in notices), what="the failed write shown")
        assert "No space left on device" in notices[-1].message and notices[-1].title == "Could not save"
        assert app.editor.dirty and launch_board.read_text(encoding="utf-8") == before
        assert "unsaved" in str(app.main.query_one("#bar-state").render())


async def test_the_store_an_outside_change_replaced_is_freed_without_the_cyclic_collector(
    launch_board: Path, make_app
) -> None:
    """A finished worker lives until the cyclic collector runs; the reader's work must not keep the
    board it read for that long (at 10,000 items that held 6 MB of text per outside change)."""
    import gc
    import weakref

    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        before = weakref.ref(app.store)
        gc.collect()
        gc.disable()
        try:
            await _outside(app, pilot, launch_board, 'title = "Rollback runbook"', 'title = "Runbook v2"')
            assert app.store.item("RB-01").title == "Runbook v2"
            assert before() is None
        finally:
            gc.enable()


def test_released_work_drops_its_arguments_once_run() -> None:
    import weakref

    from readiness_tui.ui.worker_work import released

    class Big:
        pass

    big = Big()
    held = weakref.ref(big)
    work = released(lambda b: b is not None, big)
    del big
    assert held() is not None  # kept until the work runs
    assert work() is True
    assert held() is None


async def test_the_file_is_read_by_one_thread_at_a_time_and_the_last_change_is_shown(
    launch_board: Path, make_app, monkeypatch
) -> None:
    """Looks asked for while a read runs (an editor's save comes as several file events, and
    ``R``) wait for it instead of reading the file beside it, and are made once it has ended."""
    import threading
    import time

    from readiness_tui.core.board import reread as reread_module

    reread = reread_module.reread
    running: list[int] = []
    most = [0]
    lock = threading.Lock()

    def slow(store, *args):  # type: ignore[no-untyped-def]
        with lock:
            running.append(1)
            most[0] = max(most[0], len(running))
        time.sleep(0.2)  # a big board's read: the other looks arrive meanwhile
        try:
            return reread(store, *args)
        finally:
            with lock:
                running.pop()

    monkeypatch.setattr(reread_module, "reread", slow)
    app = make_app(launch_board)
    notices: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        monkeypatch.setattr(app, "notify", lambda message, **_kw: notices.append(str(message)))
        text = launch_board.read_text(encoding="utf-8")
        for n in range(3):
            launch_board.write_text(text.replace('"Rollback runbook"', f'"Runbook {n}"'), encoding="utf-8")
            app.live.check_disk()
            await pilot.pause(0.05)
        await pilot.press("R")
        await wait_for(pilot, lambda: "Reloaded launch.toml." in notices, what="R's reload")
        await wait_for(pilot, lambda: app.store.item("RB-01").title == "Runbook 2", what="the last change")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert most[0] == 1 and not running
        assert app.store.item("RB-01").title == "Runbook 2" and "Runbook 2" in table_text(app)


async def test_an_outside_change_of_a_risk_is_followed_without_evaluating_every_gate_again(
    launch_board: Path, make_app, monkeypatch
) -> None:
    """A risk edited by hand: read from the segments, its change worked out alone and followed
    like an edit's, and no gate evaluated again (no gate reads a risk)."""
    from readiness_tui.core.gates.session import GateSession
    from readiness_tui.ui.panes.risks import RiskPane

    app = make_app(launch_board)
    async with started(app) as pilot:
        await pilot.press("4")  # the risk map
        await app.workers.wait_for_complete()
        await pilot.pause()
        pane = app.main.pane("risks")
        assert isinstance(pane, RiskPane)
        r2 = next(line for line in drawn_lines(pane) if " R2 " in line)
        assert "/1" in r2
        set_boards: list[object] = []
        real = GateSession.set_board
        monkeypatch.setattr(GateSession, "set_board", lambda self, board: set_boards.append(board) or real(self, board))
        gates_before = dict(app.live.gate_status)
        items_before = app.store.board.items
        await _outside(app, pilot, launch_board, 'mitigated_by = ["LT-01"]', 'mitigated_by = ["LT-01", "RB-01"]')
        assert app.store.board.risks[1].mitigated_by == ["LT-01", "RB-01"]
        assert all(a is b for a, b in zip(app.store.board.items, items_before, strict=True))
        assert set_boards == [] and app.live.gate_status == gates_before
        r2 = next(line for line in drawn_lines(pane) if " R2 " in line)
        assert "/2" in r2
        recs = [(r.source, r.item, r.field) for r in audit.read(audit.history_path(launch_board))]
        assert ("reload", "R2", "mitigated_by") in recs
