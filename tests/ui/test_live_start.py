"""What changes on disk before the live board watches the file still shows: the file is looked at
once the watcher is started (the gate session it waits for takes seconds on a large board)."""

from __future__ import annotations

import threading
from pathlib import Path

from ui_helpers import table_text, wait_for

from readiness_tui.ui.live_board import LiveBoard

SIZE = (120, 40)


async def test_a_change_written_while_the_session_is_made_shows_once_watching(
    launch_board: Path, make_app, monkeypatch
) -> None:
    release = threading.Event()
    real = LiveBoard._make_session

    def slow(self, store, sample):  # type: ignore[no-untyped-def]
        release.wait(10)  # the gate session of a large board, still being made
        real(self, store, sample)

    monkeypatch.setattr(LiveBoard, "_make_session", slow)
    app = make_app(launch_board, watch=True)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: "Rotate database credentials" in table_text(app), what="the board")
        text = launch_board.read_text(encoding="utf-8")
        launch_board.write_text(text.replace("Rotate database credentials", "Rotated elsewhere"), encoding="utf-8")
        await pilot.pause(0.2)
        assert app.live.watcher is None  # not watching yet: nobody saw that write
        release.set()
        await wait_for(pilot, lambda: app.live.watcher is not None, what="the watcher")
        await wait_for(
            pilot, lambda: "Rotated elsewhere" in table_text(app), timeout=10, what="the change written before watching"
        )
        assert app.store.item("VLT-02").title == "Rotated elsewhere"
