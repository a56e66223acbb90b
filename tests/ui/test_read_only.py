"""A read-only app (``readiness serve --read-only``): no edit, no save, no gate run, no trust."""

from __future__ import annotations

from pathlib import Path

from readiness_tui.ui.readonly import EDIT_ACTIONS


def _files(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in directory.rglob("*") if p.is_file()}


async def test_read_only_refuses_edits_gates_and_trust(launch_board: Path, make_app) -> None:
    before = _files(launch_board.parent)
    app = make_app(launch_board, read_only=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for action in ("cycle_status", "add_item", "history", "save", "run_all_gates", "trust_board", "pick_theme"):
            assert action in EDIT_ACTIONS
            assert app.main.check_action(action, ()) is False and app.check_action(action, ()) is False
        assert app.main.check_action("standup", ()) is True and app.check_action("help", ()) is True
        item = app.main.current_item_id
        result = app.editor.set_status(item, "done")  # the controller refuses on its own
        assert not result.ok and "read-only" in result.error
        screens = len(app.screen_stack)
        app.live.run_gates(None)  # as the Gates pane's messages do
        app.live.ask_trust()
        app.live.toggle_auto_run()
        await pilot.pause()
        assert len(app.screen_stack) == screens  # no trust dialog
        assert app.live.auto_run is False
        await pilot.press("s", "a", "u", "ctrl+s")
        await pilot.pause()
        assert app.editor.undo_stack == []
    assert _files(launch_board.parent) == before


async def test_normal_app_allows_the_same_actions(launch_board: Path, make_app) -> None:
    app = make_app(launch_board)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert all(app.main.check_action(a, ()) is True for a in ("cycle_status", "save", "run_all_gates"))
        assert app.editor.set_status(app.main.current_item_id, "done").ok
