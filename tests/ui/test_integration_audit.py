"""The audit trail in the whole app: every edit, undo and redo that reaches the file is one record
per change in ``BOARD.history.jsonl``; an outside change is recorded on reload; an audit failure
never costs the edit."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from ui_helpers import record_notices

from readiness_tui.cli import cli
from readiness_tui.core import audit
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.edits.editor import EditController
from readiness_tui.ui.screens.conflict import ConflictScreen

SIZE = (120, 40)


def history(board: Path) -> list[audit.Record]:
    path = audit.history_path(board)
    return audit.read(path) if path.exists() else []


def verify_ok(board: Path) -> str:
    result = CliRunner().invoke(cli, ["audit", "verify", str(board)])
    assert result.exit_code == 0, result.output
    return result.output


async def test_an_edit_in_the_app_is_one_record(launch_board: Path, make_app) -> None:
    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert history(launch_board) == []
        await pilot.press("j", "s")  # SEC-02: todo -> in_progress
        await pilot.pause()
        recs = history(launch_board)
        assert len(recs) == 1
        r = recs[0]
        assert (r.type, r.source, r.item, r.field, r.old, r.new) == (
            "change",
            "app",
            "SEC-02",
            "status",
            "todo",
            "in_progress",
        )
        assert r.actor  # git user.name, else $USER
    verify_ok(launch_board)


async def test_undo_and_redo_record_the_reverse_and_the_change_again(launch_board: Path, make_app) -> None:
    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("j", "s")
        await pilot.pause()
        await pilot.press("u")
        await pilot.pause()
        await pilot.press("ctrl+y")
        await pilot.pause()
        got = [(r.item, r.field, r.old, r.new) for r in history(launch_board)]
        assert got == [
            ("SEC-02", "status", "todo", "in_progress"),
            ("SEC-02", "status", "in_progress", "todo"),
            ("SEC-02", "status", "todo", "in_progress"),
        ]
        assert BoardStore.load(launch_board).item("SEC-02").status == "in_progress"
    assert "ok" in verify_ok(launch_board).lower()


async def test_an_unsaved_edit_is_recorded_when_it_is_finally_saved(launch_board: Path, make_app) -> None:
    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        other = EditController(BoardStore.load(launch_board), audit_source="cli")
        assert other.set_status("SEC-02", "review").saved == "saved"
        await pilot.press("j", "s")  # refused: the same field changed on disk
        await pilot.pause()
        assert isinstance(app.screen, ConflictScreen)
        mine = [r for r in history(launch_board) if r.source == "app"]
        assert mine == []  # not in the file, so not in the history
        await pilot.press("k")  # keep mine
        await pilot.pause()
        recs = history(launch_board)
        assert [(r.source, r.item, r.field, r.old, r.new) for r in recs] == [
            ("cli", "SEC-02", "status", "todo", "review"),
            ("app", "SEC-02", "status", "review", "in_progress"),
        ]
    verify_ok(launch_board)


async def test_an_outside_change_is_recorded_on_reload(launch_board: Path, make_app) -> None:
    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        launch_board.write_text(launch_board.read_text().replace('"Rollback runbook"', '"Runbook (theirs)"'))
        app.live.check_disk()
        await app.workers.wait_for_complete()  # the file is read in a thread worker
        await pilot.pause()
        recs = history(launch_board)
        assert [(r.source, r.item, r.field, r.old, r.new) for r in recs] == [
            ("reload", "RB-01", "title", "Rollback runbook", "Runbook (theirs)")
        ]
    verify_ok(launch_board)


async def test_an_audit_failure_keeps_the_edit_and_says_so(launch_board: Path, make_app) -> None:
    audit.history_path(launch_board).mkdir()  # appending to a directory fails
    app = make_app(launch_board)
    notices = record_notices(app)  # notifications, through the public notify
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("j", "s")
        await pilot.pause()
        assert BoardStore.load(launch_board).item("SEC-02").status == "in_progress"  # saved all the same
        assert not app.editor.dirty
        assert any("audit" in n.message.lower() for n in notices)


def test_the_controller_records_every_edit_path(launch_board: Path) -> None:
    """Without the UI: add, delete (cascading), dependency edits all append what they changed."""
    ed = EditController(BoardStore.load(launch_board))
    assert ed.add_item({"id": "NEW-01", "title": "Fresh"}).saved == "saved"
    assert ed.add_dependency("NEW-01", "SEC-01").saved == "saved"
    assert ed.delete("NEW-01").saved == "saved"
    recs = history(launch_board)
    assert [r.item for r in recs] == ["NEW-01"] * len(recs) and len(recs) >= 3
    assert recs[0].old is None and recs[-1].new is None  # added, then removed
    assert audit.verify(audit.history_path(launch_board)).ok
    # A controller without an audit source (tests, previews) writes nothing.
    quiet = EditController(BoardStore.load(launch_board), audit_source=None)
    quiet.set_status("SEC-02", "review")
    assert len(history(launch_board)) == len(recs)
