"""A keymap key written as a person writes it ("F4", "Ctrl+K") fires; one that names no key is
refused with a warning on its line, and its binding keeps its default key."""

from __future__ import annotations

from pathlib import Path

from ui_helpers import record_notices, wait_for

from readiness_tui.core.settings.config import load_config, user_config_path
from readiness_tui.ui.screens.help import HelpScreen
from readiness_tui.ui.screens.report import ReportScreen

SIZE = (120, 40)


def app_with_keymap(make_app, board: Path, text: str, where: Path):  # type: ignore[no-untyped-def]
    path = user_config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return make_app(board, settings=load_config(start=where))


async def test_f4_and_ctrl_k_as_written_fire(launch_board: Path, make_app, tmp_path: Path) -> None:
    app = app_with_keymap(make_app, launch_board, 'keymap = { report = "F4", help = "Ctrl+K" }\n', tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f4")
        await wait_for(pilot, lambda: isinstance(app.screen, ReportScreen), what="the report by F4")
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, ReportScreen), what="the report closed")
        await pilot.press("ctrl+k")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen), what="help by Ctrl+K")


async def test_a_key_that_names_none_warns_and_the_default_key_stays(
    launch_board: Path, make_app, tmp_path: Path
) -> None:
    app = app_with_keymap(make_app, launch_board, 'keymap = { report = "F44" }\n', tmp_path)
    notices = record_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: any("F44" in n.message for n in notices), what="the keymap warning")
        warning = next(n for n in notices if "F44" in n.message)
        assert f"{user_config_path()}:1" in warning.message and warning.severity == "warning"
        await pilot.press("W")  # report's default key still works
        await wait_for(pilot, lambda: isinstance(app.screen, ReportScreen), what="the report by its default key")
