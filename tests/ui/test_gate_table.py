"""The Gates pane's table on its own: rows of (text, style) cells, drawn line by line."""

from __future__ import annotations

from typing import Any

from textual.app import App, ComposeResult
from ui_helpers import drawn_lines, wait_for

from readiness_tui.ui.messages import ItemHighlighted, OpenItem
from readiness_tui.ui.widgets.gate_table import GateTable

GATE = ("· not-run", "dim")


def row(item_id: str, title: str = "A gate", drift: str = "", waiver: str = "-") -> tuple[tuple[str, str], ...]:
    return (
        (item_id, ""),
        GATE,
        ("never", ""),
        ("-", ""),
        ("0/1", "red"),
        (waiver, ""),
        (drift, "bold red" if drift else ""),
        (title, ""),
    )


class TableHost(App[None]):
    def __init__(self, rows: dict[str, Any]) -> None:
        super().__init__()
        self.rows = rows
        self.seen: list[tuple[str, str | None]] = []

    def compose(self) -> ComposeResult:
        yield GateTable(id="t")

    def on_mount(self) -> None:
        self.show()

    def show(self) -> None:
        self.query_one(GateTable).show_rows(self.rows)

    def on_item_highlighted(self, event: ItemHighlighted) -> None:
        self.seen.append(("highlight", event.item_id))

    def on_open_item(self, event: OpenItem) -> None:
        self.seen.append(("open", event.item_id))


def many(n: int) -> dict[str, Any]:
    return {f"M-{i:06d}": row(f"M-{i:06d}", f"Gate number {i}") for i in range(1, n + 1)}


async def test_nine_thousand_gates_lay_out_only_the_lines_on_screen(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    laid_out: list[str] = []
    real = GateTable._line

    def counted(self: GateTable, cells: Any, full: int, where: str) -> Any:
        laid_out.append(cells[0][0])
        return real(self, cells, full, where)

    monkeypatch.setattr(GateTable, "_line", counted)
    app = TableHost(many(9000))
    async with app.run_test(size=(100, 20)) as pilot:
        table = app.query_one(GateTable)
        await pilot.pause()
        assert table.row_count == 9000
        # The header and the 19 rows under it on a 20-line screen, twice (focus restyles them), not 9,000.
        on_screen = ["ID", *(f"M-{n:06d}" for n in range(1, 20))]
        assert laid_out == on_screen * 2
        assert ("highlight", "M-000001") in app.seen
        laid_out.clear()
        table.focus()
        await pilot.press("end")
        await wait_for(pilot, lambda: table.cursor_key == "M-009000", what="end: the last gate")
        await pilot.pause()
        lines = drawn_lines(table)
        assert lines[0].startswith("ID ") and "Item" in lines[0]  # the header stays on top
        assert any(line.startswith("M-009000") for line in lines)
        assert len(laid_out) <= 20
        await pilot.press("home", "down", "pagedown")
        await wait_for(pilot, lambda: table.cursor_row > 1, what="page down")
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.seen[-1][0] == "open", what="enter opens")
        assert app.seen[-1] == ("open", table.cursor_key)


async def test_columns_fit_their_widest_cell_and_the_title_takes_the_rest() -> None:
    rows = {
        "A-1": row("A-1", "Short"),
        "LONGER-ID-42": row("LONGER-ID-42", "x" * 300, drift="claimed done, not verified"),
    }
    app = TableHost(rows)
    async with app.run_test(size=(120, 10)) as pilot:
        table = app.query_one(GateTable)
        await pilot.pause()
        lines = drawn_lines(table)
        assert lines[1].startswith("A-1          · not-run")  # the id column is as wide as LONGER-ID-42
        assert "⚠" not in lines[1] and "claimed done, not verified" in lines[2]
        assert lines[2].rstrip().endswith("x…")  # cut at the edge, not wrapped
        assert len(lines[2]) == table.scrollable_content_region.width
        # A wider cell widens its column on every line.
        table.update_row("A-1", row("A-1", "Short", waiver="until 2027-01-31 (3d!)"))
        await pilot.pause()
        lines = drawn_lines(table)
        assert "until 2027-01-31 (3d!)" in lines[1]
        assert lines[0].index("Drift") == lines[2].index("claimed")


async def test_a_narrow_screen_scrolls_sideways_to_the_drift_and_the_title() -> None:
    app = TableHost({"G-1": row("G-1", "The title", drift="gate passes, not marked done")})
    async with app.run_test(size=(50, 10)) as pilot:
        table = app.query_one(GateTable)
        await pilot.pause()
        assert table.virtual_size.width > table.scrollable_content_region.width
        assert "The title" not in drawn_lines(table)[1]
        table.scroll_to(x=table.max_scroll_x, animate=False, immediate=True)
        await pilot.pause()
        assert "The title" in drawn_lines(table)[1]


async def test_a_title_with_control_characters_is_shown_escaped() -> None:
    app = TableHost({"G-1": row("G-1", "evil\x1b[2Jtitle\r")})
    async with app.run_test(size=(120, 10)) as pilot:
        table = app.query_one(GateTable)
        await pilot.pause()
        line = drawn_lines(table)[1]
        assert "\x1b" not in line and "\r" not in line
        assert "evil\\e[2Jtitle\\r" in line


async def test_new_rows_keep_the_cursor_on_its_gate_and_a_click_moves_it() -> None:
    app = TableHost(many(5))
    async with app.run_test(size=(100, 12)) as pilot:
        table = app.query_one(GateTable)
        table.move_cursor(3)
        assert table.cursor_key == "M-000004"
        rows = many(5)
        del rows["M-000002"]
        table.show_rows(rows)  # a gate above it is gone: the cursor stays on M-000004
        assert table.cursor_key == "M-000004" and table.cursor_row == 2
        del rows["M-000004"]
        table.show_rows(rows)  # its own gate is gone: the same place
        assert table.cursor_row == 2 and table.cursor_key == "M-000005"
        await pilot.click(GateTable, offset=(2, 1))
        await wait_for(pilot, lambda: table.cursor_key == "M-000001", what="a click on the first row")
        await pilot.click(GateTable, offset=(2, 2), times=2)
        await wait_for(pilot, lambda: ("open", "M-000003") in app.seen, what="a double click opens")


async def test_when_the_clock_moves_only_the_rows_drawn_or_read_are_made_again() -> None:
    made: list[str] = []
    age = ["1s ago"]

    def fresh(item_id: str) -> Any:
        made.append(item_id)
        cells = list(row(item_id, f"Gate {item_id}"))
        cells[2] = (age[0], "")
        return tuple(cells)

    app = TableHost(many(9000))
    async with app.run_test(size=(100, 20)) as pilot:
        table = app.query_one(GateTable)
        table.fresh = fresh
        await pilot.pause()
        age[0] = "2s ago"
        table.age_out(set(app.rows))  # every gate ran: every age moved
        await pilot.pause()
        assert made == [f"M-{n:06d}" for n in range(1, 20)]  # the 19 rows on screen, not 9,000
        assert all("2s ago" in line for line in drawn_lines(table)[1:])
        assert table.get_cell("M-008000", "age") == "2s ago"  # off screen: made when read
        assert made.count("M-008000") == 1 and table.get_cell("M-008000", "age") == "2s ago"
        assert made.count("M-008000") == 1  # once per move of the clock


class KeysHost(TableHost):
    """The table as the Gates pane uses it: the gates' keys, each row made by ``fresh``."""

    def compose(self) -> ComposeResult:
        yield GateTable(id="t", fresh=lambda item_id: self.rows[item_id])

    def show(self) -> None:
        self.query_one(GateTable).show_keys(list(self.rows))


async def test_rows_made_from_fresh_are_not_all_kept_after_paging_through_two_thousand() -> None:
    from readiness_tui.ui.widgets.gate_table import KEPT_ROWS

    app = KeysHost(many(2000))
    async with app.run_test(size=(100, 20)) as pilot:
        table = app.query_one(GateTable)
        await pilot.pause()
        table.focus()
        for _ in range(3):  # down the whole table, a page at a time, and back to the top
            for _ in range(2000 // 17 + 1):
                await pilot.press("pagedown")
            await pilot.press("home")
        await pilot.pause()
        assert len(table._cells) <= KEPT_ROWS  # the board's rows are not copied into the table
        # Every row still reads as its gate, drawn or read, and the widest id sized its column.
        assert drawn_lines(table)[1].startswith("M-000001 ")
        assert table.get_cell("M-001500", "item") == "Gate number 1500"
        table.move_cursor(1999)
        await pilot.pause()
        assert "Gate number 2000" in drawn_lines(table)[-1]
