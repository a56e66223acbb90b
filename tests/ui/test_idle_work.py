"""Work done while nobody types (the validators' warm-up): no step starts while keys keep coming,
and once they stop the steps run one at a time, in order, off the UI thread."""

from __future__ import annotations

import threading
from pathlib import Path
from types import SimpleNamespace

import pytest
from ui_helpers import wait_for

from readiness_tui.ui import idle_work

SIZE = (120, 40)


async def test_steps_wait_for_a_pause_in_the_keys_then_run_in_order(
    launch_board: Path, make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(idle_work, "QUIET_S", 0.4)
    monkeypatch.setattr(idle_work, "TICK_S", 0.05)
    # The pause is read on a clock the test moves: a slow machine between two key presses is no pause.
    now = [1000.0]
    monkeypatch.setattr(idle_work, "time", SimpleNamespace(monotonic=lambda: now[0]))
    ran: list[tuple[int, bool]] = []
    ui_thread = threading.get_ident()

    def step(n: int):  # type: ignore[no-untyped-def]
        return lambda: ran.append((n, threading.get_ident() != ui_thread))

    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:

        def paused() -> bool:  # each look moves the clock on: nobody types while the app warms up
            now[0] += 1.0
            return app.idle_work.done

        await wait_for(pilot, paused, timeout=30, what="the app's own warm-up")
        app.idle_work.start([step(1), step(2), step(3)])
        for _ in range(12):  # a key every 0.1 s on the clock for 1.2 s: never 0.4 s without one
            now[0] += 0.1
            await pilot.press("j")
            await pilot.pause(0.1)  # ticks come meanwhile (every 0.05 s): each finds a key too recent
        assert ran == []
        now[0] += 0.5  # then no key for 0.5 s
        await wait_for(pilot, lambda: app.idle_work.done, timeout=10, what="the steps run")
        assert ran == [(1, True), (2, True), (3, True)]


async def test_an_app_owning_its_collector_collects_in_a_pause_what_the_screen_let_go(
    tmp_path: Path, make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual's strips cache themselves (a cycle): every line drawn and let go is cyclic garbage,
    and what reaches the oldest generation waits for a full collection."""
    import gc

    from readiness_tui.bench.generate import write_board
    from readiness_tui.ui import app as app_module

    monkeypatch.setattr(idle_work, "QUIET_S", 0.3)
    monkeypatch.setattr(idle_work, "TICK_S", 0.05)
    # Young collections often, a full one never on its own: what is left is the app's to collect.
    monkeypatch.setattr(app_module, "GC_THRESHOLDS", (700, 10, 100_000))
    path = write_board(tmp_path / "board.toml", 400)
    before = gc.get_threshold()
    gc.disable()  # as the entry point leaves it for the app
    try:
        app = make_app(path, gc_paused=True)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: app.idle_work.done, timeout=30, what="the app's own warm-up")
            for _ in range(3):  # the whole backlog drawn, a page at a time, three times
                for _ in range(16):
                    await pilot.press("pagedown")
                await pilot.press("g")
            assert gc.get_count()[2] > 0  # young collections passed garbage on to the oldest generation
            await wait_for(pilot, lambda: gc.get_count()[2] == 0, timeout=10, what="a full collection in the pause")
            gc.set_debug(gc.DEBUG_SAVEALL)
            try:
                gc.collect()
                left = len(gc.garbage)
            finally:
                gc.set_debug(0)
                gc.garbage.clear()
            assert left < 2_000, left
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()
        gc.enable()
