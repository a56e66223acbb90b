"""The Problems pane: what ``readiness lint`` finds in the board (``core.lint``, not a copy), one
line each, errors first; Enter (or a double click) on a line about an item jumps to that item.

Lint reads the whole board: 7 ms at 300 items, about 0.6 s at 10,000. ``LintRunner`` (owned by
the main screen) lints a board of up to ``SYNC_ITEMS`` items at once, so the count is on the first
frame; a larger one a moment after the board last changed, off the UI thread: the worker also
builds the board's analysis when none is made yet (~0.1 s at 10,000 items, which on the UI thread
delayed the next key or outside change), and hands it to the app, which keeps it for the panes.
Either way the result goes to the header's problem count and to this pane. A worker's result is
only taken while the board it was computed for is still the one shown; an edit meanwhile starts a
new run.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from rich.text import Text
from textual.timer import Timer
from textual.widget import Widget
from textual.worker import get_current_worker

from ...core.lint import LatestLint, lint_store
from ...core.problems import LEVELS, Problem, Problems
from ..messages import WorkerFailed
from ..widgets.line_list import LineList
from ..widgets.line_parts import Row, pad_cells, styled
from ..worker_work import released
from .base import Pane

if TYPE_CHECKING:
    from ...core.analysis import Analysis
    from ...core.store import BoardStore
    from ..host import BoardOwner

#: Seconds after the last change before linting (a burst of edits lints once).
DEBOUNCE = 0.3
#: Boards up to this many items are linted on the UI thread (under ~10 ms).
SYNC_ITEMS = 400
LEVEL_STYLE = {"error": "bad", "warning": "warn", "info": "muted"}
LEVEL_GLYPH = {"error": "✘", "warning": "▲", "info": "·"}


class LintRunner:
    """Lint after the board changes; ``done(problems)`` on the UI thread. Each change starts a new
    generation: a result (or a failure) of an older one is dropped, a newer run being on its way.
    ``latest`` keeps the result for the analysis it was computed with (a pane built later reads it)."""

    def __init__(self, host: Widget, done: Callable[[Problems], None]) -> None:
        self.host = host
        self.done = done
        self.latest = LatestLint()
        self._timer: Timer | None = None
        self._generation = 0

    def schedule(self, store: BoardStore, source: BoardOwner) -> None:
        self._generation += 1
        gen = self._generation
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if len(store.board.items) <= SYNC_ITEMS:
            shown = source.analysis
            self._finish(gen, shown, self.latest.lint(store, shown))
        else:
            self._timer = self.host.set_timer(DEBOUNCE, lambda: self._start(gen, store, source))

    def _start(self, gen: int, store: BoardStore, source: BoardOwner) -> None:
        self._timer = None
        if gen != self._generation:
            return
        made = source.analysis_made()  # built by a pane already: reuse it, else the worker builds one
        found = self.latest.get(made)
        if found is not None:
            self._finish(gen, made, found)
            return
        self.host.run_worker(
            released(self._work, gen, store, made, source, source.board_version),
            thread=True,
            exclusive=True,
            group="lint",
            exit_on_error=False,
        )

    def _work(self, gen: int, store: BoardStore, made: Analysis | None, source: BoardOwner, version: int) -> None:
        """In a thread: the analysis (unless one was made), then lint; ``_finish`` on the UI thread."""
        from ...core.analysis import Analysis

        app = self.host.app
        board = store.board
        try:
            analysis = made if made is not None else Analysis(board)
            problems = lint_store(store, analysis)
        except Exception as exc:  # noqa: BLE001 - shown to the user unless the board moved on
            if gen == self._generation:
                app.call_from_thread(self.host.post_message, WorkerFailed("Lint", exc))
            return
        if not get_current_worker().is_cancelled:
            app.call_from_thread(self._finish, gen, analysis, problems, source, version)

    def _finish(
        self,
        gen: int,
        analysis: Analysis | None,
        problems: Problems,
        source: BoardOwner | None = None,
        version: int = 0,
    ) -> None:
        if gen != self._generation:
            return  # the board changed while this ran: the newer run reports
        if source is not None and analysis is not None:
            source.adopt_analysis(version, analysis)  # the panes shown next need not build it again
        self.latest.put(analysis, problems)
        self.done(problems)


@runtime_checkable
class LintHost(Protocol):
    """The screen that lints the board it shows (the main screen)."""

    lint: LintRunner


class ProblemsPane(LineList, Pane):
    """Every lint finding, errors first, each line jumping to its item."""

    def __init__(self, *, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._store: BoardStore | None = None
        self._problems: list[Problem] = []
        self._shown = False

    def show_board(self, store: BoardStore, analysis: Analysis) -> None:
        self._store = store
        host = self.screen if self.is_attached else None
        found = host.lint.latest.get(analysis) if isinstance(host, LintHost) else None
        if found is None:  # the runner brings the result; until then the last one stays
            if not self._shown:
                self.set_rows([(None, None, styled(("Linting the board…", "muted")))])
            return
        self.show_problems(found)

    def show_problems(self, problems: Problems) -> None:
        self._shown = True
        self._problems = problems.worst_first()
        path = self._store.path if self._store is not None else None
        name = path.name if path is not None else "the board"
        head = f"Problems in {name}"
        rows: list[Row] = [(None, None, styled((head, "heading")))]
        if not self._problems:
            rows.append((None, None, styled(("No problems: lint finds nothing to report.", "ok"))))
            self.set_rows(rows)
            return
        counts = problems.counts()
        parts: list[Any] = []
        for level, words in zip(LEVELS, counts.parts(), strict=True):
            parts += [" · "] if parts else []
            # Info is only noted: plain text; an error or warning count stands out when not 0.
            parts.append(words if level == "info" else (words, LEVEL_STYLE[level] if counts.of(level) else "muted"))
        parts.append(("   enter: go to the item", "muted"))
        rows += [(None, None, styled(*parts)), (None, None, "")]
        for n, p in enumerate(self._problems):
            rows.append((f"p{n}", p.item, ("problem", n)))
        self.set_rows(rows)

    def render_payload(self, payload: Any, width: int) -> Text:
        p = self._problems[payload[1]]
        style = self.style(LEVEL_STYLE[p.level])
        text = Text("  ", no_wrap=True, end="")
        text.append(f"{LEVEL_GLYPH[p.level]} {p.level.upper():<7} ", style)
        text.append(pad_cells(f"line {p.line}" if p.line else "", 10) + " ", self.style("muted"))
        text.append(pad_cells(p.code, 20) + " ", self.style("id"))
        text.append(pad_cells(p.message, max(8, width - text.cell_len)))
        return text

    def action_open(self) -> None:
        if self.cursor_item is None and self.cursor_key is not None:
            p = self._problems[int(self.cursor_key[1:])]
            where = f"line {p.line} of {p.file}" if p.line else (p.file or "the board")
            self.notify(f"This problem is about {where}, not about one item.", timeout=5)
            return
        super().action_open()

    def focus_item(self, item_id: str) -> None:
        """The first problem about the item, if any (else the cursor stays)."""
        self.focus_line_of_item(item_id)
