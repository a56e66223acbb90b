"""The merge-conflicts screen: one pick per conflict through the core resolver, changes handed back."""

from __future__ import annotations

from textual.app import App

from readiness_tui.core.gitmerge import merge_boards
from readiness_tui.core.store import BoardStore, Change
from readiness_tui.ui.screens.conflicts import ConflictsScreen

BASE = '[board]\ntitle = "t"\n\n[[items]]\nid = "A-01"\ntitle = "a"\nstatus = "todo"\nowner = "ana"\n'


def _store() -> BoardStore:
    ours = BASE.replace('status = "todo"', 'status = "done"').replace('"ana"', '"bo"')
    theirs = BASE.replace('status = "todo"', 'status = "blocked"').replace('"ana"', '"cy"')
    return BoardStore.from_text(merge_boards(BASE, ours, theirs, "main", "feature").text)


async def test_pick_per_conflict_then_done() -> None:
    store = _store()
    assert [c.field for c in store.board.conflicts] == ["status", "owner"]
    result: list[list[Change]] = []

    class Host(App[None]):
        def on_mount(self) -> None:
            self.push_screen(ConflictsScreen(store), result.append)

    app = Host()
    async with app.run_test() as pilot:
        await pilot.pause()
        assert "2 conflict(s) left" in str(app.screen.query_one("#conflicts-status").render())
        await pilot.press("t")  # status: theirs
        await pilot.pause()
        assert [c.field for c in store.board.conflicts] == ["owner"]
        await pilot.press("b")  # owner: the value before both
        await pilot.pause()
        assert "No conflicts left" in str(app.screen.query_one("#conflicts-status").render())
        await pilot.press("escape")
        await pilot.pause()
    assert store.item("A-01").status == "blocked" and store.item("A-01").owner == "ana"
    assert not store.board.conflicts and "[[conflicts]]" not in store.text()
    [changes] = result
    assert [(c.kind, c.field) for c in changes if c.kind == "items"] == [("items", "status"), ("items", "owner")]
