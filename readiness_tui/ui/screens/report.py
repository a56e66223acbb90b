"""The weekly update in the TUI (``r`` in the app): the same report as ``readiness report BOARD``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from ...core.store import BoardStore


class ReportScreen(ModalScreen[None]):
    """The weekly update, one key away: ``c`` copies it (OSC 52), ``s`` saves it beside the board,
    ``f`` switches Markdown/JSON, ``[``/``]`` move a week back/forward, ``escape`` closes.

    ``ReportScreen(store, gate_status=None, week=None)``; the report is ``core.report.weekly_report``,
    the same as ``readiness report BOARD``.
    """

    DEFAULT_CSS = """
    ReportScreen { align: center middle; }
    ReportScreen > Vertical { width: 90%; height: 90%; border: thick $primary; background: $surface; }
    ReportScreen #report-body { height: 1fr; padding: 0 1; }
    """
    BINDINGS = [
        Binding("c", "copy", "Copy"),
        Binding("s", "save", "Save"),
        Binding("f", "toggle_format", "MD/JSON"),
        Binding("left_square_bracket", "week(-1)", "Prev week"),
        Binding("right_square_bracket", "week(1)", "Next week"),
        Binding("escape,q", "close", "Close"),
    ]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        from ..readonly import allowed  # a read-only viewer does not save the report

        return allowed(self.app, action)

    def __init__(self, store: BoardStore, gate_status: dict[str, str] | None = None, week: str | None = None) -> None:
        super().__init__()
        self.store = store
        self.gate_status = gate_status
        self.fmt = "md"
        from ...core.dates import iso_week

        self.week = week or iso_week(store.board.today())
        self.text = ""

    def compose(self) -> ComposeResult:
        from textual.containers import VerticalScroll

        with Vertical():
            with VerticalScroll(id="report-body"):
                yield Static("", id="report-text")
            yield Footer()

    def on_mount(self) -> None:
        self.render_report()

    def render_report(self) -> str:
        from ...core.report import weekly_report

        rep = weekly_report(self.store.board, self.store.path, week=self.week, gate_status=self.gate_status)
        self.text = rep.to_json() if self.fmt == "json" else rep.render_markdown()
        if self.fmt == "md":
            from rich.markdown import Markdown

            self.query_one("#report-text", Static).update(Markdown(self.text))
        else:
            self.query_one("#report-text", Static).update(Text(self.text))
        return self.text

    def action_week(self, step: int) -> None:
        from ...core.dates import iso_week, week_bounds

        monday, _ = week_bounds(self.week)
        self.week = iso_week(monday + dt.timedelta(days=7 * step))
        self.render_report()

    def action_toggle_format(self) -> None:
        self.fmt = "json" if self.fmt == "md" else "md"
        self.render_report()

    def action_copy(self) -> None:
        self.app.copy_to_clipboard(self.text)
        self.notify("Weekly update copied to the clipboard (OSC 52)")

    def save_path(self) -> Path:
        stem = self.store.path.stem if self.store.path else "board"
        directory = self.store.path.parent if self.store.path else Path.cwd()
        return directory / f"{stem}-{self.week}.{'json' if self.fmt == 'json' else 'md'}"

    def action_save(self) -> None:
        from ...core.fsutil import atomic_write

        path = self.save_path()
        try:
            atomic_write(path, self.text.encode("utf-8"))
        except OSError as exc:
            self.notify(f"Could not save {path}: {exc.strerror}", severity="error")
            return
        self.notify(f"Saved {path}")

    def action_close(self) -> None:
        self.dismiss(None)
