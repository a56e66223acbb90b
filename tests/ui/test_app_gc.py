"""The app's collector policy in its own process (``ReadinessApp(gc_paused=True)``, as ``readiness``
starts it): off until the first paint, then on, with what was loaded frozen and the app's thresholds."""

from __future__ import annotations

import gc
from pathlib import Path

from readiness_tui.ui.app import GC_THRESHOLDS


async def test_after_the_first_paint_the_collector_runs_with_the_apps_thresholds(
    make_app,
    board_copy,  # type: ignore[no-untyped-def]
) -> None:
    path: Path = board_copy("q1-2026-execution-backlog.toml")
    before = gc.get_threshold()
    gc.disable()  # as the entry point leaves it for the app
    try:
        app = make_app(path, gc_paused=True)
        assert GC_THRESHOLDS[0] > before[0]
        async with app.run_test() as pilot:
            await pilot.pause()
            assert gc.isenabled()
            assert gc.get_threshold() == GC_THRESHOLDS
            assert gc.get_freeze_count() > 0
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()
        gc.enable()


async def test_an_app_that_shares_its_process_leaves_the_collector_as_it_was(
    make_app,
    board_copy,  # type: ignore[no-untyped-def]
) -> None:
    path: Path = board_copy("q1-2026-execution-backlog.toml")
    before = gc.get_threshold()
    async with make_app(path).run_test() as pilot:
        await pilot.pause()
        assert gc.get_threshold() == before and gc.get_freeze_count() == 0


def test_a_full_collection_comes_within_half_a_million_allocations() -> None:
    # The screen's dropped strips and widgets are cyclic garbage that waits for a full collection:
    # spaced wider, an hour of use peaked higher (bench ``app_hour``).
    young, middle, old = GC_THRESHOLDS
    assert young * middle * old <= 500_000
