"""The backlog at 80x24: the title keeps its room (the small columns give way first) and nothing
shows through at the footer's right end. SVG snapshots at 80x24 and 120x40; regenerate after an
intended change with ``--snapshot-update``."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.console import Console
from textual.widgets._footer import FooterKey
from ui_helpers import session_ready, started

from readiness_tui.ui.widgets.backlog_cells import MIN_TITLE
from readiness_tui.ui.widgets.backlog_table import BacklogTable


def screen_lines(app) -> list[str]:  # type: ignore[no-untyped-def]
    """The screen as text, one string per line, as the terminal shows it."""
    width = app.size.width
    console = Console(width=width, record=True, color_system=None, file=open("/dev/null", "w"))  # noqa: SIM115
    console.print(app.screen._compositor.render_update(full=True))
    return console.export_text().splitlines()


async def test_title_keeps_its_room_at_80_columns(launch_board: Path, make_app) -> None:
    app = make_app(launch_board)
    async with started(app, size=(80, 24)) as pilot:
        await session_ready(app, pilot)
        table = app.query_one(BacklogTable)
        widths = {col.key: w for col, _x, w in table.columns(table.size.width)}
        assert widths["title"] >= MIN_TITLE
        assert "dependents" not in widths and "estimate" not in widths  # gave way first
        assert widths["gate"] == 4  # the mark alone
        header = screen_lines(app)[4]
        assert "Title" in header and "Gate" in header and "Est" not in header
        row = next(line for line in screen_lines(app) if line[2:].startswith("LT-01 "))
        assert "Load test at 3x peak" in row  # the whole title, not "Load te…"


async def test_the_footer_ends_with_the_palette_key_at_80_columns(launch_board: Path, make_app) -> None:
    app = make_app(launch_board)
    async with started(app, size=(80, 24)) as pilot:
        await session_ready(app, pilot)
        footer = screen_lines(app)[23]
        assert "^p palette" in footer
        # The last cell is the palette key's own (blank), not a letter of a key overflowing under it.
        assert footer.rstrip().endswith("^p palette")
        last, _region = app.screen.get_widget_at(79, 23)
        assert isinstance(last, FooterKey) and last.has_class("-command-palette")


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_backlog_snapshot(size: tuple[int, int], launch_board: Path, make_app, snap_compare) -> None:
    app = make_app(launch_board)

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await session_ready(pilot.app, pilot)  # the gate column shows the live state

    assert snap_compare(app, terminal_size=size, run_before=run_before)
