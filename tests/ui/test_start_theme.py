"""The theme an app starts with looks as Textual's own switch to that theme makes it look (the
start takes its colours without parsing the stylesheet twice: ``ReadinessApp._start_with_theme``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Static
from ui_helpers import wait_for

SIZE = (120, 40)


async def _settled(app: Any, pilot: Any) -> None:
    """The gates' results in and the verdict showing them: both sides draw the same frame."""
    from readiness_tui.core.analysis.analyze import Analysis
    from readiness_tui.core.analysis.gonogo import evaluate

    def shown() -> bool:
        d = evaluate(app.store.board, Analysis(app.store.board), app.live.gate_status or None)
        gates = {it.id for it in app.store.board.items if it.gate is not None and it.gate.verify}
        said = d.recommendation.upper() + (f" · {len(d.reasons)} reason" if not d.go else "")
        shows = str(app.screen.query_one("#gonogo", Static).render())
        return gates <= set(app.live.gate_status) and shows.startswith(said)

    await app.workers.wait_for_complete()
    await wait_for(pilot, shown, what="the verdict with every gate's result")


@pytest.mark.parametrize("theme", ["readiness-dark", "readiness-contrast", "readiness-light"])
async def test_a_theme_taken_at_start_shows_as_switching_to_it_does(theme: str, launch_board: Path, make_app) -> None:
    started = make_app(launch_board, theme=theme)
    async with started.run_test(size=SIZE) as pilot:
        await _settled(started, pilot)
        at_start, classes = started.export_screenshot(), set(started.classes)
    assert f"-theme-{theme}" in classes

    other = "readiness-light" if theme != "readiness-light" else "readiness-dark"
    switched = make_app(launch_board, theme=other)
    async with switched.run_test(size=SIZE) as pilot:
        await _settled(switched, pilot)
        switched.theme = theme  # Textual's own path: the whole stylesheet parsed with its colours
        await pilot.pause()
        assert set(switched.classes) == classes
        assert switched.export_screenshot() == at_start
