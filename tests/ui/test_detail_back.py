"""Escape (or backspace) on the Detail pane goes back to the backlog, through the main screen's own
action; a host without that action (the pane test host) ignores the key."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import TabbedContent
from ui_helpers import PaneHost, wait_for

from readiness_tui.core.board.store import BoardStore
from readiness_tui.ui.panes.detail import DetailPane

Q1 = Path(__file__).resolve().parents[2] / "boards" / "q1-2026-execution-backlog.toml"
SIZE = (120, 40)


async def test_escape_in_detail_goes_back_to_the_backlog(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(Q1)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for key in ("escape", "backspace"):
            await pilot.press("2")
            await wait_for(pilot, lambda: app.query_one(TabbedContent).active == "tab-detail", what="detail")
            app.query_one(DetailPane).focus_default()
            await pilot.press(key)
            await wait_for(pilot, lambda: app.query_one(TabbedContent).active == "tab-backlog", what=f"{key}: back")


async def test_a_host_without_panes_ignores_it() -> None:
    host = PaneHost(DetailPane(), BoardStore.load(Q1))
    async with host.run_test(size=SIZE) as pilot:
        await pilot.pause()
        host.pane.focus_default()
        await pilot.press("escape", "backspace")
        assert host.is_running and host.pane.is_mounted
