"""The portfolio screen: one row per board (go/no-go and the first reason, level, done of total,
blocked / waiting, failing / stale gates, overdue, critical path, last change), filtered with the
filter language one level up (``core.portfolio.query``), sorted by column. ``enter`` drills into
the board (read-only when it was read at a ref); ``escape`` in the board comes back here."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Static

from readiness_tui.core.filters.values import FilterError
from readiness_tui.core.portfolio import BoardRow, select, train_decision
from readiness_tui.core.portfolio.outputs import COLUMNS, cells
from readiness_tui.ui.binding_ids import with_ids


def _sort_keys() -> list[tuple[str, Callable[[BoardRow], object]]]:
    """The orders ``o`` steps through: the worst first where there is a worst."""
    return [
        ("board", lambda r: r.name.lower()),
        ("go/no-go", lambda r: (r.verdict != "ERROR", r.go, r.name.lower())),
        ("level", lambda r: (r.level.rank if r.level.ladder else 99, r.name.lower())),
        ("done", lambda r: (r.done / r.total if r.total else 2.0, r.name.lower())),
        ("failing gates", lambda r: (-len(r.failing_gates), -len(r.stale_gates), r.name.lower())),
        ("overdue", lambda r: (-(len(r.overdue) + len(r.overdue_milestones)), r.name.lower())),
        ("changed", lambda r: (-(r.changed.timestamp() if r.changed else 0.0), r.name.lower())),
    ]


class PortfolioScreen(Screen[None]):
    BINDINGS = with_ids(
        "portfolio",
        [
            Binding("enter", "drill", "Open board"),
            Binding("slash", "filter", "Filter"),
            Binding("o", "sort_next", "Sort"),
            Binding("R", "reload", "Reload"),
            Binding("escape", "clear_filter", "Clear filter", show=False),
            Binding("q", "app.quit", "Quit"),
        ],
    )
    DEFAULT_CSS = """
    PortfolioScreen #portfolio-head { height: 1; padding: 0 1; background: $panel; }
    PortfolioScreen #portfolio-filter { display: none; }
    PortfolioScreen #portfolio-filter.shown { display: block; }
    PortfolioScreen #portfolio-problem { height: auto; color: $error; padding: 0 1; }
    PortfolioScreen DataTable { height: 1fr; }
    """

    def __init__(
        self, title: str, rows: list[BoardRow], query: str, reload: Callable[[], list[BoardRow]] | None = None
    ) -> None:
        super().__init__()
        self.portfolio_title = title
        self.all_rows = rows
        self.query_text = query
        self.reload_rows = reload
        self.sort_index = 0
        #: The rows on screen, in order (what ``enter`` opens).
        self.shown: list[BoardRow] = []

    def compose(self) -> ComposeResult:
        yield Static(id="portfolio-head")
        yield Input(self.query_text, placeholder="nogo  level:<silver  owner:@team", id="portfolio-filter")
        yield Static(id="portfolio-problem")
        yield DataTable(id="portfolio-table", cursor_type="row", zebra_stripes=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(*COLUMNS)
        self.show_rows()
        table.focus()

    def show_rows(self) -> bool:
        """Filter and sort ``all_rows`` and draw them; a filter that cannot be read keeps the last
        good one and says what is wrong, as the backlog's does."""
        problem = self.query_one("#portfolio-problem", Static)
        try:
            rows = select(self.all_rows, self.query_text)
        except FilterError as exc:
            problem.update(f"filter: {exc}")
            return False
        problem.update("")
        name, key = _sort_keys()[self.sort_index]
        rows.sort(key=key)  # type: ignore[arg-type]
        self.shown = rows
        table = self.query_one(DataTable)
        table.clear()
        for n, r in enumerate(rows):
            table.add_row(*cells(r), key=str(n))
        decision = train_decision(rows)
        shown = f"{len(rows)} of {len(self.all_rows)} boards" if self.query_text else f"{len(rows)} boards"
        where = f" · filter: {self.query_text}" if self.query_text else ""
        self.query_one("#portfolio-head", Static).update(
            f"{self.portfolio_title} · {decision.lines()[0]} · {shown} · sorted by {name}{where}"
        )
        return True

    def selected(self) -> BoardRow | None:
        table = self.query_one(DataTable)
        if not self.shown or table.cursor_row < 0 or table.cursor_row >= len(self.shown):
            return None
        return self.shown[table.cursor_row]

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_drill()

    def action_drill(self) -> None:
        row = self.selected()
        if row is None:
            return
        if row.error:
            self.notify(row.error, title=f"{row.name} cannot be opened", severity="error", timeout=12)
            return
        drill = getattr(self.app, "drill", None)
        if drill is not None:
            drill(row)

    def action_filter(self) -> None:
        field = self.query_one("#portfolio-filter", Input)
        field.add_class("shown")
        field.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        before, self.query_text = self.query_text, event.value.strip()
        if not self.show_rows():
            self.query_text = before  # the last good filter stays, as the backlog's does
            return
        event.input.remove_class("shown")
        self.query_one(DataTable).focus()

    def action_clear_filter(self) -> None:
        field = self.query_one("#portfolio-filter", Input)
        field.value = ""
        field.remove_class("shown")
        self.query_text = ""
        self.show_rows()
        self.query_one(DataTable).focus()

    def action_sort_next(self) -> None:
        self.sort_index = (self.sort_index + 1) % len(_sort_keys())
        self.show_rows()

    def action_reload(self) -> None:
        if self.reload_rows is not None:
            self.all_rows = self.reload_rows()
            self.show_rows()
            self.notify("Read every board again.", timeout=2)
