"""SVG snapshots of the app's own panes at 120x40 (backlog in every shipped theme, detail, form).

Regenerate after an intended change with ``pytest tests/ui/test_app_snapshots.py --snapshot-update``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

SIZE = (120, 40)
THEMES = ["readiness-dark", "readiness-light", "readiness-contrast"]


@pytest.mark.parametrize("theme", THEMES)
def test_backlog(theme: str, launch_board: Path, make_app, snap_compare) -> None:
    app = make_app(launch_board, theme=theme)
    assert snap_compare(app, terminal_size=SIZE, press=["j", "j"])


def test_backlog_grouped_and_filtered(launch_board: Path, make_app, snap_compare) -> None:
    app = make_app(launch_board)

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press("v", "o", "o", "o", "o", "slash", *"open")
        await pilot.pause()
        await pilot.press("enter")

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_detail(launch_board: Path, make_app, snap_compare) -> None:
    app = make_app(launch_board)

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        pilot.app.main.open_item("LT-01")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_edit_form(launch_board: Path, make_app, snap_compare) -> None:
    app = make_app(launch_board)
    assert snap_compare(app, terminal_size=SIZE, press=["j", "e"])
