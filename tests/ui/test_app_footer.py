"""The main screen's footer does not keep the keys of the footers it showed before."""

from __future__ import annotations

import gc
from pathlib import Path

from textual.widget import Widget

SIZE = (120, 40)


async def test_switching_panes_leaves_only_the_keys_shown_alive(launch_board: Path, make_app) -> None:
    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for _ in range(6):  # each pane's keys: the footer is built again every time
            for key in "23451":
                await pilot.press(key)
                await pilot.pause()
        gc.collect()
        # The footer's keys by their type's name (the class is not public API).
        alive = [o for o in gc.get_objects() if isinstance(o, Widget) and type(o).__name__ == "FooterKey"]
        shown = list(app.screen.query("FooterKey"))
        assert shown and len(alive) == len(shown), (len(alive), len(shown))
