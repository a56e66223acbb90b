"""The theme an app starts with looks as Textual's own switch to that theme makes it look (the
start takes its colours without parsing the stylesheet twice: ``ReadinessApp._start_with_theme``)."""

from __future__ import annotations

from pathlib import Path

import pytest

SIZE = (120, 40)


@pytest.mark.parametrize("theme", ["readiness-dark", "readiness-contrast", "readiness-light"])
async def test_a_theme_taken_at_start_shows_as_switching_to_it_does(theme: str, launch_board: Path, make_app) -> None:
    started = make_app(launch_board, theme=theme)
    async with started.run_test(size=SIZE) as pilot:
        await pilot.pause()
        at_start, classes = started.export_screenshot(), set(started.classes)
    assert f"-theme-{theme}" in classes

    other = "readiness-light" if theme != "readiness-light" else "readiness-dark"
    switched = make_app(launch_board, theme=other)
    async with switched.run_test(size=SIZE) as pilot:
        await pilot.pause()
        switched.theme = theme  # Textual's own path: the whole stylesheet parsed with its colours
        await pilot.pause()
        assert set(switched.classes) == classes
        assert switched.export_screenshot() == at_start
