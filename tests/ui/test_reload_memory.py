"""What an outside change leaves behind: once the file's new version is shown, the previous board
(and the analysis and lint result made for it) is let go, so that a 10,000-item board is not held
twice while the next analysis is made, nor until the next lint is in."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

from ui_helpers import linted, wait_for

from readiness_tui.bench.generate import write_board
from readiness_tui.ui.lint_runner import SYNC_ITEMS, LintRunner

SIZE = (120, 40)


async def test_after_an_outside_change_no_previous_board_is_reachable(tmp_path: Path, make_app, monkeypatch) -> None:
    path = write_board(tmp_path / "big.toml", SYNC_ITEMS + 100)  # linted in a worker, after a pause
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await linted(pilot, app)
        before = weakref.ref(app.store.board)
        # The lint of the next board never comes: what it would replace must not be needed to let go.
        monkeypatch.setattr(LintRunner, "_start", lambda *args: None)
        text = path.read_text(encoding="utf-8")
        head = 'id = "T-000001"\ntitle = "'
        at = text.index(head) + len(head)
        path.write_text(text[:at] + "Changed outside " + text[at:], encoding="utf-8")
        app.live.check_disk()
        await wait_for(pilot, lambda: before() is not app.store.board, what="the outside change taken")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.store.item("T-000001").title.startswith("Changed outside ")
        gc.collect()
        assert before() is None


async def test_the_bytes_of_a_changed_file_are_let_go_before_it_is_parsed(
    launch_board: Path, make_app, monkeypatch
) -> None:
    import sys

    from readiness_tui.core.board import reread as reread_module

    real = reread_module.reread
    held: list[str] = []

    def parsing(store, *args):  # type: ignore[no-untyped-def]
        # While the board is parsed: no frame of the reading thread holds the file's bytes.
        size = launch_board.stat().st_size
        frame = sys._getframe(1)
        while frame is not None:
            held.extend(
                f"{frame.f_code.co_name}: {name}"
                for name, value in frame.f_locals.items()
                if isinstance(value, bytes) and len(value) >= size
            )
            frame = frame.f_back
        return real(store, *args)

    monkeypatch.setattr(reread_module, "reread", parsing)
    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = launch_board.read_text(encoding="utf-8")
        launch_board.write_text(text.replace('"Rollback runbook"', '"Runbook v2"'), encoding="utf-8")
        app.live.check_disk()
        await wait_for(pilot, lambda: app.store.item("RB-01").title == "Runbook v2", what="the outside change")
    assert held == []
