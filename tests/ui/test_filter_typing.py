"""Typing into the backlog's filter line key by key: the rows are always what a full match of the
filter gives, though the table keeps recent filters' results and narrows from them
(``backlog_rows``); a key that leaves the same rows repaints nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from ui_helpers import started, wait_for

from readiness_tui.ui.panes.backlog import FilterInput
from readiness_tui.ui.widgets.backlog_table import BacklogTable

KEY_NAMES = {":": "colon", "@": "at", " ": "space"}


def full_match(table: BacklogTable) -> list[str]:
    """The filter tried on every item, nothing kept (the launch board has no parents: the rows
    are the matches in board order)."""
    return [it.id for it in table.query_.filter(table.items, table.facts)]


def shown(table: BacklogTable) -> list[str]:
    return [r.id for r in table.rows]  # type: ignore[union-attr]


async def test_rows_equal_a_full_match_at_every_key_and_after_an_edit(launch_board: Path, make_app) -> None:
    app = make_app(launch_board)
    async with started(app) as pilot:
        table = app.query_one(BacklogTable)
        await pilot.press("slash")
        seen: dict[str, list[str]] = {}
        for ch in "owner:@an":
            await pilot.press(KEY_NAMES.get(ch, ch))
            assert shown(table) == full_match(table)
            seen[table.query_.text] = shown(table)
        assert "GO-01" in seen["owner:@an"] and "VLT-01" not in seen["owner:@an"]
        assert seen["o"] != seen["ow"]  # typing on narrowed the rows
        # GO-01 leaves @ana: the kept results of "owner:@a" and "owner:@an" no longer hold.
        app.main.refresh_panes(changes=app.store.set_fields("GO-01", {"owner": "@ben"}))  # cursor stays
        await pilot.pause()
        assert "GO-01" not in shown(table)
        for _ in "owner:@an":
            await pilot.press("backspace")
            assert shown(table) == full_match(table)
            if table.query_.text == "owner:@a":
                assert "GO-01" not in shown(table)
        assert table.query_.is_empty and len(shown(table)) == len(table.items)


async def test_a_key_that_leaves_the_same_rows_repaints_nothing(launch_board: Path, make_app, monkeypatch) -> None:
    app = make_app(launch_board)
    async with started(app) as pilot:
        table = app.query_one(BacklogTable)
        await pilot.press("slash", "z", "z")
        assert shown(table) == []
        repaints: list[object] = []
        real = table.refresh

        def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
            repaints.append(args)
            return real(*args, **kwargs)

        monkeypatch.setattr(table, "refresh", counting)
        await pilot.press("z")  # "zzz": still nothing
        assert table.query_.text == "zzz" and shown(table) == [] and repaints == []
        await pilot.press("backspace", "backspace", "backspace")  # "" : every item again
        assert len(shown(table)) == len(table.items) and repaints


def typed_in_a_burst(app, keys: list[str]) -> None:  # type: ignore[no-untyped-def]
    """Post ``keys`` to the app at once, as a terminal delivers keys typed fast (``pilot.press``
    lets the app go idle after each key, which hides races between keys)."""
    from textual import events
    from textual.keys import _character_to_key

    for key in keys:
        name = _character_to_key(key) if len(key) == 1 and not key.isalnum() else key
        event = events.Key(name, key if len(key) == 1 else None)
        event.set_sender(app)
        app._driver.send_message(event)


@pytest.mark.parametrize(
    ("before", "typed"), [("zzzzz", "ready"), ("owner:@cy", "owner:@cy ready"), ("ready", "blocked")]
)
async def test_typing_fast_after_backspaces_keeps_every_key(
    launch_board: Path, make_app, before: str, typed: str
) -> None:
    app = make_app(launch_board)
    async with started(app) as pilot:
        table = app.query_one(BacklogTable)
        field = app.query_one(FilterInput)
        await pilot.press("slash")
        typed_in_a_burst(app, list(before))
        await wait_for(pilot, lambda: field.value == before, what=f"{before!r} typed")
        # The backspaces and the new text in one burst, no pause between keys.
        typed_in_a_burst(app, ["backspace"] * len(before) + list(typed))
        await wait_for(pilot, lambda: len(field.value) >= len(typed), what="the keys handled")
        await pilot.pause()
        assert field.value == typed and field.cursor_position == len(typed)
        assert table.query_.text == typed and shown(table) == full_match(table)


async def test_a_cleared_filter_leaves_nothing_of_itself_held(tmp_path: Path, make_app) -> None:
    """What filtering kept (the board's values to check a filter against, each item's text to
    search, recent results) goes when the filter is cleared, to be made again by the next one."""
    import gc
    import tracemalloc

    from readiness_tui.bench.generate import write_board

    n = 2000
    app = make_app(write_board(tmp_path / "board.toml", n))
    async with started(app) as pilot:
        table = app.query_one(BacklogTable)

        async def filter_and_clear() -> None:
            await pilot.press("slash", *[KEY_NAMES.get(ch, ch) for ch in "owner:@an rea"])
            assert table.shown < n
            await pilot.press("escape")  # cleared, and back to the table
            await wait_for(pilot, lambda: table.shown == n, what="the filter cleared")
            await pilot.pause()

        import readiness_tui.core.filters.match
        import readiness_tui.core.filters.narrow  # noqa: F401 - imported by the first filter, not measured

        tracemalloc.start(25)
        try:
            await filter_and_clear()
            gc.collect()
            snapshot = tracemalloc.take_snapshot()
        finally:
            tracemalloc.stop()
        # What the filter's code made (the screen's strips and caches are not its business).
        filtering = tracemalloc.Filter(True, "*/readiness_tui/core/filters/*", all_frames=True)
        held = sum(stat.size for stat in snapshot.filter_traces([filtering]).statistics("filename"))
        assert held < 40 * n, held  # the tree's inherited values, which it keeps, are read once
        # Typed again, it filters as before.
        await pilot.press("slash", *[KEY_NAMES.get(ch, ch) for ch in "owner:@an"])
        assert shown(table) == full_match(table) and table.shown < n
