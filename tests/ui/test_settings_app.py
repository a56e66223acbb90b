"""The app reads the settings `readiness config` prints: standup grouping and speaker time, the output
directory (reports and standup SVGs go there, named on screen), and the user's theme."""

from __future__ import annotations

from pathlib import Path

import pytest
from shell_helpers import open_report
from textual.widgets import Static
from ui_helpers import record_notices, wait_for

from readiness_tui.core.settings.config import load_config, user_config_path
from readiness_tui.ui.screens.standup import StandupScreen

SIZE = (120, 40)


@pytest.fixture
def project(launch_board: Path) -> Path:
    """A project file at the root of the board's repository."""
    root = launch_board.parent.parent
    (root / ".git").mkdir()
    (root / ".readiness.toml").write_text(
        'output_dir = "out/readiness"\n\n[standup]\ngroup_by = "workstream"\nspeaker_seconds = 30\n',
        encoding="utf-8",
    )
    return root


async def test_standup_and_report_follow_the_project_settings(project: Path, launch_board: Path, make_app) -> None:
    settings = load_config(start=launch_board.parent)
    out = project / "out" / "readiness"
    app = make_app(launch_board, settings=settings)
    notices = record_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("m")
        await wait_for(pilot, lambda: isinstance(app.screen, StandupScreen), what="the standup")
        standup = app.screen
        assert standup.group_by == "workstream" and standup.speaker_seconds == 30
        await pilot.press("e")  # the slide as SVG: into the output directory, and said where
        await wait_for(pilot, lambda: list(out.glob("standup-launch-*.svg")), what="the SVG in out/")
        svg = next(out.glob("standup-launch-*.svg"))
        assert any(str(svg) in n.message for n in notices)
        assert not list(launch_board.parent.glob("*.svg")) and not list(project.glob("*.svg"))
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, StandupScreen), what="the standup closed")
        report = await open_report(app, pilot)
        saved = out / "launch-2026-W08.md"
        # The place is named before anything is written.
        assert f"s saves to {saved}" in str(report.query_one("#report-where", Static).render())
        await pilot.press("s")
        await wait_for(pilot, lambda: saved.exists(), what="the report saved")
        assert saved.read_text(encoding="utf-8") == report.text
        assert any(f"Saved {saved}" in n.message for n in notices)
        assert not list(launch_board.parent.glob("launch-2026-W08*"))


async def test_with_no_output_dir_the_report_is_saved_beside_the_board_and_named(launch_board: Path, make_app) -> None:
    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        report = await open_report(app, pilot)
        saved = launch_board.parent / "launch-2026-W08.md"
        assert f"s saves to {saved}" in str(report.query_one("#report-where", Static).render())


async def test_the_users_theme_is_used_and_a_wrong_one_is_named(launch_board: Path, make_app, tmp_path: Path) -> None:
    path = user_config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('theme = "readiness-light"\n', encoding="utf-8")
    app = make_app(launch_board, settings=load_config(start=tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "readiness-light"
    path.write_text('theme = "readiness-purple"\n', encoding="utf-8")
    app = make_app(launch_board, settings=load_config(start=tmp_path))
    notices = record_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: any("readiness-purple" in n.message for n in notices), what="the warning")
        assert app.theme == "readiness-dark"
        warning = next(n for n in notices if "readiness-purple" in n.message)
        assert f"{path}:1" in warning.message and "readiness-light" in warning.message


async def test_a_mistyped_setting_is_shown_in_the_app_with_its_line(
    project: Path, launch_board: Path, make_app
) -> None:
    (project / ".readiness.toml").write_text("[standup]\nspeaker_secs = 30\n", encoding="utf-8")
    app = make_app(launch_board, settings=load_config(start=launch_board.parent))
    notices = record_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: any("speaker_secs" in n.message for n in notices), what="the warning")
        warning = next(n for n in notices if "speaker_secs" in n.message)
        assert ".readiness.toml:2" in warning.message and "standup.speaker_seconds" in warning.message
