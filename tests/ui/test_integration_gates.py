"""Live gates in the whole app: the file watcher, outside changes to the board, trust and runs.

Each test builds a small repo in ``tmp_path`` (a ``.git`` dir marks its root). Waits are bounded
polls of ``pilot.pause``; nothing sleeps for long.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import Static, TabbedContent
from ui_helpers import record_notices, session_ready, table_text, wait_for

from readiness_tui.core import audit
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.gates.trust import is_trusted
from readiness_tui.ui.panes.gates import GatesPane
from readiness_tui.ui.screens.conflict import ConflictScreen
from readiness_tui.ui.screens.dialogs import ConfirmScreen
from readiness_tui.ui.screens.trust import TrustScreen
from readiness_tui.ui.widgets.backlog_table import BacklogTable

SIZE = (120, 40)

BOARD = """\
# Live gates fixture: one gate on evidence only, one on a command.
[board]
title = "Live gates"

[[items]]
id = "EV-01"
title = "Reports are published"
status = "done"
priority = "P0"
owner = "@ana"
[items.gate]
evidence = ["reports/ev/"]

[[items]]
id = "CMD-01"
title = "The marker file exists"
status = "in_progress"
priority = "P1"
owner = "@ben"
[items.gate]
verify = "test -f marker.txt"

[[items]]
id = "PLAIN-01"
title = "Write the announcement"
status = "todo"
priority = "P2"
owner = "@cy"
"""


@pytest.fixture
def repo_board(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    (root / "marker.txt").write_text("here\n")
    board = root / "board.toml"
    board.write_text(BOARD, encoding="utf-8")
    return board


def row(app, item_id: str) -> str:  # type: ignore[no-untyped-def]
    return next((ln for ln in table_text(app).splitlines() if f" {item_id} " in ln), "")


def screen_text(app, selector: str) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one(selector, Static).render())


async def watching(app, pilot) -> None:  # type: ignore[no-untyped-def]
    """Wait until the watcher reports changes: touch the board (same bytes: no reload) until a batch
    comes back, so that what the test changes next is seen."""
    seen: list[object] = []
    app.live.on_batch = seen.append
    path = app.store.path
    for _ in range(100):
        os.utime(path)
        for _ in range(5):
            await pilot.pause(0.02)
            if seen:
                app.live.on_batch = None
                return
    raise AssertionError("the watcher never reported a change")


async def test_evidence_created_under_the_live_watcher_shows_everywhere(repo_board: Path, make_app) -> None:
    app = make_app(repo_board, watch=True)
    async with app.run_test(size=SIZE) as pilot:
        await session_ready(app, pilot)
        assert "✘ fail" in row(app, "EV-01")  # evidence missing
        await watching(app, pilot)
        (repo_board.parent / "reports" / "ev").mkdir(parents=True)
        await wait_for(pilot, lambda: "✔ pass" in row(app, "EV-01"), what="backlog shows the gate passing")
        assert app.live.gate_status["EV-01"] == "pass"
        # The detail pane: live status and evidence found.
        await pilot.press("2")
        await pilot.pause()
        body = screen_text(app, "#detail-body")
        assert "✔ pass" in body and "evidence found 1/1" in body and "✔ reports/ev/" in body
        assert "CLAIMED DONE" not in body
        # The gates pane agrees, and the evidence going away shows too (claimed done, not verified).
        await pilot.press("6")
        await wait_for(
            pilot, lambda: isinstance(app.main.pane("gates"), GatesPane) and app.main.pane("gates").is_mounted
        )
        pane = app.main.pane("gates")
        await wait_for(pilot, lambda: "pass" in str(pane.table.get_cell("EV-01", "status")))
        (repo_board.parent / "reports" / "ev").rmdir()
        await wait_for(
            pilot,
            lambda: "fail" in str(pane.table.get_cell("EV-01", "status")),
            what="gates pane shows the gate failing again",
        )
        assert "claimed done, not verified" in str(pane.table.get_cell("EV-01", "drift"))
        await pilot.press("2")
        await pilot.pause()
        body = screen_text(app, "#detail-body")
        assert "CLAIMED DONE, NOT VERIFIED" in body and "✘ reports/ev/ missing" in body


async def test_board_edited_outside_is_reloaded_in_place_keeping_the_view(repo_board: Path, make_app) -> None:
    app = make_app(repo_board, watch=True)
    notices = record_notices(app)  # notifications, through the public notify
    async with app.run_test(size=SIZE) as pilot:
        await session_ready(app, pilot)
        await pilot.press("o")  # sort by the next column
        await pilot.press("j")
        await pilot.pause()
        table = app.query_one(BacklogTable)
        cursor, sort = table.current_id, (table.sort_key, table.sort_reverse)
        assert cursor is not None
        await watching(app, pilot)
        old_store = app.store
        repo_board.write_text(repo_board.read_text().replace('"The marker file exists"', '"Marker (edited outside)"'))
        await wait_for(pilot, lambda: "Marker (edited outside)" in table_text(app), what="the new title on screen")
        assert app.store is not old_store and not app.editor.dirty
        assert table.current_id == cursor and (table.sort_key, table.sort_reverse) == sort
        assert any("changed on disk" in n.message for n in notices)
        recs = audit.read(repo_board)
        assert [(r.source, r.item, r.field, r.new) for r in recs] == [
            ("reload", "CMD-01", "title", "Marker (edited outside)")
        ]
        # The next edit saves over the reloaded file without a conflict.
        before = app.store.item(cursor).status
        await pilot.press("s")
        await wait_for(
            pilot, lambda: BoardStore.load(repo_board).item(cursor).status != before, what="the edit on disk"
        )
        assert not app.editor.dirty and not isinstance(app.screen, ConflictScreen)
        assert BoardStore.load(repo_board).item("CMD-01").title == "Marker (edited outside)"


async def test_outside_edit_with_unsaved_edits_opens_the_conflict_dialog(
    repo_board: Path, make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(repo_board, watch=True)
    async with app.run_test(size=SIZE) as pilot:
        await session_ready(app, pilot)
        await watching(app, pilot)
        # The first save fails (a full disk, say): the edit stays in memory, unsaved.
        real_save = BoardStore.write
        failed: list[bool] = []

        def failing_save(self, *a, **kw):  # type: ignore[no-untyped-def]
            if not failed:
                failed.append(True)
                raise OSError(28, "No space left on device")
            return real_save(self, *a, **kw)

        monkeypatch.setattr(BoardStore, "write", failing_save)
        await pilot.press("s")  # EV-01: done -> todo
        await pilot.pause()
        assert app.editor.dirty and app.store.item("EV-01").status == "todo"
        # Someone else edits the file: the watcher notices and asks, it does not reload.
        repo_board.write_text(repo_board.read_text().replace('"Write the announcement"', '"Announce (theirs)"'))
        await wait_for(pilot, lambda: isinstance(app.screen, ConflictScreen), what="the conflict dialog")
        assert app.store.item("EV-01").status == "todo"  # mine, still in memory
        await pilot.press("d")
        await pilot.pause()
        assert app.screen.query_one("#conflict-diff").display
        await pilot.press("r")  # take theirs, re-apply mine
        await wait_for(pilot, lambda: not isinstance(app.screen, ConflictScreen))
        await pilot.pause()
        disk = BoardStore.load(repo_board)
        assert disk.item("PLAIN-01").title == "Announce (theirs)"
        assert disk.item("EV-01").status == "todo"  # nothing lost
        assert not app.editor.dirty
        assert "Announce (theirs)" in table_text(app)
        recs = audit.read(repo_board)
        assert {(r.source, r.item, r.field) for r in recs} == {
            ("reload", "PLAIN-01", "title"),
            ("app", "EV-01", "status"),
        }
        assert audit.verify(repo_board).ok


async def test_board_deleted_is_said_and_can_be_saved_again(repo_board: Path, make_app) -> None:
    app = make_app(repo_board, watch=True)
    notices = record_notices(app)  # notifications, through the public notify
    async with app.run_test(size=SIZE) as pilot:
        await session_ready(app, pilot)
        await watching(app, pilot)
        text = repo_board.read_text()
        repo_board.unlink()
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen), what="the save-again offer")
        assert app.live.file_missing
        assert any("deleted" in n.message for n in notices)
        assert "file deleted" in str(app.query_one("#bar-state", Static).render())
        assert "EV-01" in table_text(app)  # still in memory
        await pilot.press("y")
        await wait_for(pilot, lambda: repo_board.exists(), what="the board written again")
        assert repo_board.read_text() == text
        await pilot.pause()
        assert not app.live.file_missing and "saved" in str(app.query_one("#bar-state", Static).render())


async def test_board_deleted_then_later_ctrl_s(repo_board: Path, make_app) -> None:
    app = make_app(repo_board)
    async with app.run_test(size=SIZE) as pilot:
        await session_ready(app, pilot)
        repo_board.unlink()
        app.live.check_disk()  # the same path as a watcher batch
        await app.workers.wait_for_complete()  # the file is read in a thread worker
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("s")  # an edit while the file is gone: kept in memory, and the user is told
        await wait_for(pilot, lambda: isinstance(app.screen, ConflictScreen), what="the file-gone dialog")
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, ConflictScreen), what="the dialog closed")
        assert not repo_board.exists()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert BoardStore.load(repo_board).item("EV-01").status == "todo"


async def test_untrusted_run_all_asks_then_runs_and_passes(repo_board: Path, make_app) -> None:
    app = make_app(repo_board)
    async with app.run_test(size=SIZE) as pilot:
        await session_ready(app, pilot)
        assert "⚠ trust" in row(app, "CMD-01")
        await pilot.press("6")
        await wait_for(pilot, lambda: app.main.pane("gates") is not None and app.main.pane("gates").is_mounted)
        pane = app.main.pane("gates")
        await pilot.pause()
        assert pane.session is app.live.session
        assert "untrusted" in str(pane.table.get_cell("CMD-01", "status"))
        await pilot.press("R")  # run all
        await wait_for(pilot, lambda: isinstance(app.screen, TrustScreen), what="the trust prompt")
        assert "test -f marker.txt" in screen_text(app, "#trust-list")
        await pilot.press("y")
        await wait_for(pilot, lambda: app.live.gate_status.get("CMD-01") == "pass", what="the command to pass")
        assert is_trusted(repo_board, app.store.board)
        await wait_for(pilot, lambda: "pass" in str(pane.table.get_cell("CMD-01", "status")))
        assert "exit 0" in pane.detail_text("CMD-01").plain
        await pilot.press("1")
        await pilot.pause()
        assert "✔ pass" in row(app, "CMD-01")
        # The detail pane shows the last run: age, duration, exit code.
        app.main.open_item("CMD-01")
        await pilot.pause()
        body = screen_text(app, "#detail-body")
        assert "last run" in body and "exit code 0" in body and "took" in body


def forty_gates(tmp_path: Path, verify: Callable[[int], str]) -> Path:
    """A board of 40 gates G-00..G-39 in a repo of its own, gate n running ``verify(n)``."""
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    items = "".join(
        f'[[items]]\nid = "G-{n:02d}"\ntitle = "Gate {n}"\n[items.gate]\nverify = "{verify(n)}"\n\n' for n in range(40)
    )
    board = root / "board.toml"
    board.write_text(f'[board]\ntitle = "Forty gates"\n\n{items}', encoding="utf-8")
    return board


def count_full_evaluations(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """One entry for each evaluation of every gate of the board (``views()``, ``gate_status()``:
    both evaluate through ``GateSession._evaluated``)."""
    from readiness_tui.core.gates import GateSession

    full: list[int] = []
    real = GateSession._evaluated

    def counted(self, ids=None, today=None):  # type: ignore[no-untyped-def]
        if ids is None:
            full.append(1)
        return real(self, ids, today)

    monkeypatch.setattr(GateSession, "_evaluated", counted)
    return full


async def gates_pane_of(app, pilot) -> GatesPane:  # type: ignore[no-untyped-def]
    """The Gates pane, shown (``6``) once the gate session is ready, with every gate in its table."""
    await session_ready(app, pilot)
    await pilot.press("6")
    await wait_for(pilot, lambda: app.main.pane("gates") is not None and app.main.pane("gates").is_mounted)
    pane = app.main.pane("gates")
    await wait_for(pilot, lambda: pane.table.row_count == 40, what="the pane shows the gates")
    return pane


async def test_running_every_gate_evaluates_the_gates_that_moved_not_every_gate_per_run(
    tmp_path: Path, make_app, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """A run starting or ending concerns its own gate: the app publishes those a batch at a time
    and the Gates pane redraws them, instead of evaluating every gate of the board for each event
    (18,000 events for "run all" on a 10,000-item board)."""
    board = forty_gates(tmp_path, lambda n: f"exit {n % 2}")
    full = count_full_evaluations(monkeypatch)
    app = make_app(board)
    async with app.run_test(size=SIZE) as pilot:
        pane = await gates_pane_of(app, pilot)
        app.live.session.trust()
        full.clear()
        await pilot.press("R")
        await wait_for(
            pilot,
            lambda: all("ago" in pane.table.get_cell(f"G-{n:02d}", "age") for n in range(40)),
            what="every run shown",
        )
        # The summary line follows the rows' batch; on a loaded machine it may come a frame later.
        summary = pane.query_one("#gates-summary", Static)
        await wait_for(pilot, lambda: "running" not in str(summary.render()), what="the summary with no run left")
        assert len(full) == 2  # the run's start (the app's gate status, the pane now trusted), not one per run
        assert pane.table.get_cell("G-00", "status").endswith("pass")
        assert pane.table.get_cell("G-01", "status").endswith("fail")
        assert "20 pass" in str(pane.query_one("#gates-summary", Static).render())
        assert app.live.gate_status["G-39"] == "fail"
        assert not app.live.running()
    from readiness_tui.core.gates.state import state_path

    assert len(json.loads(state_path(board).read_text())["results"]) == 40


async def test_a_status_key_in_the_gates_pane_evaluates_only_the_edited_gate(
    tmp_path: Path, make_app, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """An edit of a field no gate is defined by redraws the edited item's gate (its drift here),
    without evaluating every gate of the board again (a status key at 10k: 117 -> 46 ms)."""
    board = forty_gates(tmp_path, lambda n: "true")
    full = count_full_evaluations(monkeypatch)
    app = make_app(board)
    async with app.run_test(size=SIZE) as pilot:
        pane = await gates_pane_of(app, pilot)
        assert pane.table.cursor_key == "G-00" and pane.table.get_cell("G-00", "drift") == ""
        full.clear()
        for _ in range(6):
            if app.store.item("G-00").status == "done":
                break
            await pilot.press("s")
        assert app.store.item("G-00").status == "done"
        await wait_for(pilot, lambda: "claimed done, not verified" in pane.table.get_cell("G-00", "drift"))
        assert "claimed done, not verified" in pane.detail_text("G-00").plain
        assert pane.table.get_cell("G-01", "drift") == ""
        assert full == []  # not one evaluation of every gate
    assert 'id = "G-00"\ntitle = "Gate 0"\nstatus = "done"' in board.read_text()


async def test_trust_declined_runs_nothing(repo_board: Path, make_app) -> None:
    app = make_app(repo_board)
    async with app.run_test(size=SIZE) as pilot:
        await session_ready(app, pilot)
        app.live.run_gates(None)
        await wait_for(pilot, lambda: isinstance(app.screen, TrustScreen))
        await pilot.press("n")
        await wait_for(pilot, lambda: not isinstance(app.screen, TrustScreen), what="the answer taken")
        await pilot.pause()
        assert app.live.gate_status["CMD-01"] == "untrusted"
        assert not is_trusted(repo_board, app.store.board)


async def test_auto_run_reruns_gates_when_watched_files_change(repo_board: Path, make_app) -> None:
    app = make_app(repo_board, watch=True)
    async with app.run_test(size=SIZE) as pilot:
        await session_ready(app, pilot)
        app.live.session.trust()
        app.live.run_gates(["CMD-01"])
        await wait_for(pilot, lambda: app.live.gate_status.get("CMD-01") == "pass")
        assert not app.live.auto_run  # off by default
        app.live.toggle_auto_run()
        await watching(app, pilot)
        (repo_board.parent / "marker.txt").unlink()  # a watched file changes: the gate runs again
        await wait_for(pilot, lambda: app.live.gate_status.get("CMD-01") == "fail", what="the re-run failing")
        assert "✘ fail" in row(app, "CMD-01")


async def test_switching_boards_makes_a_new_session_and_exit_closes_it(
    repo_board: Path, make_app, tmp_path: Path
) -> None:
    other = repo_board.with_name("other.toml")
    other.write_text('[board]\ntitle = "Other"\n\n[[items]]\nid = "O-1"\ntitle = "x"\n', encoding="utf-8")
    app = make_app(repo_board, watch=True)
    async with app.run_test(size=SIZE) as pilot:
        await session_ready(app, pilot)
        first_session, first_watcher = app.live.session, app.live.watcher
        app.switch_board(other)
        await wait_for(pilot, lambda: app.live.session not in (None, first_session), what="the new session")
        assert app.live.session is not first_session and app.live.session.board_path == other.resolve()
        assert first_session._runner is None and first_watcher._stopped
        assert app.live.watcher is not None and app.live.watcher.board_path == other.resolve()
        assert app.query_one(TabbedContent).active == "tab-backlog"
        watcher = app.live.watcher
    assert watcher._stopped and app.live.session is None


async def test_the_apps_own_history_and_state_files_do_not_make_gates_stale(repo_board: Path, make_app) -> None:
    app = make_app(repo_board, watch=True)
    async with app.run_test(size=SIZE) as pilot:
        await session_ready(app, pilot)
        app.live.session.trust()
        app.live.toggle_auto_run()
        app.live.run_gates(["CMD-01"])
        await wait_for(pilot, lambda: app.live.gate_status.get("CMD-01") == "pass")
        runs = app.live.session.state.get("CMD-01").finished_at
        await watching(app, pilot)
        app.main.set_status_of("PLAIN-01", "in_progress")  # saves the board and appends to BOARD.history.jsonl
        await pilot.pause()
        assert audit.history_path(repo_board).exists()
        # A later change the watcher must report, so the earlier ones were handled by then.
        (repo_board.parent / "reports" / "ev").mkdir(parents=True)
        await wait_for(pilot, lambda: app.live.gate_status.get("EV-01") == "pass")
        assert app.live.gate_status["CMD-01"] == "pass"  # not stale
        assert app.live.session.state.get("CMD-01").finished_at == runs  # and not run again


async def test_reload_key_looks_at_evidence_again_without_a_watcher(repo_board: Path, make_app) -> None:
    app = make_app(repo_board)  # watch=False: nothing notices the directory by itself
    async with app.run_test(size=SIZE) as pilot:
        await session_ready(app, pilot)
        (repo_board.parent / "reports" / "ev").mkdir(parents=True)
        await pilot.pause()
        assert app.live.gate_status["EV-01"] == "fail"
        await pilot.press("R")  # the evidence is looked at again in a thread worker
        await wait_for(pilot, lambda: app.live.gate_status["EV-01"] == "pass", what="the evidence seen again")
        assert "✔ pass" in row(app, "EV-01")


def group_alive(pgid: int) -> bool:
    """Whether any process of the group is left (zombies included: they have not been reaped)."""
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


async def test_quitting_while_gates_run_asks_kills_their_groups_and_records_them_cancelled(
    repo_board: Path, make_app
) -> None:
    import json
    import time

    from readiness_tui.core.gates.state import state_path

    root = repo_board.parent
    text = repo_board.read_text(encoding="utf-8").replace(
        'verify = "test -f marker.txt"', 'verify = "echo $$ > slow.pid; sleep 60 & sleep 60; wait"'
    )
    repo_board.write_text(text, encoding="utf-8")
    app = make_app(repo_board)
    async with app.run_test(size=SIZE) as pilot:
        await session_ready(app, pilot)
        app.live.session.trust()
        app.live.run_gates(["CMD-01"])
        pid_file = root / "slow.pid"
        await wait_for(pilot, lambda: pid_file.exists() and pid_file.read_text().strip(), what="the command started")
        pgid = int(pid_file.read_text())
        assert group_alive(pgid)
        assert app.live.running() == {"CMD-01"}
        await pilot.press("q")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen), what="the question")
        assert "1 gate running: quit and cancel it?" in screen_text(app, ".dialog-message")
        await pilot.press("n")  # keep running: nothing is stopped
        await wait_for(pilot, lambda: not isinstance(app.screen, ConfirmScreen), what="the answer")
        assert app.is_running and group_alive(pgid)
        await pilot.press("ctrl+q")  # Textual's own quit asks too
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen), what="the question again")
        await pilot.press("y")
        deadline = time.monotonic() + 15
        while app.is_running and time.monotonic() < deadline:
            await pilot.pause(0.05)
        assert not app.is_running
    # The shell and both sleeps (one in the background) are gone with their group.
    deadline = time.monotonic() + 5
    while group_alive(pgid) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert not group_alive(pgid)
    row = json.loads(state_path(repo_board).read_text(encoding="utf-8"))["results"]["CMD-01"]
    assert row["cancelled"] is True and row["exit_code"] is None and row["error"] == "cancelled"


async def test_quitting_with_no_gate_running_asks_nothing_about_gates(repo_board: Path, make_app) -> None:
    app = make_app(repo_board)
    async with app.run_test(size=SIZE) as pilot:
        await session_ready(app, pilot)
        await pilot.press("q")
        await wait_for(pilot, lambda: not app.is_running, what="the app to quit")
