"""The app's analysis after an edit: a status key leaves the links as they were, so the next
analysis shares the previous one's link answers (and answers what a fresh one does); a
dependency edit leaves nothing to share."""

from __future__ import annotations

from pathlib import Path

from ui_helpers import wait_for

from readiness_tui.core.analysis.analyze import Analysis

SIZE = (120, 40)


async def test_a_status_key_shares_the_links_of_the_analysis_before_and_a_dependency_edit_does_not(
    launch_board: Path, make_app
) -> None:
    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")  # the Detail pane reads the analysis: open dependencies, cycles
        await wait_for(pilot, lambda: app.main.pane("detail") is not None and app.main.pane("detail").is_mounted)
        before = app.analysis
        assert before is not None and "_topo" in before.__dict__
        item = app.main.current_item_id
        status = app.store.item(item).status
        await pilot.press("s")
        await wait_for(pilot, lambda: app.store.item(item).status != status, what="the status edit")
        after = app.analysis
        assert after is not before and after.__dict__.get("_topo") is before.__dict__["_topo"]
        fresh = Analysis(app.store.board)
        assert after.order() == fresh.order() and after.ready == fresh.ready and after.waves() == fresh.waves()
        assert after.critical_path.ids == fresh.critical_path.ids
        # A dependency edit: the links changed, nothing is shared.
        deps = app.store.item(item).depends_on
        # A root (no dependencies of its own) cannot close a cycle.
        dep = next(i for i in app.store.board.items if i.id != item and i.id not in deps and not i.depends_on)
        app.main.after_edit(app.editor.set_fields(item, {"depends_on": [*app.store.item(item).depends_on, dep.id]}))
        assert dep.id in app.store.item(item).depends_on
        again = app.analysis
        assert again is not after
        assert again.order() == Analysis(app.store.board).order()  # works out (or takes) its order
        assert again.__dict__["_topo"] is not after.__dict__["_topo"]


async def test_the_analysis_a_worker_makes_after_a_status_key_shares_the_links_too(tmp_path: Path, make_app) -> None:
    from readiness_tui.bench.generate import write_board
    from readiness_tui.ui.lint_runner import SYNC_ITEMS

    # Over SYNC_ITEMS, go/no-go and lint make the next analysis in their workers, not the app.
    board = write_board(tmp_path / "big.toml", SYNC_ITEMS + 100)
    app = make_app(board)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.analysis_made() is not None, timeout=30, what="the first analysis")
        await app.workers.wait_for_complete()
        before = app.analysis_made()
        assert before is not None
        topo = before._topo  # worked out, as the panes and lint ask for it
        item = app.main.current_item_id
        status = app.store.item(item).status
        await pilot.press("s")
        await wait_for(pilot, lambda: app.store.item(item).status != status, what="the status edit")
        await wait_for(pilot, lambda: app.analysis_made() is not None, timeout=30, what="a worker's analysis")
        after = app.analysis_made()
        assert after is not before
        # Given the link answers, not working the graph out again beside the old one.
        assert after.__dict__.get("_topo") is topo
        assert after.order() == Analysis(app.store.board).order()
