"""The header shows the board's level and follows a report changing on disk (the watcher sees
it as it sees evidence); the Gates pane lists the gates by level with each check's reason."""

from __future__ import annotations

import shutil
from pathlib import Path

from textual.widgets import Static
from ui_helpers import session_ready, wait_for

BOARDS = Path(__file__).resolve().parents[2] / "boards"
SIZE = (160, 40)


def level_text(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one("#bar-level", Static).render())


async def test_the_header_level_follows_a_report_removed_on_disk(tmp_path: Path, make_app) -> None:
    shutil.copytree(BOARDS / "checkout-service", tmp_path / "checkout-service")
    board = tmp_path / "checkout-service-readiness.toml"
    shutil.copy(BOARDS / board.name, board)
    app = make_app(board, watch=True)
    async with app.run_test(size=SIZE) as pilot:
        await session_ready(app, pilot)
        await wait_for(pilot, lambda: level_text(app) == "level silver · gold: 2 gates to go", what="silver")
        (tmp_path / "checkout-service/reports/coverage.xml").unlink()
        await wait_for(pilot, lambda: level_text(app) == "level bronze · silver: 1 gate to go", what="bronze")
        await pilot.press("6")
        pane = app.screen.query_one("GatesPane")
        await wait_for(pilot, lambda: bool(getattr(pane, "views", None)), what="the gates pane")
        levels = [v.level for v in pane.views.values()]
        assert levels == sorted(levels, key=["bronze", "silver", "gold"].index)
        detail = str(pane.detail_text("CK-05"))
        assert "level: silver" in detail and "reports/coverage.xml not found" in detail
