"""The item form after a refused save: focus stays on (or moves to) the refused field, typing goes
there, and the error goes as soon as the value passes the save's own check. Every field has a
visible box, and the focused one's is the accent colour, in every shipped theme. Snapshot at
120x40; regenerate after an intended change with ``--snapshot-update``."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Static
from ui_helpers import started

from readiness_tui.ui.screens.edit_form import EditItemScreen

THEMES = ["readiness-dark", "readiness-light", "readiness-contrast"]


async def _open_form(pilot) -> EditItemScreen:  # type: ignore[no-untyped-def]
    await pilot.press("j", "e")  # SEC-02
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, EditItemScreen)
    return screen


def _error(screen: EditItemScreen, key: str) -> str:
    err = screen.query_one(f"#f-{key}-error", Static)
    return str(err.render()) if err.display else ""


async def test_a_refused_save_keeps_focus_on_the_refused_field_being_edited(launch_board: Path, make_app) -> None:
    app = make_app(launch_board)
    async with started(app) as pilot:
        form = await _open_form(pilot)
        form.query_one("#f-status", Input).value = "doen"  # refused too, and earlier in the form
        form.query_one("#f-priority", Input).focus()
        await pilot.press("ctrl+a", "ctrl+k", *"hgh", "ctrl+s")
        assert _error(form, "status") and _error(form, "priority")
        assert app.focused is form.query_one("#f-priority", Input)
        await pilot.press("ctrl+a", "ctrl+k", "P", "1")  # typing goes into the refused field
        assert form.query_one("#f-priority", Input).value == "P1"
        assert form.query_one("#f-title", Input).value == "Branch protection requires the scan summary"


async def test_a_refused_save_moves_focus_to_the_first_refused_field(launch_board: Path, make_app) -> None:
    app = make_app(launch_board)
    async with started(app) as pilot:
        form = await _open_form(pilot)
        assert app.focused is form.query_one("#f-title", Input)
        form.query_one("#f-owner", Input).value = ""
        form.query_one("#f-priority", Input).value = "hgh"
        form.query_one("#f-owner", Input).focus()  # not refused: the owner may be empty
        await pilot.press("ctrl+s")
        assert app.focused is form.query_one("#f-priority", Input)
        await pilot.press(*"P2")  # the refused value was selected on focus: typing replaces it
        assert form.query_one("#f-priority", Input).value == "P2"
        assert form.query_one("#f-title", Input).value == "Branch protection requires the scan summary"


async def test_fixing_a_refused_value_clears_its_error(launch_board: Path, make_app) -> None:
    app = make_app(launch_board)
    async with started(app) as pilot:
        form = await _open_form(pilot)
        form.query_one("#f-status", Input).value = "doen"
        form.query_one("#f-priority", Input).value = "hgh"
        await pilot.press("ctrl+s")
        assert "did you mean" in _error(form, "status")
        assert "need fixing: status, priority" in str(form.query_one("#form-summary", Static).render())
        assert app.focused is form.query_one("#f-status", Input)
        await pilot.press("x")  # still refused: the error stays
        assert "unknown status 'x'" not in _error(form, "status")  # the save's message, not redone
        assert _error(form, "status")
        await pilot.press("ctrl+a", "ctrl+k", *"done")  # the save's own rule passes it
        assert _error(form, "status") == ""
        assert _error(form, "priority")  # the other refusal stands until it is fixed
        assert str(form.query_one("#form-summary", Static).render()) == "1 field(s) need fixing: priority"
        form.query_one("#f-priority", Input).value = "P1"
        await pilot.pause()
        assert _error(form, "priority") == ""
        assert str(form.query_one("#form-summary", Static).render()) == ""


@pytest.mark.parametrize("theme", THEMES)
async def test_every_field_has_a_box_and_the_focused_one_stands_out(theme: str, launch_board: Path, make_app) -> None:
    app = make_app(launch_board, theme=theme)
    async with started(app) as pilot:
        form = await _open_form(pilot)
        owner = form.query_one("#f-owner", Input)
        owner.value = ""
        await pilot.pause()
        title = form.query_one("#f-title", Input)
        assert app.focused is title
        colours = app.current_theme.to_color_system().generate()
        for field in (owner, title):
            # Drawn in characters (half blocks), so the box shows where panel and surface match.
            assert field.styles.border_left[0] == "outer" and field.styles.border_right[0] == "outer"
        assert title.styles.border_left[1].hex.upper() == colours["accent"].upper()
        assert owner.styles.border_left[1].hex.upper() == colours["foreground-muted"].upper()


def test_form_snapshot_empty_field_and_focus(launch_board: Path, make_app, snap_compare) -> None:
    app = make_app(launch_board)

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        form = await _open_form(pilot)
        form.query_one("#f-owner", Input).value = ""
        form.query_one("#f-priority", Input).value = "hgh"
        await pilot.press("ctrl+s")  # refused: focus and the error on Priority
        await pilot.pause()

    assert snap_compare(app, terminal_size=(120, 40), run_before=run_before)
