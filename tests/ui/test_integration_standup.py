"""Standup mode and the weekly update opened from the app: keys, the app's edit path, the audit trail."""

from __future__ import annotations

from pathlib import Path

from ui_helpers import open_standup, table_text, wait_for

from readiness_tui.core import audit
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.model.board import next_status
from readiness_tui.ui.screens.report import ReportScreen
from readiness_tui.ui.screens.standup import OVERVIEW, StandupScreen

SIZE = (120, 40)


async def test_standup_key_overview_advance_and_change_a_status(launch_board: Path, make_app) -> None:
    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await open_standup(pilot, app)
        assert screen.current_key == OVERVIEW
        assert screen.store is app.store
        await pilot.press("right")
        await pilot.pause()
        owner = screen.current_key
        assert owner != OVERVIEW
        item_id = screen.highlighted_item()
        assert item_id is not None
        old = app.store.item(item_id).status
        await pilot.press("s")
        await pilot.pause()
        new = next_status(old)
        # Saved through the app's edit path: the file, undo, the audit trail.
        assert BoardStore.load(launch_board).item(item_id).status == new
        assert app.editor.can_undo and not app.editor.dirty
        last = audit.read(audit.history_path(launch_board))[-1]
        assert (last.source, last.item, last.field, last.old, last.new) == ("app", item_id, "status", old, new)
        assert screen.highlighted_item() == item_id and screen.current_key == owner
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, StandupScreen)
        line = next(ln for ln in table_text(app).splitlines() if f" {item_id} " in ln)
        assert new.replace("_", " ") in line
    recs = audit.read(audit.history_path(launch_board))
    assert recs[-1].type == "standup" and recs[-1].data["details"]["slides"][:2] == [OVERVIEW, owner]
    assert audit.verify(audit.history_path(launch_board)).ok


async def test_a_reload_while_the_standup_is_open_reaches_it(launch_board: Path, make_app) -> None:
    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await open_standup(pilot, app)
        launch_board.write_text(
            launch_board.read_text().replace('title = "Payments API launch"', 'title = "Payments launch (renamed)"')
        )
        app.live.check_disk()
        await app.workers.wait_for_complete()  # the file is read in a thread worker
        await pilot.pause()
        await pilot.pause()
        assert screen.store is app.store
        assert "Payments launch (renamed)" in str(screen.query_one("#standup-title").render())


async def test_a_refused_standup_edit_is_shown_not_raised(launch_board: Path, make_app) -> None:
    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        try:
            app.main.standup_edit("NOPE-99", {"status": "done"})
        except Exception as exc:  # noqa: BLE001 - the screen turns this into a message
            assert "NOPE-99" in str(exc)
        else:
            raise AssertionError("a refused edit must raise")


async def test_report_key_shows_the_week(launch_board: Path, make_app) -> None:
    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.live.set_gate_status({"SEC-01": "fail"})
        await pilot.press("r")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReportScreen)
        await wait_for(pilot, lambda: not screen.loading, what="the report made")
        assert screen.week == "2026-W08"  # READINESS_TODAY is 2026-02-20
        assert "2026-W08" in screen.text and "Payments API launch" in screen.text
        assert screen.gate_status == {"SEC-01": "fail"}
        await pilot.press("left_square_bracket")
        await wait_for(pilot, lambda: not screen.loading, what="the report made")
        assert screen.week == "2026-W07" and "2026-W07" in screen.text
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ReportScreen)


async def test_burndown_pane_is_registered_shows_and_follows_edits(launch_board: Path, make_app, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from textual.widgets import TabbedContent

    from readiness_tui.ui.panes.burndown import BurndownPane

    # The chart ends today and rewinds the history to each day: today must be the edit's day.
    monkeypatch.delenv("READINESS_TODAY")
    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        keys = [s.key for s in app.main.pane_specs]
        assert "burndown" in keys and "gates" in keys
        await pilot.press(str(keys.index("burndown") + 1))

        def drawn() -> bool:
            pane = app.main.pane("burndown")
            return isinstance(pane, BurndownPane) and pane.data is not None

        await wait_for(pilot, drawn, what="the burndown drawn")
        assert app.query_one(TabbedContent).active == "tab-burndown"
        pane = app.main.pane("burndown")
        assert isinstance(pane, BurndownPane) and pane.data is not None
        before = pane.data.open_items[-1]
        assert f"{before} open items" in str(pane.query_one("#burndown-summary").render())
        app.main.set_status_of("SEC-02", "done")
        await wait_for(
            pilot,
            lambda: pane.data is not None and pane.data.open_items[-1] == before - 1,
            what="the edit in the chart",
        )


async def test_u_undoes_in_the_burndown_pane_and_v_switches_the_chart(launch_board: Path, make_app) -> None:  # type: ignore[no-untyped-def]
    from readiness_tui.ui.panes.burndown import BurndownPane

    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        before = launch_board.read_text()
        await pilot.press("s")  # an edit, saved at once
        await wait_for(pilot, lambda: launch_board.read_text() != before, what="the edit saved")
        await pilot.press(str([s.key for s in app.main.pane_specs].index("burndown") + 1))
        await wait_for(pilot, lambda: isinstance(app.main.pane("burndown"), BurndownPane), what="the burndown shown")
        pane = app.main.pane("burndown")
        assert isinstance(pane, BurndownPane)
        await wait_for(pilot, lambda: app.focused is pane, what="the burndown focused")
        await pilot.press("u")
        await wait_for(pilot, lambda: launch_board.read_text() == before, what="undone on disk")
        assert pane.mode == "burndown"
        await pilot.press("v")
        assert pane.mode == "burnup"
