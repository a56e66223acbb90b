"""Steps the shell's tests share: open a screen by its key from each pane, open the weekly update."""

from __future__ import annotations

from ui_helpers import wait_for

from readiness_tui.ui.screens.report import ReportScreen


async def opens_from_each_pane(app, pilot, panes: str, key: str, screen: type) -> None:  # type: ignore[no-untyped-def]
    """``key`` opens ``screen`` in each of ``panes`` (their digits); escape closes it each time."""
    for pane in panes:
        await pilot.press(pane)
        await pilot.pause()
        await pilot.press(key)
        await wait_for(pilot, lambda: isinstance(app.screen, screen), what=f"{key} in pane {pane}")
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, screen), what="closed")


async def open_report(app, pilot, key: str = "r") -> ReportScreen:  # type: ignore[no-untyped-def]
    """The weekly update, opened by ``key`` and made (its worker done)."""
    await pilot.press(key)
    await wait_for(pilot, lambda: isinstance(app.screen, ReportScreen), what="the report screen")
    report = app.screen
    assert isinstance(report, ReportScreen)
    await wait_for(pilot, lambda: not report.loading, what="the report made")
    return report
