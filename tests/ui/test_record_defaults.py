"""The app and ``readiness set`` agree on what a new record starts with (``NEW_RECORD_DEFAULTS``)
and on how a waiver without an id is named (``record_edits.ref_at``): the same keys in the app and
the same words in the shell write the same file."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner
from test_record_forms import press_on_sec01_gate
from textual.widgets import OptionList, Static
from ui_helpers import wait_for

from readiness_tui.cli import cli
from readiness_tui.core.board.store import BoardStore
from readiness_tui.ui.screens.dialogs import ChoiceScreen
from readiness_tui.ui.screens.main import MainScreen
from readiness_tui.ui.screens.record_form import RecordFormScreen

SIZE = (120, 40)


def field(app, key: str):  # type: ignore[no-untyped-def]
    return app.screen.query_one("#f-" + key)


async def test_a_new_waiver_in_the_app_and_in_the_shell_write_the_same_file(
    launch_board: Path, tmp_path: Path, make_app
) -> None:
    shell = tmp_path / "shell.toml"
    shutil.copy(launch_board, shell)
    res = CliRunner().invoke(cli, ["set", str(shell), "--add", "waiver", "item=SEC-01", "reason=Vendor outage"])
    assert res.exit_code == 0, res.output
    # No id: named by its place, the name `set` takes back (and the app's menu shows).
    assert "waivers:#1: added" in res.output
    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        await press_on_sec01_gate(pilot, "w", RecordFormScreen)
        assert field(app, "expires").value == "+30d"  # the core's default, shown to be changed
        await pilot.press(*"Vendor outage", "ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen), what="form closed")
    assert launch_board.read_text() == shell.read_text()
    (waiver,) = BoardStore.load(shell).board.waivers
    assert str(waiver.expires) == "2026-03-22"  # today (frozen 2026-02-20) + 30 days


async def test_a_new_deliverable_starts_to_do_in_the_app_and_in_the_shell(
    launch_board: Path, tmp_path: Path, make_app
) -> None:
    shell = tmp_path / "shell.toml"
    shutil.copy(launch_board, shell)
    res = CliRunner().invoke(cli, ["set", str(shell), "--add", "deliverable:docs/runbook.md", "item=SEC-01"])
    assert res.exit_code == 0, res.output
    assert "deliverables:docs/runbook.md: added" in res.output
    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        app.main.current_item_id = "SEC-01"
        app.main.action_deliverables()
        await wait_for(pilot, lambda: bool(app.screen.query("#f-path")), what="deliverable form")
        assert field(app, "status").value == "todo"
        field(app, "path").value = "docs/runbook.md"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen), what="form closed")
    assert launch_board.read_text() == shell.read_text()
    assert 'status = "todo"' in shell.read_text()


async def test_waivers_without_ids_are_named_alike_in_the_menu_and_in_the_shell(launch_board: Path, make_app) -> None:
    text = launch_board.read_text()
    for day in (1, 2):  # two waivers of the same item, neither with an id
        text += f'\n[[waivers]]\nitem = "SEC-01"\nexpires = 2026-05-0{day}\n'
    launch_board.write_text(text)
    res = CliRunner().invoke(cli, ["set", str(launch_board), "waiver:#2", "reason=Second vendor"])
    assert res.exit_code == 0, res.output
    assert "waivers:#2.reason: '' -> 'Second vendor'" in res.output
    res = CliRunner().invoke(cli, ["set", str(launch_board), "waiver:SEC-01", "reason=x"])
    assert res.exit_code == 1 and "name one: #1, #2" in res.output  # the item names both
    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        await press_on_sec01_gate(pilot, "w", ChoiceScreen)
        menu = app.screen.query_one("#choices", OptionList)
        labels = [str(menu.get_option_at_index(n).prompt) for n in range(menu.option_count)]
        assert [label.split("  ", 1)[1] for label in labels] == ["waiver #1", "waiver #2", "New waiver"]
        await pilot.press("2")
        await wait_for(pilot, lambda: isinstance(app.screen, RecordFormScreen), what="waiver form")
        assert "Edit waiver #2" in str(app.screen.query_one(".dialog-title", Static).render())
        assert field(app, "reason").text == "Second vendor"
