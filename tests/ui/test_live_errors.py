"""Failures off the UI thread reach the user: a worker that raises, a callback handed from a thread
to the UI that raises, a gate result that cannot be saved. Each shows an error notification."""

from __future__ import annotations

from pathlib import Path

import pytest
from shell_helpers import open_report
from ui_helpers import record_notices, wait_for

from readiness_tui.core.board import reread
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.gates import GateState, trust

SIZE = (120, 40)


def errors(notices) -> list:  # type: ignore[no-untyped-def]
    return [n for n in notices if n.severity == "error"]


async def test_a_worker_that_raises_is_shown(launch_board: Path, make_app, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        notices = record_notices(app)

        def broken(path: Path, old: object) -> object:
            raise PermissionError(13, "Permission denied", str(path))

        def broken_look(self: BoardStore) -> object:
            raise PermissionError(13, "Permission denied", str(self.path))

        # The file cannot be read, in pieces or whole (root may read any file: the reads are made to fail).
        monkeypatch.setattr(reread, "file_span", broken)
        monkeypatch.setattr(BoardStore, "look", broken_look)
        launch_board.write_text(launch_board.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        app.live.check_disk()  # reads the file in a thread worker
        await wait_for(pilot, lambda: errors(notices), what="an error notification")
        assert "Permission denied" in errors(notices)[0].message


async def test_a_failure_on_the_hop_from_thread_to_ui_is_shown(
    launch_board: Path, make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        notices = record_notices(app)

        def broken_reload(*args, **kwargs):  # type: ignore[no-untyped-def]
            raise RuntimeError("reload exploded")

        monkeypatch.setattr(app.editor, "reload", broken_reload)
        text = launch_board.read_text(encoding="utf-8")
        launch_board.write_text(
            text.replace("Payments API launch", "Payments API launch (renamed)", 1), encoding="utf-8"
        )
        app.live.check_disk()  # the change is read in a thread, applied on the UI thread: that raises
        await wait_for(pilot, lambda: errors(notices), what="an error notification")
        assert "reload exploded" in errors(notices)[0].message


async def test_a_gate_result_that_cannot_be_saved_is_shown(
    tmp_path: Path, make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    board = tmp_path / "board.toml"
    board.write_text(
        '[board]\ntitle = "B"\n\n[[items]]\nid = "G-1"\ntitle = "Gated"\n\n[items.gate]\nverify = "true"\n',
        encoding="utf-8",
    )
    (tmp_path / ".git").mkdir()
    trust(board, BoardStore.load(board).board)

    def refuse(self: GateState) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(GateState, "save", refuse)
    app = make_app(board)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.live.session is not None, what="the gate session")
        notices = record_notices(app)
        app.live.run_gates(["G-1"])
        await wait_for(pilot, lambda: errors(notices), what="an error notification")
        assert errors(notices)[0].title == "Gate result not saved"
        assert "No space left on device" in errors(notices)[0].message
        # The run's end is published with the others that end within the batch (GATE_BATCH_S).
        await wait_for(pilot, lambda: app.live.gate_status.get("G-1") not in (None, "running"), what="the run ended")


async def test_a_pane_worker_that_raises_is_shown(
    launch_board: Path, make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    from readiness_tui.ui.panes import burndown

    def broken_series(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise ValueError("history unreadable")

    monkeypatch.setattr(burndown, "series", broken_series)
    app = make_app(launch_board)
    notices = record_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.main.show_pane("burndown")
        await wait_for(pilot, lambda: errors(notices), what="an error notification")
        assert "history unreadable" in errors(notices)[0].message
        assert app.is_running  # shown, and the app goes on


async def test_the_weekly_report_is_made_off_the_ui_thread_and_its_failure_is_shown(
    launch_board: Path, make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from textual.widgets import Static

    from readiness_tui.core.outputs import report

    made_in: list[str] = []
    real = report.weekly_report

    def recorded(*args, **kwargs):  # type: ignore[no-untyped-def]
        made_in.append(threading.current_thread().name)
        return real(*args, **kwargs)

    monkeypatch.setattr(report, "weekly_report", recorded)
    app = make_app(launch_board)
    notices = record_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await open_report(app, pilot)
        assert made_in and made_in[0] != threading.main_thread().name
        assert "Payments API launch" in screen.text

        def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
            raise ValueError("history line 7 is not JSON")

        monkeypatch.setattr(report, "weekly_report", broken)
        await pilot.press("left_square_bracket")  # another week: made again, and that fails
        await wait_for(pilot, lambda: errors(notices), what="an error notification")
        assert "history line 7 is not JSON" in errors(notices)[0].message
        body = str(screen.query_one("#report-text", Static).render())
        assert "Could not make the weekly update for 2026-W07" in body and "not JSON" in body
        assert not screen.loading and screen.text == ""
        await pilot.press("s")  # nothing to save: said, and no file written
        await pilot.pause()
        assert not list(launch_board.parent.glob("launch-2026-W07*"))


async def test_the_gate_session_is_made_off_the_ui_thread_and_its_failure_is_shown(
    launch_board: Path, make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from readiness_tui.core import gates

    made_in: list[str] = []
    real = gates.GateSession.__init__

    def recorded(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        made_in.append(threading.current_thread().name)
        real(self, *args, **kwargs)

    monkeypatch.setattr(gates.GateSession, "__init__", recorded)
    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.live.session is not None, what="the gate session")
        assert made_in and threading.main_thread().name not in made_in

    def broken(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        raise PermissionError(13, "Permission denied", "reports/")

    monkeypatch.setattr(gates.GateSession, "__init__", broken)
    app = make_app(launch_board)
    notices = record_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: errors(notices), what="an error notification")
        assert "Permission denied" in errors(notices)[0].message
        assert app.live.session is None and app.is_running


async def test_r_on_an_unreadable_board_says_so_and_not_reloaded(launch_board: Path, make_app) -> None:
    app = make_app(launch_board)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        notices = record_notices(app)
        launch_board.write_text("[board\nbroken = ", encoding="utf-8")
        await pilot.press("R")
        await wait_for(pilot, lambda: errors(notices), what="an error notification")
        await pilot.pause()
        assert not any("Reloaded" in n.message for n in notices)
        assert app.store.item("SEC-02") is not None  # the version in memory is kept
