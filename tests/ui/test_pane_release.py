"""A list pane left for another lets go of its rows (one or more per item: 10,000 on a large
board) and, shown again, is built anew looking as it was left: the same lines, cursor and scroll."""

from __future__ import annotations

from pathlib import Path

import pytest
from ui_helpers import drawn_lines, linted, show_pane, wait_for

from readiness_tui.bench.generate import write_board
from readiness_tui.ui.lint_runner import SYNC_ITEMS
from readiness_tui.ui.screens.main import MainScreen
from readiness_tui.ui.widgets.line_list import LineList

SIZE = (120, 40)


@pytest.fixture
def release_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A pane lets go as soon as it is left, not half a minute later."""
    monkeypatch.setattr(MainScreen, "RELEASE_AFTER_S", 0.01)


async def _left_and_back(pilot, app, key: str, moves: list[str]) -> None:  # type: ignore[no-untyped-def]
    await pilot.press(key)
    await wait_for(pilot, lambda: app.main.pane_specs and app.main.active_pane() is not None, what="pane")
    pane = app.main.active_pane()
    assert isinstance(pane, LineList)
    await wait_for(pilot, lambda: len(pane.rows) > 40 and pane.size.height > 0, timeout=20, what=f"pane {key} built")
    pane.focus()
    for move in moves:
        await pilot.press(move)
    # On an item's line: coming back, every pane moves to the item the screen is on (the last
    # one highlighted), released or not; on a line of no item that would move the cursor.
    for _ in range(10):
        if pane.cursor_item is not None:
            break
        await pilot.press("down")
    await pilot.pause()
    before = (drawn_lines(pane), pane.cursor_key, pane.scroll_y, len(pane.rows))
    assert pane.cursor_line > 0 and pane.scroll_y > 0  # somewhere down the list, not at its top

    await pilot.press("1")
    await wait_for(pilot, lambda: len(pane.rows) == 0, what="the rows let go")  # nothing held while hidden

    await pilot.press(key)
    await pilot.pause()
    await pilot.pause()
    assert (drawn_lines(pane), pane.cursor_key, pane.scroll_y, len(pane.rows)) == before


async def _gates_shown(pilot, app, at_least: int):  # type: ignore[no-untyped-def]
    """The gates pane, shown with at least ``at_least`` gates, and its table."""
    from readiness_tui.ui.panes.gates import GatesPane
    from readiness_tui.ui.widgets.gate_table import GateTable

    pane = await show_pane(pilot, app, "6", GatesPane, "the gates pane")
    await wait_for(pilot, lambda: len(pane.views) > at_least, timeout=20, what="the gates shown")
    return pane, pane.query_one(GateTable)


async def test_the_plan_and_risk_panes_let_go_of_their_rows_while_hidden(
    tmp_path: Path, make_app, release_at_once
) -> None:
    path = write_board(tmp_path / "board.toml", 800)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await _left_and_back(pilot, app, "5", ["pagedown", "pagedown", "down", "down"])
        await _left_and_back(pilot, app, "4", ["pagedown", "pagedown", "down"])


async def test_the_problems_pane_lets_go_of_its_rows_while_hidden(tmp_path: Path, make_app, release_at_once) -> None:
    path = write_board(tmp_path / "board.toml", SYNC_ITEMS + 100)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await linted(pilot, app)
        await _left_and_back(pilot, app, "8", ["pagedown", "pagedown", "down"])


async def test_the_matrix_lets_go_of_its_grid_while_hidden(tmp_path: Path, make_app, release_at_once) -> None:
    from readiness_tui.ui.panes.matrix import MatrixPane

    path = write_board(tmp_path / "board.toml", 800)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        pane = await show_pane(pilot, app, "3", MatrixPane, "the matrix")
        await wait_for(pilot, lambda: pane.n == 800 and pane.size.height > 0, timeout=20, what="the matrix built")
        pane.focus()
        await pilot.press("pagedown", "pagedown", "down", "ctrl+pagedown", "ctrl+pagedown", "right")
        await pilot.pause()
        before = (drawn_lines(pane), pane.cursor_row_id, pane.cursor_col_id, pane.scroll_x, pane.scroll_y)
        assert pane.scroll_x > 0 and pane.scroll_y > 0

        await pilot.press("1")
        await wait_for(pilot, lambda: (len(pane.ids), len(pane.cells.deps)) == (0, 0), what="the grid let go")

        await pilot.press("3")
        await pilot.pause()
        await pilot.pause()
        after = (drawn_lines(pane), pane.cursor_row_id, pane.cursor_col_id, pane.scroll_x, pane.scroll_y)
        assert after == before


async def test_the_gates_pane_lets_go_of_its_views_while_hidden(tmp_path: Path, make_app, release_at_once) -> None:
    from textual.widgets import Static

    path = write_board(tmp_path / "board.toml", 800)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        pane, table = await _gates_shown(pilot, app, 100)
        table.focus()
        await pilot.press("pagedown", "pagedown", "down")
        await pilot.pause()

        def look() -> tuple[object, ...]:
            texts = [str(s.render()) for s in pane.query(Static)]
            return (drawn_lines(table), table.cursor_key, table.scroll_y, texts)

        before = look()
        assert table.cursor_row > 0 and table.scroll_y > 0
        await pilot.press("1")
        await wait_for(pilot, lambda: len(pane.views) == 0, what="the views let go")  # none held while hidden

        await pilot.press("6")
        await wait_for(pilot, lambda: len(pane.views) > 100, timeout=20, what="the gates shown again")
        await pilot.pause()
        assert look() == before


async def test_a_pane_left_for_a_moment_keeps_its_rows(tmp_path: Path, make_app) -> None:
    """Flipping to another pane and back is instant: nothing is let go before ``RELEASE_AFTER_S``."""
    path = write_board(tmp_path / "board.toml", 800)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        pane = await show_pane(pilot, app, "5", LineList, "the plan")
        await wait_for(pilot, lambda: len(pane.rows) > 40, timeout=20, what="the plan built")
        rows = pane.rows
        await pilot.press("1")
        await pilot.pause()
        await pilot.press("5")
        await pilot.pause()
        assert pane.rows is rows  # the same rows: not let go, not built again


async def test_a_gate_row_drawn_after_the_views_are_let_go_waits_for_them(
    tmp_path: Path, make_app, release_at_once
) -> None:
    """Left, the gates pane holds no views; a row its table draws before they come back (shown
    again while its gates are evaluated, or aged by the clock) shows the gate waiting, not a crash."""
    path = write_board(tmp_path / "board.toml", 200)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        pane, table = await _gates_shown(pilot, app, 10)
        first = table.keys[0]
        await pilot.press("1")
        await wait_for(pilot, lambda: len(pane.views) == 0, what="the views let go")
        table.age_out([first])
        assert table.get_cell(first, "status") == "…"

        await pilot.press("6")
        await wait_for(pilot, lambda: len(pane.views) > 10, timeout=20, what="the gates shown again")
        await pilot.pause()
        assert table.get_cell(first, "status") != "…"
