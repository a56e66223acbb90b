"""The conflict dialog works out its difference in a thread worker, and shows what stopped it."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from rich.syntax import Syntax
from textual.app import App
from textual.widgets import Static
from ui_helpers import press, wait_for

from readiness_tui.core.board import file as board_file
from readiness_tui.core.board.segments import Segment
from readiness_tui.core.board.store import BoardStore
from readiness_tui.ui.screens.conflict import WORKING, ConflictScreen

SIZE = (120, 40)


def diff_shown(app: App) -> object:  # type: ignore[type-arg]
    return app.screen.query_one("#conflict-diff-text", Static).content


async def test_the_difference_is_worked_out_off_the_ui_thread(
    launch_board: Path, make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[int] = []
    diff_held_with_disk = board_file.diff_held_with_disk

    def recorded(path: Path | None, held: list[Segment], context: int = 2) -> str:
        threads.append(threading.get_ident())
        return diff_held_with_disk(path, held, context)

    monkeypatch.setattr(board_file, "diff_held_with_disk", recorded)
    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        launch_board.write_text(launch_board.read_text().replace('"Rollback runbook"', '"Runbook (theirs)"'))
        store = BoardStore.load(launch_board)
        store.set_fields("SEC-02", {"status": "blocked"})
        store.save()
        await press(pilot, "j", "s")
        assert isinstance(app.screen, ConflictScreen)
        await wait_for(pilot, lambda: isinstance(diff_shown(app), Syntax), what="the difference shown")
        shown = diff_shown(app)
        assert isinstance(shown, Syntax)
        assert '-title = "Runbook (theirs)"' in shown.code and '+title = "Rollback runbook"' in shown.code
        assert threads and threads[0] != threading.main_thread().ident
        await press(pilot, "d")
        assert app.screen.query_one("#conflict-diff").display


async def test_a_difference_that_cannot_be_worked_out_says_why() -> None:
    def fails() -> str:
        raise OSError("the disk went away")

    class Host(App[None]):
        def on_mount(self) -> None:
            self.push_screen(ConflictScreen("plan.toml", fails))

    app = Host()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ConflictScreen)
        await wait_for(pilot, lambda: str(diff_shown(app)) != WORKING, what="the failure shown")
        assert str(diff_shown(app)) == "The difference could not be worked out: the disk went away"
        await press(pilot, "escape")
        assert not isinstance(app.screen, ConflictScreen)
