"""A board the app had to parse is in the parse cache once the first frame is shown, not only
when the app quits (a killed app, or the next start, would otherwise parse it again)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from ui_helpers import wait_for

from readiness_tui.core.cache import loader as caches
from readiness_tui.core.cache import parse_cache as board_cache

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "boards" / "launch.toml"


@pytest.fixture
def cache_on() -> Iterator[None]:
    # As the CLI entry point does for the app (tests parse every board otherwise).
    caches.enable(answers=False)  # the parse cache alone, through its one door
    yield
    caches.enable(False)


async def test_the_parsed_board_is_cached_after_the_first_paint(tmp_path: Path, make_app, cache_on: None) -> None:
    board = tmp_path / "launch.toml"
    shutil.copy(FIXTURE, board)
    assert not board_cache.is_current(board)
    app = make_app(board)
    async with app.run_test(size=(100, 30)) as pilot:
        # Written by a forked child while the app runs; nothing waits for the app to quit.
        await wait_for(pilot, lambda: board_cache.is_current(board), timeout=10, what="the cache entry")
        assert app.is_running
    assert board_cache.is_current(board)
