"""The Detail pane scrolls to the end of a long item from the keys a reader tries (j, down,
pagedown, end); N adds a progress note that the pane then shows; ctrl+e without an editor says so
before asking what to edit."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.containers import VerticalScroll
from textual.widgets import Input, TabbedContent
from ui_helpers import wait_for

from readiness_tui.core.board.store import BoardStore
from readiness_tui.ui.panes.detail import DetailPane

PLAN = Path(__file__).resolve().parents[2] / "boards" / "final-implementation-plan.toml"
SIZE = (120, 40)


@pytest.mark.parametrize("keys", [("end",), ("pagedown",) * 6, ("j",) * 60, ("down",) * 60])
async def test_the_detail_text_scrolls_to_its_end(make_app, tmp_path: Path, keys: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    board = tmp_path / "plan.toml"
    shutil.copy(PLAN, board)
    app = make_app(board)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await wait_for(pilot, lambda: app.query_one(TabbedContent).active == "tab-detail", what="detail")
        app.action_open_item("T-014")  # a P0 ticket whose text ends in the risk it mitigates
        pane = app.query_one(DetailPane)
        await wait_for(pilot, lambda: app.query_one(TabbedContent).active == "tab-detail", what="detail")
        await wait_for(pilot, lambda: pane.item_id == "T-014", what="T-014 shown")
        scroll = pane.query_one("#detail-scroll", VerticalScroll)
        await wait_for(pilot, lambda: scroll.max_scroll_y > 0, what="a detail text taller than the pane")
        for key in keys:
            await pilot.press(key)
        await wait_for(pilot, lambda: scroll.scroll_y == scroll.max_scroll_y, what=f"{keys[0]}: the end of the text")


async def test_n_adds_a_progress_note_the_detail_pane_shows(make_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    board = tmp_path / "plan.toml"
    shutil.copy(PLAN, board)
    app = make_app(board)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("2")
        await wait_for(pilot, lambda: app.query_one(TabbedContent).active == "tab-detail", what="detail")
        item = app.query_one(DetailPane).item_id
        assert item is not None
        await pilot.press("N")
        await wait_for(pilot, lambda: bool(app.screen.query(Input)), what="the note prompt")
        await pilot.press(*"rollout rehearsed", "enter")
        await wait_for(pilot, lambda: bool(BoardStore.load(board).board.progress), what="the note on disk")
        (note,) = [p for p in BoardStore.load(board).board.progress if p.item == item]
        assert note.text == "rollout rehearsed"
        body = app.query_one("#detail-body")
        await wait_for(pilot, lambda: "rollout rehearsed" in str(body.render()), what="the note in the pane")


async def test_ctrl_e_without_any_editor_says_so_before_asking_what_to_edit(  # type: ignore[no-untyped-def]
    make_app, tmp_path: Path, monkeypatch
) -> None:
    from readiness_tui.ui.screens.dialogs import ChoiceScreen

    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))  # no editor, vi or nano here
    board = tmp_path / "plan.toml"
    shutil.copy(PLAN, board)
    app = make_app(board)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+e")
        await wait_for(pilot, lambda: bool(app._notifications), what="a notification")
        assert not isinstance(app.screen, ChoiceScreen)
        (note,) = list(app._notifications)
        assert "set $VISUAL or $EDITOR" in note.message and "vi" in note.message
