"""The backlog's incremental path after an edit (``BacklogPane.apply_changes``): every view it
leaves must be the one a full ``show_board`` pass draws for the same board."""

from __future__ import annotations

from pathlib import Path

from ui_helpers import count_full_passes, started, table_text

from readiness_tui.ui.widgets.backlog_table import BacklogTable, GroupRow

SIZE = (120, 40)


def line_of(app, item_id: str) -> str:  # type: ignore[no-untyped-def]
    return next(ln for ln in table_text(app).splitlines()[1:] if ln[2:].split()[:1] == [item_id])


def view(app) -> tuple:  # type: ignore[no-untyped-def]
    """Everything the table shows or filters on."""
    t = app.query_one(BacklogTable)
    rows = [("group", r.label, r.count) if type(r) is GroupRow else r.id for r in t.rows]
    ids = [it.id for it in t.items]
    # The rows hold the store's current objects, never the ones an edit replaced.
    assert all(r is app.store.item(r.id) for r in t.rows if type(r) is not GroupRow)
    return (
        rows,
        sorted(t.facts.ready),
        sorted(t.facts.blocked),
        sorted(t.facts.overdue),
        {i: t.open_deps(i) for i in ids},
        {k: v for k, v in sorted(t.dependents.items()) if v},
        t.current_id,
        t.describe_view(),
        table_text(app),
    )


def assert_same_as_full_pass(app) -> None:  # type: ignore[no-untyped-def]
    before = view(app)
    app.main.refresh_panes()  # no changes: the full pass
    after = view(app)
    for a, b in zip(before, after):
        assert a == b


async def test_closing_a_dependency_unblocks_its_dependents(launch_board: Path, make_app, monkeypatch) -> None:
    app = make_app(launch_board)
    async with started(app) as pilot:
        assert line_of(app, "OBS-02").startswith("◷")
        full = count_full_passes(monkeypatch)
        app.main.set_status_of("OBS-01", "done")
        await pilot.pause()
        assert len(full) == 0  # followed incrementally
        assert line_of(app, "OBS-01").startswith("✓")
        assert line_of(app, "OBS-02").startswith("▶") and "0/1" in line_of(app, "OBS-02")
        assert app.analysis is not None and app.analysis.items["OBS-01"].status == "done"
        assert_same_as_full_pass(app)
        app.main.set_status_of("OBS-01", "in_progress")  # reopened: blocked again
        await pilot.pause()
        assert line_of(app, "OBS-02").startswith("◷") and "1/1" in line_of(app, "OBS-02")
        assert_same_as_full_pass(app)


async def test_status_key_on_the_current_item(launch_board: Path, make_app, monkeypatch) -> None:
    app = make_app(launch_board)
    async with started(app) as pilot:
        full = count_full_passes(monkeypatch)
        await pilot.press("j", "s")  # SEC-02: todo -> in progress
        await pilot.pause()
        assert len(full) == 0
        assert "in progress" in line_of(app, "SEC-02")
        assert app.query_one(BacklogTable).current_id == "SEC-02"
        assert_same_as_full_pass(app)


async def test_sorted_by_the_edited_field_the_row_moves(launch_board: Path, make_app) -> None:
    app = make_app(launch_board)
    async with started(app) as pilot:
        table = app.query_one(BacklogTable)
        table.sort_by("status")
        table.move_to("VER-01")  # review
        await pilot.pause()
        app.main.set_status_of("VER-01", "todo")
        await pilot.pause()
        order = [r.id for r in table.rows]
        assert order.index("VER-01") < order.index("VLT-01")  # todo before in progress now
        assert table.current_id == "VER-01"
        assert_same_as_full_pass(app)
        # Sorted by a column the edit does not read: the order stays, the row shows the change.
        table.sort_by("owner")
        await pilot.pause()
        before = [r.id for r in table.rows]
        app.main.set_status_of("VER-01", "done")
        await pilot.pause()
        assert [r.id for r in table.rows] == before
        assert line_of(app, "VER-01").startswith("✓")
        app.main.filter_backlog("closed")  # rows made again from the cached owner order
        await pilot.pause()
        assert "VER-01" in [r.id for r in table.rows]
        assert_same_as_full_pass(app)


async def test_sorted_by_open_dependencies_a_closed_dependency_reorders(launch_board: Path, make_app) -> None:
    app = make_app(launch_board)
    async with started(app) as pilot:
        table = app.query_one(BacklogTable)
        table.sort_by("deps")
        await pilot.pause()
        app.main.set_status_of("OBS-01", "done")
        await pilot.pause()
        assert_same_as_full_pass(app)
        table.sort_by("title")  # the cached deps order must not come back stale
        await pilot.pause()
        app.main.set_status_of("VLT-01", "done")
        await pilot.pause()
        table.sort_by("deps")
        await pilot.pause()
        assert_same_as_full_pass(app)


async def test_with_a_filter_items_leave_and_enter_the_view(launch_board: Path, make_app) -> None:
    app = make_app(launch_board)
    async with started(app) as pilot:
        app.main.filter_backlog("status:todo")
        await pilot.pause()
        table = app.query_one(BacklogTable)
        table.move_to("VER-02")
        await pilot.pause()
        # An edit that does not move the cursor (the app's own edits focus the edited item).
        app.main.refresh_panes(changes=app.store.set_status("SEC-02", "in_progress"))
        await pilot.pause()
        assert "SEC-02" not in [r.id for r in table.rows]
        assert table.current_id == "VER-02" and table.query_.text == "status:todo"
        assert_same_as_full_pass(app)
        app.main.refresh_panes(changes=app.store.set_status("SEC-02", "todo"))  # back, in board order
        await pilot.pause()
        assert [r.id for r in table.rows][:2] == ["SEC-02", "VER-02"]
        assert_same_as_full_pass(app)
        app.main.filter_backlog("ready")
        table.move_to("SEC-02")
        await pilot.pause()
        assert "OBS-02" not in [r.id for r in table.rows]
        app.main.refresh_panes(changes=app.store.set_status("OBS-01", "done"))  # OBS-02 becomes ready
        await pilot.pause()
        ids = [r.id for r in table.rows]
        assert "OBS-02" in ids and "OBS-01" not in ids
        assert_same_as_full_pass(app)
        # The current item edited out of the filter: the filter is cleared so it stays in sight.
        table.move_to("SEC-02")
        await pilot.pause()
        app.main.action_cycle_status()
        await pilot.pause()
        assert table.current_id == "SEC-02" and table.query_.is_empty
        assert_same_as_full_pass(app)


async def test_text_filter_follows_a_title_edit(launch_board: Path, make_app) -> None:
    app = make_app(launch_board)
    async with started(app) as pilot:
        app.main.filter_backlog("zebra")
        await pilot.pause()
        table = app.query_one(BacklogTable)
        assert table.rows == []
        app.main.edit_fields("DOC-02", {"title": "Zebra crossing runbook"})
        await pilot.pause()
        assert [r.id for r in table.rows] == ["DOC-02"]
        assert_same_as_full_pass(app)
        app.main.edit_fields("DOC-01", {"title": "Zebra docs"})
        await pilot.pause()
        assert [r.id for r in table.rows] == ["DOC-01", "DOC-02"] and table.current_id == "DOC-01"
        app.main.refresh_panes(changes=app.store.set_fields("DOC-02", {"title": "Runbook"}))
        await pilot.pause()
        assert [r.id for r in table.rows] == ["DOC-01"]
        assert_same_as_full_pass(app)


async def test_dependency_edits_update_counts_on_both_sides(launch_board: Path, make_app, monkeypatch) -> None:
    app = make_app(launch_board)
    async with started(app) as pilot:
        full = count_full_passes(monkeypatch)
        app.main.after_edit(app.editor.add_dependency("DOC-01", "OBS-01"))
        await pilot.pause()
        assert len(full) == 0
        assert line_of(app, "DOC-01").startswith("◷") and "1/1" in line_of(app, "DOC-01")
        assert_same_as_full_pass(app)
        app.main.set_status_of("OBS-01", "done")  # its dependents now include DOC-01
        await pilot.pause()
        assert "0/1" in line_of(app, "DOC-01")
        assert_same_as_full_pass(app)
        app.main.after_edit(app.editor.remove_dependency("DOC-01", "OBS-01"))
        app.main.set_status_of("OBS-01", "todo")  # DOC-01 no longer depends on it
        await pilot.pause()
        assert_same_as_full_pass(app)


async def test_grouped_by_owner_an_owner_edit_moves_the_row(launch_board: Path, make_app) -> None:
    app = make_app(launch_board)
    async with started(app) as pilot:
        app.main.group_backlog("owner")
        await pilot.pause()
        app.main.edit_fields("OBS-01", {"owner": "@a-much-longer-owner"})
        await pilot.pause()
        table = app.query_one(BacklogTable)
        labels = [r.label for r in table.rows if type(r) is GroupRow]
        assert "@a-much-longer-owner" in labels
        assert table.current_id == "OBS-01"  # an edit's item becomes the current one
        assert_same_as_full_pass(app)
        app.main.group_backlog("none")
        await pilot.pause()
        app.main.edit_fields("SEC-01", {"priority": "P3", "target": "2026-02-01"})
        await pilot.pause()
        assert_same_as_full_pass(app)


async def test_undo_and_structural_edits_take_the_full_pass(launch_board: Path, make_app, monkeypatch) -> None:
    app = make_app(launch_board)
    async with started(app) as pilot:
        app.main.set_status_of("OBS-01", "done")
        await pilot.pause()
        full = count_full_passes(monkeypatch)
        await pilot.press("u")
        await pilot.pause()
        assert len(full) == 1
        assert line_of(app, "OBS-02").startswith("◷")
        app.main.after_edit(app.editor.duplicate("OBS-01"))
        await pilot.pause()
        assert len(full) == 2
        assert_same_as_full_pass(app)


async def test_scrolling_a_long_backlog_keeps_the_scrollbar_true(tmp_path: Path, make_app) -> None:
    """Scrolls that leave the thumb's picture as it was skip its repaint; the picture must still
    be the one a full repaint draws, wherever the cursor goes."""
    from readiness_tui.bench.generate import write_board

    board = write_board(tmp_path / "long.toml", 1200)
    app = make_app(board)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.query_one(BacklogTable)
        bar = table.vertical_scrollbar
        for keys in (("down",) * 60, ("pagedown",) * 7, ("up",) * 45, ("end",), ("pageup",) * 3):
            await pilot.press(*keys)
            await pilot.pause()
            shown = app.export_screenshot()
            bar.refresh()
            await pilot.pause()
            assert app.export_screenshot() == shown
        assert round(table.scroll_y) > 0
