"""The Burndown pane, mounted alone in the test host: it draws the series of the board, and draws
again only when the series changed."""

from __future__ import annotations

from pathlib import Path

from ui_helpers import PaneHost, wait_for

from readiness_tui.core.board.store import BoardStore
from readiness_tui.ui.panes.burndown import BurndownPane

BOARD = """\
[board]
title = "Burn"
today = 2026-02-20

[[items]]
id = "A-1"
title = "First"
estimate_days = 2

[[items]]
id = "A-2"
title = "Second"
status = "in_progress"
estimate_days = 3
"""


async def test_a_chart_is_drawn_again_only_when_its_series_changed(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(BOARD, encoding="utf-8")
    store = BoardStore.load(path)
    pane = BurndownPane(id="pane")
    draws: list[int] = []
    drawn = pane.draw

    def counting() -> None:
        draws.append(len(draws))
        drawn()

    pane.draw = counting  # type: ignore[method-assign]
    app = PaneHost(pane, store)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: draws, what="the first chart")
        assert pane.data is not None and pane.data.open_items[-1] == 2

        store.set_status("A-1", "review")  # open before, open after: the same series
        app.show()
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(draws) == 1

        store.set_status("A-1", "done")
        app.show()
        await wait_for(pilot, lambda: len(draws) == 2, what="the chart drawn again")
        assert pane.data.open_items[-1] == 1 and pane.data.open_days[-1] == 3
