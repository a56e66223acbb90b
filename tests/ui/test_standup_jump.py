"""The standup in the real app: jumping back to the overview from the jump list (issue 11: the app
froze on ``m``, ``→``, ``j``, ``Home``, ``Enter``; not even ctrl+c worked)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from readiness_tui.ui.screens.standup import OVERVIEW, JumpScreen, StandupScreen

SIZE = (120, 36)


async def test_jump_to_the_overview_does_not_freeze(launch_board: Path, make_app) -> None:
    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await asyncio.wait_for(pilot.press("m"), 10)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StandupScreen)
        await asyncio.wait_for(pilot.press("right"), 10)
        assert screen.current_key != OVERVIEW
        await asyncio.wait_for(pilot.press("j"), 10)
        await pilot.pause()
        assert isinstance(app.screen, JumpScreen)
        await asyncio.wait_for(pilot.press("home", "enter"), 10)
        await asyncio.wait_for(pilot.pause(), 10)
        assert app.screen is screen and screen.current_key == OVERVIEW
        # Keys still work: on to the next slide and back out of the standup.
        await asyncio.wait_for(pilot.press("right"), 10)
        assert screen.current_key != OVERVIEW
        await asyncio.wait_for(pilot.press("escape"), 10)
        await pilot.pause()
        assert not isinstance(app.screen, StandupScreen)
