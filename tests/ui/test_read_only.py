"""A read-only app (``readiness serve --read-only``): no edit, no save, no gate run, no trust."""

from __future__ import annotations

from pathlib import Path

from textual.binding import Binding

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


def _written(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` (the board's directory and what sits beside it), by path."""
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


async def _back_to(pilot, app, depth: int) -> None:  # type: ignore[no-untyped-def]
    """Close the screens a key opened, down to ``depth`` screens."""
    while len(app.screen_stack) > depth:
        app.pop_screen()
        await pilot.pause()


def _keys(bindings: dict[str, list[Binding]]) -> list[str]:
    """One key for each binding of the action registry (``ui.actions``: ``MAIN`` and ``scopes()``,
    each binding with its id) among ``bindings`` (a node's, by key); Textual's own moves (a
    table's arrows) are not the registry's. Not quitting: the app would end there."""
    from readiness_tui.ui.actions import binding_ids

    registry = binding_ids()
    keys: list[str] = []
    done: set[str] = set()
    for key, bound in bindings.items():
        ids = {b.id for b in bound if b.id in registry} - done
        if ids and not any(b.action.split(".")[-1] in ("quit", "quit_app") for b in bound):
            keys.append(key)
            done |= ids
    return keys


def _pane_keys(app) -> list[str]:  # type: ignore[no-untyped-def]
    """The keys of the focused pane and its widgets (refused ones too: ``active_bindings`` would
    leave those out), not the screen's or the app's."""
    focused = app.screen.focused
    chain = [n for n in focused.ancestors_with_self if n not in (app.screen, app)] if focused else []
    return [k for node in chain for k in _keys(node._bindings.key_to_bindings)]


async def _press_every_key(pilot, app, keys: list[str], walked: set[str]) -> None:  # type: ignore[no-untyped-def]
    """Press ``keys`` where the app is; a screen a key opens (the first time) gets every key of
    its own pressed the same way, then is closed."""
    base = len(app.screen_stack)
    screen = app.screen
    for key in keys:
        if app.screen is not screen:  # the previous key closed it (escape, q): nothing to press on
            break
        await pilot.press(key)
        if len(app.screen_stack) > base:
            name = type(app.screen).__name__
            if name not in walked:
                walked.add(name)
                await _press_every_key(pilot, app, _keys(app.screen._bindings.key_to_bindings), walked)
            await _back_to(pilot, app, base)


async def test_read_only_every_key_and_palette_command_writes_nothing(
    launch_board: Path, make_app, tmp_path: Path
) -> None:
    """The whole action registry by its keys, on every pane and on every screen they open, then
    every command of the palette: the board is byte for byte the same and nothing was written
    beside it (nor in the user's settings)."""
    import inspect
    import os

    from readiness_tui.ui.actions import MAIN
    from readiness_tui.ui.commands import ReadinessCommands
    from readiness_tui.ui.panes.registry import panes

    config = Path(os.environ["XDG_CONFIG_HOME"])
    before, settings = _written(tmp_path), _written(config) if config.exists() else {}
    app = make_app(launch_board, read_only=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        main = app.screen
        walked: set[str] = set()
        on_main = {**app._bindings.key_to_bindings, **main._bindings.key_to_bindings}
        ids = {b.id for bound in on_main.values() for b in bound}
        assert {spec.id for spec in MAIN} <= ids  # the whole registry's MAIN is bound here
        await _press_every_key(pilot, app, _keys(on_main) + _pane_keys(app), walked)
        for n in range(2, len(panes()) + 1):  # each other pane, with the keys of its own
            await pilot.press(str(n))
            await _press_every_key(pilot, app, _pane_keys(app), walked)
        # The screens a viewer may open (the others belong to edits, which are refused).
        assert {"HelpScreen", "StandupScreen", "JumpScreen", "ReportScreen", "GoNoGoScreen"} <= walked, walked
        assert app.screen is main
        commands = ReadinessCommands(app.screen)._commands()
        assert len(commands) > 20
        for _name, command, _help in commands:
            result = command()
            if inspect.isawaitable(result):
                await result
            await pilot.pause()
            await _back_to(pilot, app, 1)
        await pilot.pause()
    assert _written(tmp_path) == before
    assert (_written(config) if config.exists() else {}) == settings


async def test_read_only_report_names_no_path_and_s_says_so(launch_board: Path, make_app) -> None:
    """Under ``serve --read-only`` the weekly update does not show where the server's files are,
    and ``s`` says that nothing is saved (it said nothing, and saved nothing)."""
    from ui_helpers import record_notices, wait_for

    from readiness_tui.ui.screens.report import ReportScreen

    before = _files(launch_board.parent)
    app = make_app(launch_board, read_only=True)
    async with app.run_test(size=(120, 40)) as pilot:
        notices = record_notices(app)
        await pilot.pause()
        await pilot.press("W")
        await wait_for(pilot, lambda: isinstance(app.screen, ReportScreen) and app.screen.report is not None)
        where = str(app.screen.query_one("#report-where").render())
        assert str(launch_board.parent) not in where and "saves to" not in where
        assert "read-only" in where.lower()
        await pilot.press("s")
        await pilot.pause()
        assert [n.severity for n in notices] == ["warning"] and "read-only" in notices[0].message.lower()
    assert _files(launch_board.parent) == before


async def test_report_still_saves_when_not_read_only(launch_board: Path, make_app) -> None:
    from ui_helpers import wait_for

    from readiness_tui.ui.screens.report import ReportScreen

    app = make_app(launch_board)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("W")
        await wait_for(pilot, lambda: isinstance(app.screen, ReportScreen) and app.screen.report is not None)
        screen = app.screen
        assert f"s saves to {screen.save_path()}" in str(screen.query_one("#report-where").render())
        await pilot.press("s")
        await wait_for(pilot, screen.save_path().exists, what="the saved report")
