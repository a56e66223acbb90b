"""Presenter mode: how soon a slide change reaches a following viewer's screen.

The presenter's side is what its standup does on every move (``core.presenter.Presenter.publish``
writes the state file); the follower is a real app (headless, ``run_test``) following that board.
Timed: from the write to the follower's standup showing the new slide in its position line.
Target: p95 <= 300 ms over 20 trials. Also timed, for comparison: the same change made on the
follower's own screen (the redraw alone), so the figure shows what the sharing adds.
"""

from __future__ import annotations

import asyncio
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

if TYPE_CHECKING:
    from textual.app import App
    from textual.dom import DOMNode
    from textual.pilot import Pilot
    from textual.screen import Screen

_S = TypeVar("_S", bound="Screen[Any]")

TRIALS = 20
TIMEOUT_S = 5.0


def run(trials: int = TRIALS) -> dict:
    return asyncio.run(_run(trials))


async def _run(trials: int) -> dict:
    from readiness_tui.core.standup.presenter import Presenter
    from readiness_tui.resources import bundled_boards_dir
    from readiness_tui.ui.app import ReadinessApp
    from readiness_tui.ui.screens.standup import StandupScreen

    with tempfile.TemporaryDirectory() as tmp:
        board = Path(tmp) / "plan.toml"
        shutil.copy(bundled_boards_dir() / "codex-execution-task-board.toml", board)
        presenter = Presenter(board)
        app = ReadinessApp(board, presenter="follow", read_only=True, watch=False)
        samples: list[float] = []
        local: list[float] = []
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await _standup(app, pilot, StandupScreen)
            keys = screen.slide_keys
            if len(keys) < 2:
                return {"skipped": "the board has one slide"}
            await _until(lambda: screen.presenter_role == "follow", pilot)
            warmup = len(keys)  # one round of every slide first (the watcher starts, each slide is drawn once)
            for n in range(warmup + trials):
                target = keys[(n + 1) % len(keys)]
                start = time.perf_counter()
                sent = presenter.publish(target, "owner", 0.0, False)
                want = f"{keys.index(target) + 1}/{len(keys)}"
                # Shown: the follower took this state, and its position line and slide are drawn.

                def shown(sent: object = sent, want: str = want) -> bool:
                    return screen.followed == sent and _shown(screen).startswith(want)

                await _until(shown, pilot)
                if n >= warmup:
                    samples.append((time.perf_counter() - start) * 1000)
            # For comparison: the same slide change made on the screen itself (what the presenter's
            # own screen pays); the difference is what sharing costs.
            for _ in range(trials):
                start = time.perf_counter()
                await screen.go_to((screen.index + 1) % len(keys))
                local.append((time.perf_counter() - start) * 1000)
    return {
        "slide_to_follower_ms": {**_stats(samples), "target_p95_ms": 300},
        "same_change_on_own_screen_ms": _stats(local),
    }


def _stats(samples: list[float]) -> dict:
    s = sorted(samples)
    return {"median_ms": round(statistics.median(s), 1), "p95_ms": round(s[int(0.95 * (len(s) - 1))], 1), "n": len(s)}


def _shown(screen: DOMNode) -> str:
    from textual.widgets import Static

    return str(screen.query_one("#standup-pos", Static).render())


async def _standup(app: App[Any], pilot: Pilot[Any], cls: type[_S]) -> _S:
    await _until(lambda: isinstance(app.screen, cls), pilot)
    return cast(_S, app.screen)  # _until returned: the screen on top is a ``cls``


async def _until(cond: Callable[[], object], pilot: Pilot[Any]) -> None:
    deadline = time.perf_counter() + TIMEOUT_S
    while not cond():
        if time.perf_counter() > deadline:
            raise TimeoutError("the follower did not show the slide in time")
        await asyncio.sleep(0.01)  # a 10 ms look leaves the CPU to the app and the watcher
