"""The dependency matrix pane, mounted alone in the test host."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from ui_helpers import PaneHost, wait_for
from ui_helpers import drawn_lines as screen_lines

from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.model.problems import EditError
from readiness_tui.ui.messages import ToggleDependency
from readiness_tui.ui.panes.matrix import MatrixPane
from readiness_tui.ui.widgets.matrix_layout import (
    CELL_W,
    CYCLE,
    DEP,
    DIAG,
    DIS_DEP,
    DIS_NONE,
    H_CLOSED,
    H_PLAIN,
    NONE,
    REFUSED_DEP,
    REFUSED_NEW,
    HeaderLayout,
)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "matrix"
SIZE = (120, 40)


def play_toggle(host: PaneHost, message: ToggleDependency) -> None:
    """The app's part: apply the toggle to the store; a refused cycle goes to ``show_cycle``."""
    item = host.store.item(message.item_id)
    try:
        if message.dep_id in item.depends_on:
            host.store.remove_dependency(message.item_id, message.dep_id)
        else:
            host.store.add_dependency(message.item_id, message.dep_id)
    except EditError as exc:
        host.pane.show_cycle(exc.cycle)
        return
    host.show()


def host(store: BoardStore, edits: bool = False) -> PaneHost:
    """A MatrixPane over the board; with ``edits`` the host applies the toggles it posts."""
    return PaneHost(MatrixPane(id="pane"), store, react={ToggleDependency: play_toggle} if edits else None)


def load(name: str) -> BoardStore:
    return BoardStore.load(FIXTURES / name)


def chain(ids: list[str]) -> BoardStore:
    """A board of these items, each depending on the one before."""
    lines = ['[board]\ntitle = "Chain"\n']
    for n, i in enumerate(ids):
        deps = f'["{ids[n - 1]}"]' if n else "[]"
        lines.append(f'[[items]]\nid = "{i}"\ntitle = "Item {n}"\ndepends_on = {deps}\n')
    return BoardStore.from_text("\n".join(lines))


def generated(n: int) -> BoardStore:
    return chain([f"T{i:03d}" for i in range(n)])


def cell(pane: MatrixPane, row: str, col: str) -> int:
    """The kind of the cell at (row id, column id), found through the pane's public order."""
    return pane.cell_kind(pane.ids.index(row), pane.ids.index(col))


async def test_shows_dependencies_cycles_and_disagreements() -> None:
    app = host(load("recorded.toml"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        pane = app.query_one(MatrixPane)
        assert pane.cursor_row_id == "A" and pane.cursor_col_id == "A"
        assert cell(pane, "B", "A") == DEP
        assert cell(pane, "A", "B") == NONE
        assert cell(pane, "A", "A") == DIAG
        assert cell(pane, "C", "E") == CYCLE and cell(pane, "E", "C") == CYCLE
        # D depends on A but the recorded matrix says D -> B.
        assert cell(pane, "D", "A") == DIS_DEP
        assert cell(pane, "D", "B") == DIS_NONE
        assert pane.agreement == "2 disagreements"
        lines = screen_lines(pane)
        assert "Dependency matrix 5×5" in lines[0]
        assert "2 disagreements" in lines[0]
        assert "1 cycle" in lines[0]
        # Header labels, then a rule, then one line per row with its id in the row header.
        assert lines[1].split("│")[1].split() == ["A", "B", "C", "D", "E"]
        assert lines[2].startswith("───┼")
        assert lines[5].startswith(" C │") and "1↻" in lines[5]
        assert "1≠" in lines[6] and "·≠" in lines[6]
        assert "A Alpha does not depend on A Alpha" in lines[-1]


async def test_recorded_matrix_that_agrees_and_no_recorded_matrix() -> None:
    text = (FIXTURES / "recorded.toml").read_text().replace('"01000",', '"10000",')
    text = text.replace('depends_on = ["B", "E"]', 'depends_on = ["B"]').replace('"01001",', '"01000",')
    app = host(BoardStore.from_text(text))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        pane = app.query_one(MatrixPane)
        assert pane.agreement == "recorded matrix agrees"
        assert "recorded matrix agrees" in screen_lines(pane)[0]
        assert "cycle ·" not in screen_lines(pane)[0].split("   ")[0]
    app = host(load("plan.toml"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        pane = app.query_one(MatrixPane)
        assert pane.agreement == "no recorded matrix"
        assert pane.cursor_row_id == "INF-1"


async def test_cursor_moves_cell_by_cell_with_arrows_and_vim_keys() -> None:
    app = host(load("recorded.toml"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        pane = app.query_one(MatrixPane)

        async def at(*keys: str) -> tuple[str | None, str | None]:
            await pilot.press(*keys)
            await pilot.pause()
            return pane.cursor_row_id, pane.cursor_col_id

        assert await at("down") == ("B", "A")
        assert await at("j") == ("C", "A")
        assert await at("right") == ("C", "B")
        assert await at("l") == ("C", "C")
        assert await at("k") == ("B", "C")
        assert await at("up") == ("A", "C")
        assert await at("up") == ("A", "C")  # clamped
        assert await at("h") == ("A", "B")
        assert await at("left", "left") == ("A", "A")
        assert await at("G") == ("E", "A")
        assert await at("g") == ("A", "A")
        assert await at("end") == ("A", "E")
        assert await at("home") == ("A", "A")
        assert await at("pagedown") == ("E", "A")
        assert await at("pageup") == ("A", "A")
        highlights = [m[1] for m in app.messages if m[0] == "highlight"]
        assert highlights == ["B", "C", "B", "A", "E", "A", "E", "A"]
        # The current row and column headers are highlighted: the rule under the labels marks
        # the current column.
        await pilot.press("right", "right")
        await pilot.pause()
        rule = screen_lines(pane)[2]
        assert rule[pane.row_header_width :].startswith("──────━━━")


async def test_space_and_x_toggle_the_cell_and_enter_opens_the_row() -> None:
    app = host(load("recorded.toml"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down", "down", "right")  # row C, column B
        await pilot.press("space")
        await pilot.press("right", "right", "x")  # row C, column D
        await pilot.press("enter")
        await pilot.pause()
        assert [m for m in app.messages if m[0] != "highlight"] == [
            ("toggle", "C", "B"),
            ("toggle", "C", "D"),
            ("open", "C"),
        ]


async def test_toggle_round_trip_and_refused_cycle_is_marked() -> None:
    store = load("recorded.toml")
    app = host(store, edits=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        pane = app.query_one(MatrixPane)
        # D -> C: add, then remove, through the store; the cursor stays on the cell.
        await pilot.press("down", "down", "down", "right", "right", "space")
        await pilot.pause()
        assert "C" in store.item("D").depends_on
        assert cell(pane, "D", "C") == DIS_DEP  # the recorded matrix does not have it
        assert pane.agreement == "3 disagreements"
        assert (pane.cursor_row_id, pane.cursor_col_id) == ("D", "C")
        await pilot.press("space")
        await pilot.pause()
        assert "C" not in store.item("D").depends_on
        # B -> C would close B -> C -> B: refused, and the cycle is marked.
        await pilot.press("up", "up", "space")
        await pilot.pause()
        assert (pane.cursor_row_id, pane.cursor_col_id) == ("B", "C")
        assert "C" not in store.item("B").depends_on
        assert cell(pane, "B", "C") == REFUSED_NEW
        assert cell(pane, "C", "B") == REFUSED_DEP
        top = screen_lines(pane)[0]
        assert "refused: B → C → B would be a dependency cycle" in top
        assert "+✗" in screen_lines(pane)[pane.top_lines + 1]
        # The next toggle clears the marks (here it removes B -> A).
        await pilot.press("left", "left", "space")
        await pilot.pause()
        assert "A" not in store.item("B").depends_on
        assert cell(pane, "C", "B") == DEP
        assert "refused" not in screen_lines(pane)[0]


async def test_show_cycle_marks_every_cell_of_the_cycle() -> None:
    app = host(load("plan.toml"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        pane = app.query_one(MatrixPane)
        pane.show_cycle(["INF-1", "GO-1", "SEC-1", "INF-2", "INF-1"])
        await pilot.pause()
        assert cell(pane, "INF-1", "GO-1") == REFUSED_NEW
        assert cell(pane, "GO-1", "SEC-1") == REFUSED_DEP
        assert cell(pane, "SEC-1", "INF-2") == REFUSED_DEP
        assert cell(pane, "INF-2", "INF-1") == REFUSED_DEP
        # A changed board (a new analysis) clears the marks.
        app.show()
        await pilot.pause()
        assert cell(pane, "GO-1", "SEC-1") == DEP


async def test_show_board_keeps_the_cursor_on_the_same_ids() -> None:
    store = load("plan.toml")
    app = host(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        pane = app.query_one(MatrixPane)
        await pilot.press("down", "down", "right")
        assert (pane.cursor_row_id, pane.cursor_col_id) == ("OBS-1", "INF-2")
        store.add_item({"id": "NEW-1", "title": "Inserted"}, after="INF-1")
        app.show()
        await pilot.pause()
        second_row = screen_lines(pane)[pane.top_lines + 1]
        assert second_row.split("│")[0].strip() == "NEW-1"  # drawn where it was inserted
        assert (pane.cursor_row_id, pane.cursor_col_id) == ("OBS-1", "INF-2")


async def test_a_status_edit_restyles_the_labels_and_keeps_the_grid() -> None:
    store = load("plan.toml")
    app = host(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        pane = app.query_one(MatrixPane)
        row = pane.ids.index("OBS-1")
        was, cells = pane.header_state[row], pane.cells
        assert was == H_PLAIN
        store.set_status("OBS-1", "done")
        app.show()
        await pilot.pause()
        assert pane.header_state[row] == H_CLOSED and pane.cells is cells  # not laid out again
        before = screen_lines(pane)
        store.add_dependency("GO-1", "OBS-1")  # a dependency: the grid is laid out again
        app.show()
        await pilot.pause()
        assert pane.cells is not cells and pane.header_state[row] == H_CLOSED
        assert pane.cell_kind(pane.ids.index("GO-1"), row) == DEP and screen_lines(pane) != before


async def test_focus_item_moves_the_cursor_without_a_highlight_message() -> None:
    app = host(load("plan.toml"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        pane = app.query_one(MatrixPane)
        pane.focus_item("GO-1")
        pane.focus_item("NO-SUCH-ITEM")
        await pilot.pause()
        assert pane.cursor_row_id == "GO-1"
        assert not [m for m in app.messages if m[0] == "highlight"]


async def test_mouse_click_moves_the_cursor_and_double_click_opens() -> None:
    app = host(load("recorded.toml"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        pane = app.query_one(MatrixPane)
        x = pane.row_header_width + 3 * CELL_W + 1  # column D
        y = pane.top_lines + 2  # row C
        await pilot.click(MatrixPane, offset=(x, y))
        await pilot.pause()
        assert (pane.cursor_row_id, pane.cursor_col_id) == ("C", "D")
        # A click on a column header moves the column only; on a row header, the row only.
        await pilot.click(MatrixPane, offset=(pane.row_header_width + 1, 1))
        await pilot.click(MatrixPane, offset=(1, pane.top_lines + 4))
        await pilot.pause()
        assert (pane.cursor_row_id, pane.cursor_col_id) == ("E", "A")
        await pilot.double_click(MatrixPane, offset=(x, y))
        await pilot.pause()
        assert ("open", "C") in app.messages


async def test_headers_stay_visible_while_scrolling_both_ways() -> None:
    app = host(generated(80))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        pane = app.query_one(MatrixPane)
        await pilot.press("G", "end")
        await pilot.pause()
        assert (pane.cursor_row_id, pane.cursor_col_id) == ("T079", "T079")
        assert pane.scroll_y > 0 and pane.scroll_x > 0
        lines = screen_lines(pane)
        # Column labels (vertical, so "T079" reads down the last column) and row headers stay.
        labels = [line[pane.row_header_width :] for line in lines[1:5]]
        assert "".join(label.rstrip()[-1] for label in labels) == "T079"
        body = lines[pane.top_lines : pane.view_size.height - 1]
        assert body[-1].startswith(" T079│")
        assert body[-1].rstrip().endswith("╲")
        assert body[-2].startswith(" T078│")
        assert body[-2].rstrip().endswith("·")
        await pilot.press("g", "home")
        await pilot.pause()
        assert pane.scroll_y == 0 and pane.scroll_x == 0


def long_ids() -> BoardStore:
    """Ids that share a long start, as on the bundled Codex board."""
    return chain(["CODEX-P0-001", "CODEX-P0-002", "CODEX-P1-001", "CODEX-P1-002", "CODEX-P2-001"])


async def test_column_headers_show_what_differs_and_the_cursor_column_in_full() -> None:
    app = host(long_ids())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        pane = app.query_one(MatrixPane)
        lines = screen_lines(pane)
        w = pane.row_header_width
        # "CODEX-" is dropped from the column labels (6 lines tall, not 8), and said once.
        assert pane.top_lines == 1 + 6 + 1
        labels = [line[w:] for line in lines[1:7]]
        columns = ["".join(label[1 + 3 * c] for label in labels) for c in range(5)]
        assert columns == ["P0-001", "P0-002", "P1-001", "P1-002", "P2-001"]
        corner = [line[:w].strip(" │") for line in lines[1:7]]
        assert corner[-3:] == ["CODEX-…", "CODEX-P0-001", "row→col"]
        # The legend after the summary: the whole parts that fit in 120 columns, none cut.
        assert lines[0].rstrip().endswith("no recorded matrix   ↻ cycle · ≠ differs from recorded")
        # Row headers keep the whole id.
        assert lines[pane.top_lines].startswith(" CODEX-P0-001│")
        await pilot.press("right", "right", "right")
        await pilot.pause()
        assert screen_lines(pane)[5][:w].strip(" │") == "CODEX-P1-002"
        assert "does not depend on CODEX-P1-002" in screen_lines(pane)[-1]


def test_snapshot_long_ids(snap_compare) -> None:
    assert snap_compare(host(long_ids()), press=("right", "down"), terminal_size=SIZE)


@pytest.mark.parametrize("name,keys", [("recorded.toml", ("down", "down", "right")), ("plan.toml", ("G", "left"))])
def test_snapshot(snap_compare, name: str, keys: tuple[str, ...]) -> None:
    assert snap_compare(host(load(name)), press=keys, terminal_size=SIZE)


def test_snapshot_refused_cycle(snap_compare) -> None:
    async def refuse(pilot) -> None:
        await pilot.press("down", "right", "right", "space")
        await pilot.pause()

    assert snap_compare(host(load("recorded.toml"), edits=True), run_before=refuse, terminal_size=SIZE)


def test_benchmark_function_reports_median_and_p95() -> None:
    # Only the shape of the result: timing belongs to the benchmark run, not to tests.
    from readiness_tui.bench.panes import matrix_cursor_cost

    result = matrix_cursor_cost(n=12, moves=4, scroll_moves=2)
    assert result["n"] == 12 and result["moves"] == 4
    assert {"median_ms", "p95_ms", "scrolling_median_ms", "show_board_ms"} <= set(result)


async def test_the_toggle_key_keeps_its_keymap_id_and_a_read_only_viewer_cannot_press_it() -> None:
    toggle = next(b for b in MatrixPane.BINDINGS if getattr(b, "action", "") == "toggle_dependency")
    assert getattr(toggle, "id", None) == "matrix.toggle"  # the id user keymaps name
    app = host(load("recorded.toml"))
    app.read_only = True  # type: ignore[attr-defined]  # what `readiness serve --read-only` sets
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down", "down", "right", "space", "x", "enter")
        # Messages arrive in order: a toggle posted by space or x would be in before the open.
        await wait_for(pilot, lambda: ("open", "C") in app.messages, what="enter's open")
        assert [m for m in app.messages if m[0] != "highlight"] == [("open", "C")]


async def test_each_row_holds_its_dependencies_in_little_memory_and_counts_each_once() -> None:
    # A grid holds a container per item: a set costs 200 bytes even empty (2 MB at 10,000 items).
    hub = [f"H{i:02d}" for i in range(12)]
    text = ['[board]\ntitle = "Hub"\n']
    text += [f'[[items]]\nid = "{i}"\ntitle = "{i}"\n' for i in hub]
    text.append(f'[[items]]\nid = "ALL"\ntitle = "all"\ndepends_on = {hub!r}\n'.replace("'", '"'))
    text.append('[[items]]\nid = "TWICE"\ntitle = "twice"\ndepends_on = ["H01", "H01", "H02"]\n')
    app = host(BoardStore.from_text("\n".join(text)))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        pane = app.query_one(MatrixPane)
        rows = pane.cells.deps
        assert sum(map(sys.getsizeof, rows)) < 100 * len(rows)
        assert [cell(pane, "ALL", h) for h in hub] == [DEP] * 12
        assert cell(pane, "TWICE", "H01") == DEP and cell(pane, "TWICE", "H03") == NONE
        assert cell(pane, "H01", "H01") == DIAG
        assert len(rows[pane.ids.index("TWICE")]) == 2  # each column once, as the restyled summary counts


def test_the_header_layout_makes_its_labels_when_drawn() -> None:
    """No label string per id is held (a grid over 10,000 items draws a few dozen of them)."""
    import tracemalloc

    ids = [f"CODEX-P{n % 3}-{n:05d}" for n in range(5000)] + ["CODEX-P1-LONGER-ONE"]
    tracemalloc.start()
    try:
        layout = HeaderLayout.of(ids)
        held, _peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert held < 2000, held
    assert (layout.prefix, layout.label_h, layout.row_header_w) == ("CODEX-", 8, 20)
    assert layout.row_label(1) == "CODEX-P1-00001".ljust(18)
    assert layout.col_label(1) == "P1-00001"
    assert layout.col_label(5000) == "P1-LONG…"
    assert HeaderLayout.of(["A-1", "A-22"]).col_label(0) == " 1"  # top-padded to the tallest


async def test_without_a_recorded_order_the_grid_makes_no_map_of_places_of_its_own() -> None:
    """The rows are the items in board order: the analysis' map of their places serves."""
    import tracemalloc

    from readiness_tui.core.analysis.analyze import Analysis

    store = generated(2000)
    app = host(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        pane = app.query_one(MatrixPane)
        analysis = Analysis(store.board)
        analysis.board_positions()  # made by whichever part of the app asks first
        pane.release()
        tracemalloc.start()
        try:
            pane.build(store, analysis)
            snapshot = tracemalloc.take_snapshot()
        finally:
            tracemalloc.stop()
        # What the pane's own code keeps (the grid's rows, by the grid's code, are not counted).
        own = snapshot.filter_traces([tracemalloc.Filter(True, "*/ui/panes/matrix.py")])
        held = sum(stat.size for stat in own.statistics("filename"))
        assert held < 20 * 2000, held
        assert pane.ids[:3] == ["T000", "T001", "T002"]
        pane.focus_item("T1500")
        assert pane.cursor_row_id == "T1500"
        assert cell(pane, "T1500", "T1499") == DEP
