"""The action registry and the user's keymap: every binding has an id; a remapped key does the
action, and help, the footer and the palette name the user's key. Also the keys #14 asked to work
in every pane: ``n`` (go/no-go reasons), ``W`` (the weekly update), and ``u`` in Burndown."""

from __future__ import annotations

from pathlib import Path

from shell_helpers import opens_from_each_pane
from textual.binding import Binding
from textual.widgets import OptionList, Static, TabbedContent
from ui_helpers import palette_commands, record_notices, wait_for

from readiness_tui.core.analysis.gonogo import evaluate
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.settings.config import load_config, user_config_path
from readiness_tui.ui.actions import MAIN, binding_ids, scopes
from readiness_tui.ui.screens.gonogo import GoNoGoScreen, named_item
from readiness_tui.ui.screens.help import HelpScreen
from readiness_tui.ui.screens.report import ReportScreen

SIZE = (120, 40)


def app_with_settings(make_app, board: Path, text: str, where: Path):  # type: ignore[no-untyped-def]
    """The app over ``board`` with ``text`` as the user's settings file (read from ``where``)."""
    path = user_config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return make_app(board, settings=load_config(start=where))


def help_text(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one("#help-text", Static).render())


def test_every_binding_of_every_screen_pane_and_widget_has_an_id_naming_one_action() -> None:
    # One id, one action: panes built on the same list widget share its bindings (and their ids).
    seen: dict[str, tuple[str, str]] = {}
    for heading, bindings in [("main", [s.binding() for s in MAIN]), *scopes()]:
        for b in bindings:
            assert isinstance(b, Binding) and b.id, f"{heading}: {b} has no id"
            assert seen.setdefault(b.id, (b.key, b.action)) == (b.key, b.action), f"{b.id} in {heading}"
    assert {"undo", "report", "gonogo", "gates.run_selected", "burndown.toggle_mode"} <= binding_ids()


def test_the_main_screen_binds_exactly_the_registry() -> None:
    from readiness_tui.ui.app import ReadinessApp
    from readiness_tui.ui.screens.main import MainScreen

    main = {(b.id, b.key, b.action) for b in MainScreen.BINDINGS if isinstance(b, Binding)}
    assert main == {(s.id, s.keys, s.action) for s in MAIN}
    on_every_screen = {b.id for b in ReadinessApp.BINDINGS if isinstance(b, Binding)}
    assert on_every_screen == {"quit", "help", "board", "theme"}


async def test_a_user_keymap_moves_a_key_and_help_footer_and_palette_say_so(
    launch_board: Path, make_app, tmp_path: Path
) -> None:
    app = app_with_settings(make_app, launch_board, 'keymap = { report = "ctrl+o", undo = "U" }\n', tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        # The old keys do nothing now; the new ones do the action.
        await pilot.press("r")
        await pilot.pause()
        assert not isinstance(app.screen, ReportScreen)
        await pilot.press("ctrl+o")
        await wait_for(pilot, lambda: isinstance(app.screen, ReportScreen), what="the report by ctrl+o")
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, ReportScreen), what="the report closed")
        before = launch_board.read_bytes()
        await pilot.press("s")  # an edit, saved
        await wait_for(pilot, lambda: launch_board.read_bytes() != before, what="the edit saved")
        await pilot.press("u")
        await pilot.pause()
        assert launch_board.read_bytes() != before  # u is no longer undo
        await pilot.press("U")
        await wait_for(pilot, lambda: launch_board.read_bytes() == before, what="U undoing the edit")
        # The footer shows the bindings as remapped.
        active = {b.binding.id: b.binding.key for b in app.screen.active_bindings.values()}
        assert active.get("report") == "ctrl+o" and active.get("undo") == "U"
        # The palette names the user's key.
        commands = palette_commands(app)
        assert commands["Weekly update (report)"] == "key ctrl+o"
        assert commands["Undo"] == "key U"
        # So does help.
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen), what="help")
        lines = help_text(app).splitlines()
        assert any(ln.split() == ["ctrl+o", "Report"] for ln in lines), lines
        assert any(ln.split() == ["U", "Undo"] for ln in lines)


async def test_an_unknown_binding_in_the_keymap_is_named_with_a_suggestion(
    launch_board: Path, make_app, tmp_path: Path
) -> None:
    app = app_with_settings(make_app, launch_board, 'keymap = { undoo = "U" }\n', tmp_path)
    notices = record_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: any("undoo" in n.message for n in notices), what="the keymap warning")
        warning = next(n for n in notices if "undoo" in n.message)
        assert "did you mean undo?" in warning.message and warning.severity == "warning"
        assert str(user_config_path()) in warning.message


async def test_help_lists_each_key_under_its_heading(launch_board: Path, make_app) -> None:
    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen), what="help")
        text = help_text(app)

        def section(title: str) -> str:
            body = text.split(title + "\n", 1)[1]
            return body.split("\n\n", 1)[0]

        answers = section("Answers and meetings")
        assert "Go/no-go" in answers
        assert "r W" in answers and "in Gates, where r runs the selected gate" in answers
        assert "Undo" in section("Undo, saving and the board file")
        assert "Undo" not in section("Editing the current item (saved at once)")
        gates = section("Gates pane")
        assert "Run gate" in gates and "Trust" in gates
        assert "Burnup/down" in section("Burndown pane")


async def test_n_shows_every_go_no_go_reason_from_any_pane_and_jumps_to_an_item(launch_board: Path, make_app) -> None:
    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await opens_from_each_pane(app, pilot, "367", "n", GoNoGoScreen)  # matrix, gates, burndown
        store = BoardStore.load(launch_board)
        expected = evaluate(store.board, app.analysis, app.live.gate_status or None)
        assert not expected.go and expected.reasons
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, GoNoGoScreen), what="the reasons")
        screen = app.screen
        assert isinstance(screen, GoNoGoScreen)
        options = screen.query_one(OptionList)
        shown = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert len(shown) == len(expected.reasons)
        for line, reason in zip(shown, expected.reasons, strict=True):
            assert line.startswith(reason)
        assert str(screen.query_one("#gonogo-title", Static).render()).startswith("NO-GO")
        # Jump: the first reason that names an item opens its detail.
        ids = {it.id for it in store.board.items}
        index, target = next((i, named_item(r, ids)) for i, r in enumerate(expected.reasons) if named_item(r, ids))
        options.highlighted = index
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.main.current_item_id == target, what="the jump")
        assert not isinstance(app.screen, GoNoGoScreen)
        assert app.query_one(TabbedContent).active == "tab-detail"


def test_a_reason_names_the_item_it_is_about_and_no_other() -> None:
    ids = {"SEC-02", "SEC-2", "A"}
    assert named_item("P0 item SEC-02 is not done (todo)", ids) == "SEC-02"
    assert named_item("risk R-1 (critical) has no mitigating item", ids) is None
    assert named_item("milestone M1 is overdue (due 2026-02-18, 2 open)", ids) is None


async def test_w_opens_the_report_in_every_pane_and_r_runs_a_gate_in_gates(launch_board: Path, make_app) -> None:
    app = make_app(launch_board)
    ran: list[object] = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.live.run_gates = lambda ids=None, ask=True: ran.append(ids)  # type: ignore[method-assign]
        await opens_from_each_pane(app, pilot, "1234567", "W", ReportScreen)
        await pilot.press("6", "r")
        await wait_for(pilot, lambda: bool(ran), what="r running a gate in Gates")
        assert not isinstance(app.screen, ReportScreen)


async def test_u_undoes_in_the_burndown_pane(launch_board: Path, make_app) -> None:
    from readiness_tui.ui.panes.burndown import BurndownPane

    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        before = launch_board.read_bytes()
        await pilot.press("s")
        await wait_for(pilot, lambda: launch_board.read_bytes() != before, what="the edit saved")
        await pilot.press("7")
        await wait_for(pilot, lambda: bool(app.screen.query(BurndownPane)), what="the burndown pane")
        pane = app.screen.query_one(BurndownPane)
        await wait_for(pilot, lambda: pane.has_focus_within, what="the burndown focused")
        mode = pane.mode
        await pilot.press("u")
        await wait_for(pilot, lambda: launch_board.read_bytes() == before, what="u undoing in Burndown")
        assert pane.mode == mode
        await pilot.press("v")
        assert pane.mode != mode


async def test_a_keymap_clash_is_named_and_the_keymaps_binding_wins(
    launch_board: Path, make_app, tmp_path: Path
) -> None:
    app = app_with_settings(make_app, launch_board, 'keymap = { undo = "s" }\n', tmp_path)
    notices = record_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        before = launch_board.read_bytes()
        await pilot.press("S")  # status menu: pick a status, saved
        await wait_for(pilot, lambda: app.screen is not app.main, what="the status menu")
        await pilot.press("4")
        await wait_for(pilot, lambda: launch_board.read_bytes() != before, what="the edit saved")
        await pilot.press("s")  # now undo, not the status cycle
        await wait_for(pilot, lambda: launch_board.read_bytes() == before, what="s undoing")
        await pilot.press("s")
        await pilot.pause()
        clashes = [n for n in notices if "keymap: s is given to" in n.message]
        assert len(clashes) == 1 and "status.cycle no longer has it" in clashes[0].message
