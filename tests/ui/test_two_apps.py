"""Two people with one board open at once: two app instances, each edit on disk, each screen shows both."""

from __future__ import annotations

from pathlib import Path

from ui_helpers import wait_for

from readiness_tui.core import audit
from readiness_tui.core.board.store import BoardStore
from tests.ui.test_integration_gates import table_text, watching

SIZE = (120, 40)


async def test_two_apps_editing_different_items_both_land_and_both_show(launch_board: Path, make_app) -> None:
    ana = make_app(launch_board, watch=True)
    bo = make_app(launch_board, watch=True)
    async with ana.run_test(size=SIZE) as p1, bo.run_test(size=SIZE) as p2:
        await p1.pause()
        await p2.pause()
        await watching(ana, p1)
        await watching(bo, p2)
        ana.main.set_status_of("SEC-02", "review")
        bo.main.edit_fields("RB-01", {"title": "Runbook (Bo)"})  # Bo has not seen Ana's edit yet
        await wait_for(p1, lambda: ana.store.item("RB-01").title == "Runbook (Bo)", what="Bo's edit in Ana's app")
        await wait_for(p2, lambda: bo.store.item("SEC-02").status == "review", what="Ana's edit in Bo's app")
        await p1.pause()
        await p2.pause()
        assert "Runbook (Bo)" in table_text(ana) and "Runbook (Bo)" in table_text(bo)
        assert not ana.editor.dirty and not bo.editor.dirty
    on_disk = BoardStore.load(launch_board)
    assert on_disk.item("SEC-02").status == "review" and on_disk.item("RB-01").title == "Runbook (Bo)"
    recs = [(r.item, r.field) for r in audit.read(launch_board) if r.type == "change"]
    assert sorted(recs) == [("RB-01", "title"), ("SEC-02", "status")]  # each recorded once
    assert audit.verify(launch_board).ok
