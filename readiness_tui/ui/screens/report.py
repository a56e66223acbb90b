"""The weekly update in the TUI (``r`` or ``W`` in the app): the same report as ``readiness report BOARD``.

The report reads the board's whole history (slow when it is long), so it is made in a thread
worker that posts ``ReportScreen.Made``; the screen says it is working meanwhile, and a failure is
shown on it and reported by the app, never lost.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Footer, Static
from textual.worker import Worker, WorkerState

from readiness_tui.core.board.store import BoardStore
from readiness_tui.ui.binding_ids import with_ids

if TYPE_CHECKING:
    from readiness_tui.core.outputs.report import WeeklyReport

#: What a read-only viewer sees where the save path would be, and what its `s` says.
READ_ONLY_NOTE = "Read-only: the weekly update is not saved here (c copies it)"


class ReportScreen(ModalScreen[None]):
    """The weekly update, one key away: ``c`` copies it (OSC 52), ``s`` saves it (to the
    ``output_dir`` setting, else beside the board; the place is named on screen before), ``f``
    switches Markdown/JSON, ``[``/``]`` move a week back/forward, ``escape`` closes.

    ``ReportScreen(store, gate_status=None, week=None, output_dir=None)``; the report is
    ``core.report.weekly_report``, the same as ``readiness report BOARD``.
    """

    DEFAULT_CSS = """
    ReportScreen { align: center middle; }
    ReportScreen > Vertical { width: 90%; height: 90%; border: thick $primary; background: $surface; }
    ReportScreen #report-body { height: 1fr; padding: 0 1; }
    ReportScreen #report-where { height: 1; padding: 0 1; color: $text-muted; }
    """
    BINDINGS = with_ids(
        "report",
        [
            Binding("c", "copy", "Copy"),
            Binding("s", "save", "Save"),
            Binding("f", "toggle_format", "MD/JSON"),
            Binding("left_square_bracket", "week(-1)", "Prev week"),
            Binding("right_square_bracket", "week(1)", "Next week"),
            Binding("escape,q", "close", "Close"),
        ],
    )

    class Made(Message):
        """The report of ``week``, made in the worker."""

        def __init__(self, week: str, report: WeeklyReport) -> None:
            super().__init__()
            self.week = week
            self.report = report

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        from readiness_tui.ui.readonly import allowed

        if action == "save":  # a read-only viewer's `s` runs, to say that nothing is saved
            return True
        return allowed(self.app, action)

    @property
    def read_only(self) -> bool:
        return bool(getattr(self.app, "read_only", False))

    def __init__(
        self,
        store: BoardStore,
        gate_status: dict[str, str] | None = None,
        week: str | None = None,
        output_dir: Path | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        self.gate_status = gate_status
        self.output_dir = output_dir
        self.fmt = "md"
        from readiness_tui.core.model.dates import iso_week

        self.week = week or iso_week(store.board.today())
        self.report: WeeklyReport | None = None
        #: The report shown (Markdown or JSON); "" while it is being made.
        self.text = ""
        #: The report of ``week`` is being made.
        self.loading = False

    def compose(self) -> ComposeResult:
        with Vertical():
            with VerticalScroll(id="report-body"):
                yield Static("", id="report-text")
            yield Static("", id="report-where")
            yield Footer()

    def on_mount(self) -> None:
        self.make_report()

    # ------------------------------------------------------------------ making it, off the UI thread
    def make_report(self) -> None:
        self.loading, self.text, self.report = True, "", None
        self.query_one("#report-text", Static).update(Text(f"Making the weekly update for {self.week}…"))
        week = self.week
        self.run_worker(lambda: self._make(week), thread=True, exclusive=True, group="report", exit_on_error=False)

    def _make(self, week: str) -> None:
        from readiness_tui.core.outputs.report import weekly_report

        rep = weekly_report(self.store.board, self.store.path, week=week, gate_status=self.gate_status)
        self.post_message(self.Made(week, rep))  # thread-safe

    @on(Made)
    def _made(self, message: Made) -> None:
        if message.week != self.week:
            return  # a week the user has already left
        self.report, self.loading = message.report, False
        self.show_report()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "report" and event.state == WorkerState.ERROR and event.worker.error is not None:
            self.loading = False
            error = event.worker.error
            self.query_one("#report-text", Static).update(
                Text(f"Could not make the weekly update for {self.week}:\n{type(error).__name__}: {error}")
            )
            self.notify(f"{type(error).__name__}: {error}", title="Weekly update", severity="error", timeout=12)

    def show_report(self) -> str:
        rep = self.report
        if rep is None:
            return ""
        self.text = rep.to_json() if self.fmt == "json" else rep.render_markdown()
        if self.fmt == "md":
            from rich.markdown import Markdown

            self.query_one("#report-text", Static).update(Markdown(self.text))
        else:
            self.query_one("#report-text", Static).update(Text(self.text))
        # A read-only viewer (`serve --read-only`) is not told where the server's files are.
        where = READ_ONLY_NOTE if self.read_only else f"s saves to {self.save_path()}"
        self.query_one("#report-where", Static).update(where)
        return self.text

    # ------------------------------------------------------------------ keys
    def action_week(self, step: int) -> None:
        from readiness_tui.core.model.dates import iso_week, week_bounds

        monday, _ = week_bounds(self.week)
        self.week = iso_week(monday + dt.timedelta(days=7 * step))
        self.make_report()

    def action_toggle_format(self) -> None:
        self.fmt = "json" if self.fmt == "md" else "md"
        self.show_report()

    def _ready(self) -> bool:
        if self.report is None:
            self.notify("The weekly update is still being made.", timeout=3)
            return False
        return True

    def action_copy(self) -> None:
        if self._ready():
            self.app.copy_to_clipboard(self.text)
            self.notify("Weekly update copied to the clipboard (OSC 52)")

    def save_path(self) -> Path:
        stem = self.store.path.stem if self.store.path else "board"
        directory = self.output_dir or (self.store.path.parent if self.store.path else Path.cwd())
        return directory / f"{stem}-{self.week}.{'json' if self.fmt == 'json' else 'md'}"

    def action_save(self) -> None:
        from readiness_tui.core.board.fsutil import atomic_write

        if self.read_only:
            self.notify(READ_ONLY_NOTE, severity="warning")
            return
        if not self._ready():
            return
        path = self.save_path()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(path, self.text.encode("utf-8"))
        except OSError as exc:
            self.notify(f"Could not save {path}: {exc.strerror}", severity="error")
            return
        self.notify(f"Saved {path}")

    def action_close(self) -> None:
        self.dismiss(None)
