"""The app driven through Pilot: keys in, screen and board file checked."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from textual.widgets import Static, TabbedContent
from ui_helpers import palette_commands, press, record_notices, run_from_palette, table_text, wait_for

from readiness_tui.core.board.store import BoardStore
from readiness_tui.ui.messages import EditFields, ToggleDependency
from readiness_tui.ui.screens.conflict import ConflictScreen
from readiness_tui.ui.screens.dialogs import ChoiceScreen, ConfirmScreen, PickItemScreen, PromptScreen
from readiness_tui.ui.screens.edit_form import EditItemScreen
from readiness_tui.ui.screens.help import HelpScreen
from readiness_tui.ui.widgets.backlog_table import BacklogTable

SIZE = (120, 40)
COMMENTS = (
    "# Comments like this one must survive every edit the app makes.",
    'status = "todo"  # needs an admin',
    "# The load test needs the dashboards and the new credentials.",
)


def static_text(app, selector: str) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one(selector, Static).render())


def on_disk(path: Path) -> BoardStore:
    return BoardStore.load(path)


def comments_kept(path: Path) -> bool:
    text = path.read_text()
    return all(c in text for c in COMMENTS if "needs an admin" not in c) and "# needs an admin" in text


def assert_saved(path: Path, item_id: str, **fields: object) -> None:
    """The item has ``fields`` in the file on disk, and the file kept its comments."""
    item = on_disk(path).item(item_id)
    assert {name: getattr(item, name) for name in fields} == fields
    assert comments_kept(path)


async def test_backlog_shows_items_marks_and_header(launch_board: Path, make_app) -> None:
    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = table_text(app)
        assert "ID" in text.splitlines()[0] and "Gate" in text.splitlines()[0]
        lines = {ln[2:].split()[0]: ln for ln in text.splitlines()[1:] if ln[2:].strip()}
        assert lines["SEC-02"].startswith("▶")  # ready
        assert lines["VLT-02"].startswith("■") and "blocked" in lines["VLT-02"]
        assert lines["OBS-02"].startswith("◷")  # waiting on a dependency (■ is the status blocked)
        # A verify gate on a board nobody trusted yet: the live Gate column says so.
        assert lines["SEC-01"].startswith("✓") and "⚠ trust" in lines["SEC-01"]
        assert "2026-02-18!" in lines["VER-01"]  # overdue on the frozen today (2026-02-20)
        assert "3/3" in lines["GO-01"]
        assert "Payments API launch" in static_text(app, "#bar-title")
        gonogo = static_text(app, "#gonogo")
        assert gonogo.startswith("NO-GO")  # P0 items are open
        assert "15 of 15 items" in static_text(app, "#backlog-summary")
        assert isinstance(app.focused, BacklogTable)


async def test_vim_keys_enter_and_number_keys(launch_board: Path, make_app) -> None:
    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "j")
        assert app.main.current_item_id == "VLT-01"
        await pilot.press("G")
        assert app.main.current_item_id == "OLD-01"
        await pilot.press("g", "down")
        assert app.main.current_item_id == "SEC-02"
        await press(pilot, "enter")
        assert app.query_one(TabbedContent).active == "tab-detail"
        body = static_text(app, "#detail-body")
        assert "SEC-02" in body and "Branch protection requires the scan summary" in body
        assert "Depends on (1)" in body and "SEC-01 done" in body
        assert "GO-01" in body  # a dependent
        await press(pilot, "1")
        assert app.query_one(TabbedContent).active == "tab-backlog"
        assert isinstance(app.focused, BacklogTable)


async def test_detail_shows_chain_risks_gate_and_links_jump(launch_board: Path, make_app) -> None:
    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        app.main.open_item("LT-01")
        await pilot.pause()
        body = static_text(app, "#detail-body")
        assert "Blocking chain" in body and "LT-01 → VLT-02 → VLT-01" in body
        assert "R2 Latency regression under peak load" in body
        assert "p99 latency under 300 ms" in body and "make loadtest" in body
        assert "on the critical path" in body
        await press(pilot, "l")
        await press(pilot, "enter")  # the first link: depends on OBS-01
        assert app.main.current_item_id == "OBS-01"
        assert "Dashboards for latency and errors" in static_text(app, "#detail-body")
        assert app.query_one(BacklogTable).current_id == "OBS-01"


async def test_cycle_status_is_saved_with_comments(launch_board: Path, make_app) -> None:
    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "j", "s")
        assert on_disk(launch_board).item("SEC-02").status == "in_progress"
        assert 'status = "in_progress"  # needs an admin' in launch_board.read_text()
        assert comments_kept(launch_board)
        assert "in progress" in table_text(app).splitlines()[2]
        assert "saved" in static_text(app, "#bar-state")


async def test_status_and_priority_menus(launch_board: Path, make_app) -> None:
    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "j", "S")
        assert isinstance(app.screen, ChoiceScreen)
        await press(pilot, "5")  # done
        await press(pilot, "p")
        await press(pilot, "2")  # P2
        assert_saved(launch_board, "SEC-02", status="done", priority="P2")


async def test_owner_target_estimate_prompts_validate(launch_board: Path, make_app) -> None:
    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "w")
        assert isinstance(app.screen, PromptScreen)
        await pilot.press("ctrl+u", *"@zed", "enter")
        await press(pilot, "t")
        await press(pilot, "ctrl+u", *"soon", "enter")
        assert isinstance(app.screen, PromptScreen)  # refused, still asking
        assert "expected an ISO week" in static_text(app, "#prompt-error")
        await pilot.press("ctrl+u", *"2026-w12", "enter")
        await press(pilot, "E")
        await press(pilot, "ctrl+u", *"1.5", "enter")
        assert_saved(launch_board, "SEC-01", owner="@zed", target="2026-W12", estimate_days=1.5)


async def test_edit_form_validates_then_saves(launch_board: Path, make_app) -> None:
    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "j", "e")
        assert isinstance(app.screen, EditItemScreen)
        await pilot.press("ctrl+u", *"Require the scan summary")
        app.screen.query_one("#f-estimate_days").value = "lots"  # type: ignore[attr-defined]
        await press(pilot, "ctrl+s")
        assert isinstance(app.screen, EditItemScreen)
        assert "must be a number" in static_text(app, "#f-estimate_days-error")
        assert on_disk(launch_board).item("SEC-02").title.startswith("Branch")  # nothing written
        app.screen.query_one("#f-estimate_days").value = "2"  # type: ignore[attr-defined]
        await press(pilot, "ctrl+s")
        assert_saved(launch_board, "SEC-02", title="Require the scan summary", estimate_days=2)


async def test_add_duplicate_and_delete(launch_board: Path, make_app) -> None:
    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "a")
        assert isinstance(app.screen, EditItemScreen)
        # The next free number, tagged with this clone (ids made on two clones must not collide).
        assert re.fullmatch(r"SEC-03-[a-z2-7]{3}", app.screen.query_one("#f-id").value)  # type: ignore[attr-defined]
        app.screen.query_one("#f-id").value = "NEW-01"  # type: ignore[attr-defined]
        await press(pilot, *"Write the launch email", "ctrl+s")
        store = on_disk(launch_board)
        assert store.item("NEW-01").title == "Write the launch email"
        assert store.item("NEW-01").phase == "A"  # taken from the item it was added after
        assert app.main.current_item_id == "NEW-01"
        await press(pilot, "y")
        copies = [it for it in on_disk(launch_board).board.items if re.fullmatch(r"NEW-02-[a-z2-7]{3}", it.id)]
        assert [c.title for c in copies] == ["Write the launch email"]
        # Delete a referenced item: asks, then removes the references too.
        app.main.open_item("LT-01")
        await press(pilot, "1", "X")
        assert isinstance(app.screen, ConfirmScreen)
        await press(pilot, "n")
        assert "LT-01" in on_disk(launch_board).board.item_map()
        await press(pilot, "X")
        await press(pilot, "y")
        store = on_disk(launch_board)
        assert "LT-01" not in store.board.item_map()
        assert "LT-01" not in store.item("GO-01").depends_on
        assert " LT-01 " not in table_text(app)
        text = launch_board.read_text()
        assert COMMENTS[0] in text and "# needs an admin" in text  # the other items' comments are kept
        assert COMMENTS[2] not in text  # LT-01's own comment went with it


async def test_dependencies_add_remove_and_cycle_refused(launch_board: Path, make_app) -> None:
    app = make_app(launch_board)
    notices = record_notices(app)  # notifications, through the public notify
    async with app.run_test(size=SIZE) as pilot:
        before = launch_board.read_text()
        await press(pilot, "plus")  # SEC-01 depends on ...
        assert isinstance(app.screen, PickItemScreen)
        await press(pilot, *"GO-01", "enter")
        assert launch_board.read_text() == before  # GO-01 already depends on SEC-01 through SEC-02
        assert any("cycle" in n.message for n in notices)
        app.main.open_item("OBS-01")
        await press(pilot, "plus")
        await press(pilot, *"SEC-01", "enter")
        assert on_disk(launch_board).item("OBS-01").depends_on == ["SEC-01"]
        await press(pilot, "minus")
        await press(pilot, "enter")
        assert on_disk(launch_board).item("OBS-01").depends_on == []


async def test_undo_redo_keys_restore_the_file(launch_board: Path, make_app) -> None:
    original = launch_board.read_bytes()
    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "s", "s")
        after = launch_board.read_bytes()
        await press(pilot, "u", "ctrl+z")
        assert launch_board.read_bytes() == original
        assert "todo" in table_text(app).splitlines()[2]
        await press(pilot, "ctrl+y", "ctrl+r")
        assert launch_board.read_bytes() == after
        assert on_disk(launch_board).item("SEC-02").status == "review"


async def test_filter_sort_and_group(launch_board: Path, make_app) -> None:
    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "slash")
        await press(pilot, *"owner:@ana")
        text = table_text(app)
        assert "SEC-01" in text and "GO-01" in text and "VLT-01" not in text
        assert "3 of 15 items" in static_text(app, "#backlog-summary")
        await pilot.press("enter")  # back to the table
        assert isinstance(app.focused, BacklogTable)
        await press(pilot, "slash", "escape")  # escape clears
        assert "15 of 15" in static_text(app, "#backlog-summary")
        app.query_one(BacklogTable).focus()
        await press(pilot, "o", "o", "o", "o")  # none -> id -> title -> status -> priority
        rows = table_text(app).splitlines()
        assert "Pri Sc↑" in rows[0]
        assert rows[1].split()[1] == "GO-01"  # P0 with the highest score first
        await press(pilot, "v")  # group by phase
        rows = table_text(app).splitlines()
        assert rows[1].startswith("▾ A · Foundations")
        assert "grouped by phase" in static_text(app, "#backlog-summary")


async def test_click_header_sorts(launch_board: Path, make_app) -> None:
    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        table = app.query_one(BacklogTable)
        x = next(x for col, x, _w in table.columns(table.size.width) if col.key == "owner")
        await pilot.click(BacklogTable, offset=(x + 1, 0))
        await pilot.pause()
        assert table.sort_key == "owner"
        await pilot.click(BacklogTable, offset=(x + 1, 0))
        assert table.sort_reverse


async def test_help_lists_bindings_and_saving(launch_board: Path, make_app) -> None:
    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = static_text(app, "#help-text")
        for words in (
            "Undo",
            "Add dependency",
            "Set status",
            "Sort",
            "Group",
            "Filter",
            "Every edit is saved at once",
            "ctrl+e",
            "Duplicate",
            "Next pane",
            "Command palette",
            # the standup, the report, the gates and burndown panes, conflicts and live gates
            "Standup",
            "Report",
            "In standup mode (m)",
            "Owner/stream",
            "MD/JSON",
            "Gates pane",
            "Run all",
            "Trust",
            "Auto-run",
            "Burndown pane",
            "Keep mine",
            "Live gates",
            "history.jsonl",
            # the filter as it is (OR, NOT, groups, the long texts), not "terms are ANDed"
            "a OR b either",
            "description, notes or acceptance",
            "Progress note",
        ):
            assert words in text, words
        assert "ANDed" not in text
        await press(pilot, "escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_an_edit_merges_with_an_outside_edit_of_another_field(launch_board: Path, make_app) -> None:
    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        launch_board.write_text(launch_board.read_text().replace('"Rollback runbook"', '"Runbook (theirs)"'))
        await pilot.press("j", "s")
        await wait_for(pilot, lambda: on_disk(launch_board).item("SEC-02").status == "in_progress", what="the save")
        assert not isinstance(app.screen, ConflictScreen)  # different fields: merged, no dialog
        assert on_disk(launch_board).item("RB-01").title == "Runbook (theirs)"
        assert "Runbook (theirs)" in table_text(app)
        assert not app.editor.dirty


def _set_status_on_disk(board: Path, item: str, status: str) -> None:
    store = BoardStore.load(board)
    store.set_fields(item, {"status": status})
    store.save()


async def test_same_field_changed_on_disk_asks_and_reload_takes_theirs(launch_board: Path, make_app) -> None:
    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        launch_board.write_text(launch_board.read_text().replace('"Rollback runbook"', '"Runbook (theirs)"'))
        _set_status_on_disk(launch_board, "SEC-02", "blocked")
        await press(pilot, "j", "s")
        assert isinstance(app.screen, ConflictScreen)
        assert "SEC-02.status: theirs 'blocked', mine 'in_progress'" in static_text(app, ".dialog-message")
        await press(pilot, "d")
        assert app.screen.query_one("#conflict-diff").display
        await press(pilot, "r")
        store = on_disk(launch_board)
        assert store.item("SEC-02").status == "blocked"
        assert store.item("RB-01").title == "Runbook (theirs)"
        assert "Runbook (theirs)" in table_text(app)
        assert not app.editor.dirty


async def test_an_outside_change_is_reloaded_when_nothing_is_unsaved(launch_board: Path, make_app) -> None:
    app = make_app(launch_board)
    notices = record_notices(app)  # notifications, through the public notify
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "j")
        launch_board.write_text(launch_board.read_text().replace('"Rollback runbook"', '"Runbook (theirs)"'))
        app.live.check_disk()
        await app.workers.wait_for_complete()  # the file is read in a thread worker
        await pilot.pause()
        assert "Runbook (theirs)" in table_text(app)
        assert app.main.current_item_id == "VLT-01"  # the cursor stays where it was
        assert any("changed on disk" in n.message for n in notices)


async def test_an_outside_change_is_read_and_parsed_off_the_ui_thread(
    launch_board: Path, make_app, monkeypatch
) -> None:
    import threading

    from test_live_reload import reread_threads

    threads = reread_threads(monkeypatch)
    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        launch_board.write_text(launch_board.read_text().replace('"Rollback runbook"', '"Runbook (theirs)"'))
        app.live.check_disk()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert threads and threading.main_thread() not in threads
        assert "Runbook (theirs)" in table_text(app)
        assert app.store.item("RB-01").title == "Runbook (theirs)" and not app.editor.dirty


async def test_conflict_keep_mine_and_quit_asks_when_unsaved(launch_board: Path, make_app) -> None:
    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        _set_status_on_disk(launch_board, "SEC-02", "blocked")
        launch_board.write_text(launch_board.read_text() + "\n# theirs\n")
        await press(pilot, "j", "s")
        await press(pilot, "escape")  # later: kept in memory
        assert app.editor.dirty and "unsaved" in static_text(app, "#bar-state")
        await press(pilot, "q")
        assert isinstance(app.screen, ChoiceScreen)
        await press(pilot, "3")  # cancel
        assert app.is_running
        await press(pilot, "ctrl+s")  # retry: conflict again
        assert isinstance(app.screen, ConflictScreen)
        await press(pilot, "k")  # keep mine: my value for the field, their other edits kept
        assert launch_board.read_text().endswith("# theirs\n")
        assert on_disk(launch_board).item("SEC-02").status == "in_progress"
        await press(pilot, "q")
    assert app.return_code == 0


async def test_quit_discarding_unsaved_edits(launch_board: Path, make_app) -> None:
    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        _set_status_on_disk(launch_board, "SEC-01", "blocked")
        await press(pilot, "s")
        await press(pilot, "escape", "q")
        await press(pilot, "2")  # quit without saving
    assert on_disk(launch_board).item("SEC-01").status == "blocked"


async def test_switch_board_without_restarting(launch_board: Path, make_app) -> None:
    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "b")
        assert isinstance(app.screen, ChoiceScreen)
        await press(pilot, "2")
        assert "Small board" in static_text(app, "#bar-title")
        assert "S-1" in table_text(app)
        await press(pilot, "s")
        assert on_disk(launch_board.with_name("small.toml")).item("S-1").status == "in_progress"
        app.switch_board(launch_board)
        await pilot.pause()
        assert "SEC-01" in table_text(app)


async def test_palette_goes_to_an_item(launch_board: Path, make_app) -> None:
    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        await run_from_palette(pilot, app, "LT-01")
        await wait_for(pilot, lambda: app.main.current_item_id == "LT-01", what="the item selected")
        assert app.query_one(TabbedContent).active == "tab-detail"


async def test_palette_provider_offers_every_kind_of_command(launch_board: Path, make_app) -> None:
    app = make_app(launch_board)
    async with app.run_test(size=SIZE):
        names = palette_commands(app)
        for expected in (
            "Open pane: Backlog",
            "Open pane: Detail",
            "Open pane: Gates",
            "Open pane: Burndown",
            "Set status: done",
            "Switch board: small",
            "Theme: readiness-contrast",
            "Group backlog by owner",
            "Standup mode",
            "Weekly update (report)",
            "Run all gates",
            "Trust the board's verify commands",
            "Auto-run gates: turn on",
        ):
            assert expected in names, expected
        app.main.filter_backlog("p:P0")
        assert app.query_one(BacklogTable).shown == 5


async def test_gate_status_hook_reaches_the_backlog(launch_board: Path, make_app) -> None:
    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()  # the gate session starts after the first paint and sets its own
        app.live.set_gate_status({"SEC-01": "pass", "LT-01": "fail"})
        await pilot.pause()
        text = table_text(app)
        line = next(ln for ln in text.splitlines() if " LT-01 " in ln)
        assert line.rstrip().endswith("fail")


async def test_messages_from_panes_edit_the_board(launch_board: Path, make_app) -> None:
    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        app.main.post_message(EditFields("OBS-01", {"gate.verify": "make dashboards"}))
        app.main.post_message(ToggleDependency("OBS-01", "SEC-01"))
        await pilot.pause()
        item = on_disk(launch_board).item("OBS-01")
        assert item.gate is not None and item.gate.verify == "make dashboards"
        assert item.depends_on == ["SEC-01"]
        app.main.post_message(ToggleDependency("OBS-01", "SEC-01"))
        await pilot.pause()
        assert on_disk(launch_board).item("OBS-01").depends_on == []


async def test_other_panes_are_built_when_first_shown(launch_board: Path, make_app) -> None:
    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        keys = [s.key for s in app.main.pane_specs]
        assert keys[:2] == ["backlog", "detail"]
        assert set(app.main._panes) == {"backlog"}
        for n in range(2, len(keys) + 1):
            await press(pilot, str(n))
            assert app.query_one(TabbedContent).active == f"tab-{keys[n - 1]}"
        assert set(app.main._panes) == set(keys)
        await press(pilot, "right_square_bracket")
        assert app.query_one(TabbedContent).active == "tab-backlog"


def test_theme_choice_persists(launch_board: Path) -> None:
    from readiness_tui.ui import themes

    themes.save_theme("readiness-light")
    assert themes.saved_theme() == "readiness-light"
    assert 'theme = "readiness-light"' in themes.settings_path().read_text()


async def test_theme_from_settings_and_user_dir_and_broken_file(launch_board: Path, make_app) -> None:
    from readiness_tui.ui import themes

    user = themes.user_themes_dir()
    user.mkdir(parents=True)
    (user / "mine.toml").write_text('name = "mine"\nprimary = "#ff0000"\ndark = false\n')
    (user / "broken.toml").write_text('name = "broken"\nprimary = "not a colour"\n')
    (user / "bad.toml").write_text("this is not toml")
    themes.save_theme("mine")
    app = make_app(launch_board)
    notices = record_notices(app)  # notifications, through the public notify
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "mine"
        messages = " ".join(n.message for n in notices)
        assert "broken.toml" in messages and "bad.toml" in messages
        app.set_theme("readiness-contrast")
        await pilot.pause()
    assert themes.saved_theme() == "readiness-contrast"


def test_bundled_themes_load() -> None:
    from readiness_tui.resources import bundled_themes_dir
    from readiness_tui.ui.themes import load_themes

    loaded = load_themes([bundled_themes_dir()])
    assert loaded.problems == []
    assert {t.name for t in loaded.themes} >= {"readiness-dark", "readiness-light", "readiness-contrast"}


def test_cli_bad_board_prints_problems_and_exits_2(tmp_path: Path) -> None:
    from readiness_tui.cli import cli

    bad = tmp_path / "bad.toml"
    bad.write_text('[board]\ntitle = "x"\n\n[[items]]\nid = "A"\nstatus = "sideways"\n')
    result = CliRunner().invoke(cli, [str(bad)])
    assert result.exit_code == 2
    assert "sideways" in result.output and "Traceback" not in result.output
    result = CliRunner().invoke(cli, [str(tmp_path / "missing.toml")])
    assert result.exit_code == 2 and "no such board" in result.output


def test_cli_default_target(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, launch_board: Path) -> None:
    from readiness_tui.cli.open_cmd import resolve_target
    from readiness_tui.resources import bundled_boards_dir

    monkeypatch.chdir(launch_board.parent.parent)
    path, directory, problem = resolve_target(None)
    assert (path, directory, problem) == (launch_board.parent / "launch.toml", launch_board.parent, "")
    monkeypatch.chdir(tmp_path / "boards" / "..")
    empty = tmp_path / "elsewhere"
    empty.mkdir()
    monkeypatch.chdir(empty)
    path, directory, _ = resolve_target(None)
    assert directory == bundled_boards_dir()
    _, _, problem = resolve_target(str(empty))
    assert "no board files" in problem


async def test_long_text_in_editor(launch_board: Path, make_app, monkeypatch: pytest.MonkeyPatch) -> None:
    import contextlib

    script = launch_board.parent / "fake-editor.sh"
    script.write_text('#!/bin/sh\nprintf "Line one of a long description.\\nLine two.\\n" > "$1"\n')
    script.chmod(0o755)
    monkeypatch.setenv("EDITOR", str(script))
    app = make_app(launch_board)
    monkeypatch.setattr(app, "suspend", contextlib.nullcontext)  # headless tests cannot suspend
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "j", "ctrl+e")
        assert isinstance(app.screen, ChoiceScreen)
        await press(pilot, "1")  # description
        assert_saved(launch_board, "SEC-02", description="Line one of a long description.\nLine two.\n")


async def test_clickable_ids_open_items(launch_board: Path, make_app) -> None:
    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        await app.run_action("open_item('RB-02')")
        await pilot.pause()
        assert app.main.current_item_id == "RB-02"
        assert "[@click=app.open_item('LT-01')]" in app.query_one("DetailPane")._markup(  # type: ignore[attr-defined]
            app.store.item("RB-02"), app.store, app.analysis
        )


async def test_wide_terminal_shows_a_preview_beside_the_backlog(launch_board: Path, make_app) -> None:
    from readiness_tui.ui.widgets.preview import ItemPreview

    app = make_app(launch_board)
    async with app.run_test(size=(170, 40)) as pilot:
        await pilot.pause()
        preview = app.query_one(ItemPreview)
        assert preview.display
        await pilot.press("j")
        # The preview waits until the cursor rests: wait for it to show the item.
        await wait_for(
            pilot,
            lambda: "Branch protection requires the scan summary" in static_text(app, "#preview-body"),
            what="the preview of the item under the cursor",
        )
    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not app.query(ItemPreview)  # a narrow pane builds none: its first frame does without
        await pilot.resize_terminal(170, 40)
        await wait_for(
            pilot,
            lambda: "SEC-01" in static_text(app, "#preview-body") if app.query(ItemPreview) else False,
            what="the preview built once the terminal is wide",
        )
        await pilot.resize_terminal(*SIZE)
        await pilot.pause()
        assert not app.query_one(ItemPreview).display


async def test_an_edit_right_after_a_move_edits_the_new_item(launch_board: Path, make_app) -> None:
    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.query_one(BacklogTable)
        table.action_cursor_down()  # the highlight message is still queued ...
        app.main.action_cycle_status()  # ... when the next key edits
        # The write lands when its worker is done (later on a loaded machine): wait for it, not one pause.
        await wait_for(
            pilot, lambda: on_disk(launch_board).item("SEC-02").status != "todo", what="the edit written to disk"
        )
        assert on_disk(launch_board).item("SEC-02").status == "in_progress"
        assert on_disk(launch_board).item("SEC-01").status == "done"


def test_cli_directory_skips_a_broken_board(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, launch_board: Path
) -> None:
    from readiness_tui.cli import cli
    from readiness_tui.ui import app as app_module

    (launch_board.parent / "aaa-broken.toml").write_text("[[items]]\nid = \n")
    opened = {}

    def fake_run(self) -> None:  # type: ignore[no-untyped-def]
        opened["board"] = self.store.path.name
        opened["notes"] = self._notes

    monkeypatch.setattr(app_module.ReadinessApp, "run", fake_run)
    monkeypatch.setattr("readiness_tui.cli.open_cmd.stdout_is_terminal", lambda: True)  # CliRunner's is no tty
    result = CliRunner().invoke(cli, [str(launch_board.parent)])
    assert result.exit_code == 0, result.output
    assert opened["board"] == "launch.toml"
    assert "aaa-broken.toml" in opened["notes"][0]
    result = CliRunner().invoke(cli, [str(launch_board.parent / "aaa-broken.toml")])
    assert result.exit_code == 2 and "aaa-broken.toml" in result.output


async def test_gonogo_header_follows_p0_edits_and_stays_right_after_others(launch_board: Path, make_app) -> None:
    from readiness_tui.core.analysis.analyze import Analysis
    from readiness_tui.core.analysis.gonogo import evaluate

    def expected(app) -> str:  # type: ignore[no-untyped-def]
        board = app.store.board
        d = evaluate(board, Analysis(board), app.live.gate_status or None)
        return d.recommendation.upper() + (f" · {len(d.reasons)} reason" if not d.go else "")

    def shown_right(app) -> bool:  # type: ignore[no-untyped-def]
        return static_text(app, "#gonogo").startswith(expected(app))

    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        # The gates' first results arrive from a thread after the first frame, and the verdict
        # follows them: wait for it rather than read it at one moment.
        await app.workers.wait_for_complete()
        await wait_for(pilot, lambda: shown_right(app), what="the verdict with the gates' results")
        before = static_text(app, "#gonogo")
        p0 = next(it.id for it in app.store.board.items if it.priority == "P0" and it.status != "done")
        other = next(it.id for it in app.store.board.items if it.priority != "P0" and it.status != "done")
        app.main.post_message(EditFields(p0, {"status": "done"}))
        await pilot.pause()
        # One "P0 ... is not done" reason fewer.
        await wait_for(pilot, lambda: static_text(app, "#gonogo") != before and shown_right(app), what="the P0 edit")
        app.main.post_message(EditFields(other, {"status": "done"}))
        await pilot.pause()
        assert shown_right(app)
        assert on_disk(launch_board).item(other).status == "done"


async def test_save_then_quit_on_a_deleted_board_writes_it_again_and_quits(launch_board: Path, make_app) -> None:
    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        launch_board.unlink()
        await press(pilot, "s")  # SEC-01: done -> todo, cannot be saved: the file is gone
        await press(pilot, "escape")  # "later": the edit stays in memory
        assert app.editor.dirty and not launch_board.exists()
        await press(pilot, "q")
        assert isinstance(app.screen, ChoiceScreen)
        await press(pilot, "1")  # save, then quit
    assert app.return_code == 0 and not app.is_running
    assert on_disk(launch_board).item("SEC-01").status == "todo"


async def test_ctrl_s_writes_a_deleted_board_again(launch_board: Path, make_app) -> None:
    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        launch_board.unlink()
        await press(pilot, "ctrl+s")
        assert launch_board.exists() and not isinstance(app.screen, ChoiceScreen)
    assert on_disk(launch_board).item("SEC-01").status == "done"
