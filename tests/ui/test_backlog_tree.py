"""The backlog as a tree (folding by key and mouse, kept across a reload, roll-up in the row,
inherited owners) and the filter line's messages, through the running app."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.widgets import Input, Static
from ui_helpers import run_from_palette, wait_for

from readiness_tui.ui.panes.backlog import BacklogPane
from readiness_tui.ui.widgets.backlog_table import BacklogTable

Q1 = Path(__file__).resolve().parents[2] / "boards" / "q1-2026-execution-backlog.toml"
SIZE = (120, 40)


@pytest.fixture
def q1(tmp_path: Path) -> Path:
    path = tmp_path / "q1.toml"
    shutil.copy(Q1, path)
    with path.open("a", encoding="utf-8") as f:
        f.write('\n[views]\nmine = "owner:ops open"\n')
    return path


def lines(app) -> dict[str, str]:  # type: ignore[no-untyped-def]
    table = app.query_one(BacklogTable)
    out = {}
    for y in range(1, table.size.height):
        text = table.render_line(y).text
        if text.strip():
            out[text[2:].split()[0]] = text
    return out


def shown(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [r.id for r in app.query_one(BacklogTable).rows]


def filter_message(app) -> str:  # type: ignore[no-untyped-def]
    message = app.query_one("#backlog-filter-error", Static)
    return str(message.render()) if message.display else ""


async def test_children_sit_under_their_parent_with_the_roll_up(q1: Path, make_app) -> None:
    app = make_app(q1)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        ids = shown(app)
        assert ids[:4] == ["S1", "S1-T1", "S1-T2", "S1-T3"]  # the board lists tasks after all streams
        rows = lines(app)
        assert "▾ Grant submission completion" in rows["S1"] and "0/3" in rows["S1"]
        assert "▰▰▰▱▱ 7/11" in rows["S2"]  # 7 of S2's 11 children are done
        assert "    Record 2-minute demo" in rows["S1-T1"]  # indented under S1
        assert "GTM" in rows["S1-T1"]  # the stream's owner, inherited
        assert "tree" in str(app.query_one("#backlog-summary", Static).render())


async def test_keys_and_the_mouse_fold_and_the_fold_survives_a_reload(q1: Path, make_app) -> None:
    app = make_app(q1)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.query_one(BacklogTable)
        assert table.current_id == "S1"
        await pilot.press("space")  # fold S1
        assert shown(app)[:2] == ["S1", "S2"]
        assert "▸ Grant submission" in lines(app)["S1"]
        await pilot.press("right")  # unfold
        assert shown(app)[:2] == ["S1", "S1-T1"]
        await pilot.press("j", "left")  # on a child, left goes to its parent
        assert table.current_id == "S1"
        await pilot.press("left")  # on the parent, left folds it
        assert "S1-T1" not in shown(app)
        await pilot.press("Z")  # one folded: Z unfolds all
        assert len(shown(app)) == 36
        await pilot.press("Z")  # then folds every parent
        assert shown(app) == ["S1", "S2", "S3", "S4", "S5", "S6", "S7", "A1", "A2", "A3"]
        await pilot.press("Z")
        # The mouse: a click on S2's fold mark folds it; elsewhere on the row it only moves there.
        row = shown(app).index("S2") + 1
        x = next(cx for col, cx, _w in table.columns(table.size.width) if col.key == "title")
        await pilot.click(BacklogTable, offset=(x + 5, row))
        assert table.current_id == "S2" and "S2-T1" in shown(app)
        await pilot.click(BacklogTable, offset=(x, row))
        assert "S2-T1" not in shown(app)
        app.action_reload()  # R: the board read again from disk
        await wait_for(pilot, lambda: app.query_one(BacklogTable).items is app.store.board.items, what="reload")
        assert "S2-T1" not in shown(app) and "S1-T1" in shown(app)
        assert table.folded == {"S2"}


async def test_jumping_to_a_folded_child_unfolds_its_parent(q1: Path, make_app) -> None:
    app = make_app(q1)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("Z")
        app.query_one(BacklogPane).focus_item("S3-T2")
        assert app.query_one(BacklogTable).current_id == "S3-T2"
        assert "S3" not in app.query_one(BacklogTable).folded


async def test_a_status_edit_moves_the_parents_roll_up(q1: Path, make_app) -> None:
    app = make_app(q1)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("j")  # S1-T1
        app.main.set_status_of("S1-T1", "done")
        await pilot.pause()
        assert "1/3" in lines(app)["S1"]
        assert 'status = "done"' in q1.read_text(encoding="utf-8")


async def test_bad_filters_say_what_is_wrong_under_the_input(q1: Path, make_app) -> None:
    app = make_app(q1)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash", "p")
        last = shown(app)  # "p" is a word to search for
        await pilot.press(*":P9")
        assert filter_message(app).startswith("✘ column 3: unknown priority 'P9'; priorities are P0, P1, P2, P3")
        assert shown(app) == last  # the last valid filter still applies
        await pilot.press(*["backspace"] * 4, *"foo:bar")
        assert "column 1: unknown field 'foo'" in filter_message(app)
        await pilot.press(*["backspace"] * 7, *"score>15")
        assert filter_message(app) == ""
        assert shown(app) == ["S1", "S2", "S3", "S4"]
        await pilot.press(*["backspace"] * 8, *"not status:done kind:stream")
        assert filter_message(app) == ""
        assert "S2" in shown(app) and len(shown(app)) == 7
        await pilot.press(*["backspace"] * 27, *"view:mine -kind:stream")
        # Ops' open items; their streams filtered away, the tasks stand at the top level, in board order.
        assert shown(app) == ["S2-T1", "S2-T3", "S2-T4", "S4-T1", "S4-T2", "S4-T3", "S2-C7"]
        await pilot.press(*["backspace"] * 22, *"(ready")
        assert "column 1: this '(' is not closed" in filter_message(app)
        await pilot.press(")")
        assert filter_message(app) == ""


async def test_named_views_are_in_the_palette_and_apply_as_a_filter(q1: Path, make_app) -> None:
    app = make_app(q1)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await run_from_palette(pilot, app, "View: mine")
        await wait_for(pilot, lambda: app.query_one(BacklogTable).shown == 9, what="the view applied")
        assert app.query_one("#backlog-filter", Input).value == "view:mine"
        assert filter_message(app) == ""


async def test_the_folds_are_there_when_the_board_is_opened_again(q1: Path, make_app) -> None:
    app = make_app(q1)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.query_one(BacklogTable).fold("S2")
        await pilot.pause()
    again = make_app(q1)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.query_one(BacklogTable).folded == {"S2"}
        assert "S2-T1" not in shown(again) and "S1-T1" in shown(again)


async def test_a_parent_edit_moves_the_row_under_its_new_parent(q1: Path, make_app) -> None:
    app = make_app(q1)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.main.edit_fields("A1", {"parent": "S3"})
        await pilot.pause()
        ids = shown(app)
        assert ids.index("A1") == ids.index("S3-T3") + 1  # last of S3's children
        assert "▰▱▱▱▱ 1/4" not in lines(app)["S3"] and "0/4" in lines(app)["S3"]
        assert 'parent = "S3"' in q1.read_text(encoding="utf-8")
