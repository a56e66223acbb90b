"""The Problems pane: what ``readiness lint`` finds in the board (``core.lint``, not a copy), one
line each, errors first; Enter (or a double click) on a line about an item jumps to that item.

The lint itself is run by the main screen's ``LintRunner`` (``ui.lint_runner``), which gives its
result to the header's problem count and to this pane.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from rich.text import Text

from readiness_tui.core.model.problems import LEVELS, Problem, Problems
from readiness_tui.ui.lint_runner import LintHost
from readiness_tui.ui.panes.base import Pane
from readiness_tui.ui.widgets.line_list import LineList
from readiness_tui.ui.widgets.line_parts import Row, Rows, pad_cells, styled

if TYPE_CHECKING:
    from readiness_tui.core.analysis.analyze import Analysis
    from readiness_tui.core.board.store import BoardStore

LEVEL_STYLE = {"error": "bad", "warning": "warn", "info": "muted"}
LEVEL_GLYPH = {"error": "✘", "warning": "▲", "info": "·"}


def _problem_row(problems: list[Problem], n: int) -> Row:
    return (f"p{n}", problems[n].item, ("problem", n))


class ProblemsPane(LineList, Pane):
    """Every lint finding, errors first, each line jumping to its item."""

    def __init__(self, *, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._store: BoardStore | None = None
        self._problems: list[Problem] = []
        #: The last result given (the lint runner's), shown again after a ``release``.
        self._found: Problems | None = None
        self._shown = False

    def show_board(self, store: BoardStore, analysis: Analysis) -> None:
        self._store = store
        host = self.screen if self.is_attached else None
        found = host.lint.latest.get(analysis) if isinstance(host, LintHost) else None
        if found is None:  # the runner brings the result; until then the last one stays
            if self.released and self._found is not None:
                self._show_rows(self._found)
            elif not self._shown:
                self.set_rows([(None, None, styled(("Linting the board…", "muted")))])
            return
        self._show_rows(found)

    def show_problems(self, problems: Problems) -> None:
        """Lint's result: shown now, or when the pane is shown again after a ``release``."""
        self._found = problems
        if not self.released:
            self._show_rows(problems)

    def release(self) -> bool:
        self._problems = []
        return super().release()

    def _show_rows(self, problems: Problems) -> None:
        self._found = problems
        self._shown = True
        self._problems = problems.worst_first()
        path = self._store.path if self._store is not None else None
        name = path.name if path is not None else "the board"
        head = f"Problems in {name}"
        rows = Rows()
        rows.add((None, None, styled((head, "heading"))))
        if not self._problems:
            rows.add((None, None, styled(("No problems: lint finds nothing to report.", "ok"))))
            self.set_rows(rows)
            return
        counts = problems.counts()
        parts: list[Any] = []
        for level, words in zip(LEVELS, counts.parts(), strict=True):
            parts += [" · "] if parts else []
            # Info is only noted: plain text; an error or warning count stands out when not 0.
            parts.append(words if level == "info" else (words, LEVEL_STYLE[level] if counts.of(level) else "muted"))
        parts.append(("   enter: go to the item", "muted"))
        rows.add((None, None, styled(*parts)))
        rows.add((None, None, ""))
        # A row per problem, made when read (a large board has thousands of warnings).
        rows.run(len(self._problems), partial(_problem_row, self._problems))
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
