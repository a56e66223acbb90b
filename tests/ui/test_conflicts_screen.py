"""The merge-conflicts screen: one pick per conflict through the core resolver, changes handed back."""

from __future__ import annotations

from pathlib import Path

from textual.app import App

from readiness_tui.core import audit
from readiness_tui.core.audit import dag as history_dag
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.edits.editor import EditController
from readiness_tui.core.gitmerge import merge_boards
from readiness_tui.ui.screens.conflicts import ConflictsScreen

BASE = '[board]\ntitle = "t"\n\n[[items]]\nid = "A-01"\ntitle = "a"\nstatus = "todo"\nowner = "ana"\n'


def _store(tmp_path: Path) -> BoardStore:
    ours = BASE.replace('status = "todo"', 'status = "done"').replace('"ana"', '"bo"')
    theirs = BASE.replace('status = "todo"', 'status = "blocked"').replace('"ana"', '"cy"')
    path = tmp_path / "plan.toml"
    path.write_text(merge_boards(BASE, ours, theirs, "main", "feature").text)
    return BoardStore.load(path)


async def test_pick_per_conflict_saves_and_records_each(tmp_path: Path) -> None:
    store = _store(tmp_path)
    editor = EditController(store, audit_source="app", actor="Ada")
    assert [c.field for c in store.board.conflicts] == ["status", "owner"]
    result: list[int] = []

    class Host(App[None]):
        def on_mount(self) -> None:
            self.push_screen(ConflictsScreen(editor), result.append)

    app = Host()
    async with app.run_test() as pilot:
        await pilot.pause()
        assert "2 conflict(s) left" in str(app.screen.query_one("#conflicts-status").render())
        await pilot.press("t")  # status: theirs
        await pilot.pause()
        assert [c.field for c in editor.store.board.conflicts] == ["owner"]
        on_disk = BoardStore.load(tmp_path / "plan.toml")  # saved at once, like any edit
        assert on_disk.item("A-01").status == "blocked" and len(on_disk.board.conflicts) == 1
        await pilot.press("b")  # owner: the value before both
        await pilot.pause()
        assert "No conflicts left" in str(app.screen.query_one("#conflicts-status").render())
        await pilot.press("escape")
        await pilot.pause()
    assert result == [2]
    on_disk = BoardStore.load(tmp_path / "plan.toml")
    assert on_disk.item("A-01").status == "blocked" and on_disk.item("A-01").owner == "ana"
    assert not on_disk.board.conflicts and "[[conflicts]]" not in on_disk.text()
    recorded = [(r.kind, r.item, r.field) for r in audit.read(tmp_path / "plan.toml")]
    assert ("items", "A-01", "status") in recorded and ("items", "A-01", "owner") in recorded
    assert history_dag.verify(tmp_path / "plan.toml").ok


async def test_the_app_opens_the_conflicts_with_C_and_shows_the_pick(tmp_path: Path) -> None:
    from readiness_tui.ui.app import ReadinessApp

    store = _store(tmp_path)
    app = ReadinessApp(tmp_path / "plan.toml", watch=False)
    app.animation_level = "none"
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("C")
        await pilot.pause()
        assert isinstance(app.screen, ConflictsScreen)
        await pilot.press("o", "o", "escape")  # ours for both: status done, owner bo
        await pilot.pause()
        assert not isinstance(app.screen, ConflictsScreen)
        assert app.store.item("A-01").status == "done" and not app.store.board.conflicts
    on_disk = BoardStore.load(tmp_path / "plan.toml")
    assert (on_disk.item("A-01").status, on_disk.item("A-01").owner) == ("done", "bo")
    assert store.path == on_disk.path
