"""First view shows the answer: in the app, the Plan pane opens at its critical path and the Risk
pane at its summary, whichever item the backlog had selected; the edit keys then act on the item
under the pane's cursor, and a later visit follows the current item."""

from __future__ import annotations

from pathlib import Path

from ui_helpers import drawn_lines, record_notices, wait_for

from readiness_tui.core.board.store import BoardStore
from readiness_tui.ui.panes.plan import PlanPane
from readiness_tui.ui.panes.risks import RiskPane

#: Small enough that the selected item is a screen or more below the answer.
SIZE = (100, 24)


def status_on_disk(path: Path, item_id: str) -> str:
    return BoardStore.load(path).item(item_id).status


async def test_plan_opens_at_the_critical_path_and_edits_what_its_cursor_shows(launch_board: Path, make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("G", "k", "k")  # far down the plan: a wave and the waiting list
        assert app.main.current_item_id == "DOC-02"
        await pilot.press("5")
        await wait_for(pilot, lambda: app.main.query(PlanPane) and app.main.query_one(PlanPane).rows, what="plan built")
        pane = app.main.query_one(PlanPane)
        await pilot.pause()
        lines = [line.rstrip() for line in drawn_lines(pane)]
        assert lines[0].startswith("Plan · Payments API launch")
        assert lines[2].startswith("Critical path · 8.5 days · 5 items")
        assert [line.split()[1] for line in lines[3:8]] == ["VLT-01", "VLT-02", "LT-01", "RB-02", "GO-01"]
        assert pane.cursor_key == "cp:VLT-01" and pane.scroll_y == 0
        # `s` changes the item the cursor is on, not the one the backlog had selected.
        assert status_on_disk(launch_board, "VLT-01") == "in_progress"
        await pilot.press("s")
        await wait_for(pilot, lambda: status_on_disk(launch_board, "VLT-01") != "in_progress", what="saved")
        assert status_on_disk(launch_board, "DOC-02") == "todo"
        # A later visit follows the item chosen elsewhere.
        await pilot.press("1", "g", "j", "j", "j")
        chosen = app.main.current_item_id
        assert chosen == "VLT-02"  # the backlog's fourth row: not the item either view had before
        await pilot.press("5")
        await wait_for(pilot, lambda: pane.cursor_item == chosen, what="plan follows the current item")


async def test_risks_open_at_their_summary(launch_board: Path, make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("G", "k")  # GO-01: a P0 item no risk names, listed last
        assert app.main.current_item_id == "GO-01"
        await pilot.press("4")
        await wait_for(
            pilot, lambda: app.main.query(RiskPane) and app.main.query_one(RiskPane).rows, what="risks built"
        )
        pane = app.main.query_one(RiskPane)
        await pilot.pause()
        lines = [line.rstrip() for line in drawn_lines(pane)]
        assert lines[0].startswith("Risk map · Payments API launch")
        assert lines[1].startswith("3 risks · ")
        assert pane.scroll_y == 0
        first = next(key for key, _item, _payload in pane.rows if key is not None)
        assert pane.cursor_key == first and pane.cursor_item is None  # a risk, not an item
        # `s` on a risk line changes nothing: not GO-01, which this pane's cursor is not on.
        notices = record_notices(app)
        before = launch_board.read_text()
        await pilot.press("s")
        await wait_for(pilot, lambda: notices, what="a notice")
        assert notices[-1].message == "No item selected." and launch_board.read_text() == before


async def test_another_board_opens_the_plan_at_its_answer_again(launch_board: Path, make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")
        await wait_for(pilot, lambda: app.main.query(PlanPane) and app.main.query_one(PlanPane).rows, what="plan built")
        pane = app.main.query_one(PlanPane)
        await pilot.pause()
        await pilot.press("G")  # the last line of the plan: far from its answer
        await wait_for(pilot, lambda: pane.scroll_y > 0, what="scrolled down")
        # The other board's first item (the current item after the switch) is off its critical path.
        other = launch_board.parent / "other.toml"
        other.write_text(
            '[board]\ntitle = "Other board"\n\n[[items]]\nid = "A"\ntitle = "Short"\nestimate_days = 1\n\n'
            '[[items]]\nid = "B"\ntitle = "Long"\nestimate_days = 5\n\n'
            '[[items]]\nid = "C"\ntitle = "After B"\nestimate_days = 1\ndepends_on = ["B"]\n',
            encoding="utf-8",
        )
        app.switch_board(other)
        await wait_for(pilot, lambda: pane.cursor_key == "cp:B", what="the other board's critical path")
        await pilot.pause()
        assert pane.scroll_y == 0 and app.main.current_item_id == "A"
        assert [line.rstrip() for line in drawn_lines(pane)][0].startswith("Plan · Other board")
