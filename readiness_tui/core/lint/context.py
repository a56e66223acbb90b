"""What every lint rule reads and where it reports: the board, its analysis, its lines, the problems."""

from __future__ import annotations

from ..analysis import Analysis
from ..line_index import LineIndex
from ..model import Board
from ..problems import Level, Problem, Problems
from ..store import BoardStore


class LintContext:
    """One lint run over a store: rules read ``board``/``analysis`` and report through ``item``/``add``."""

    def __init__(self, store: BoardStore, analysis: Analysis) -> None:
        self.store = store
        self.board: Board = store.board
        self.analysis = analysis
        self.lines: LineIndex = store.line_index()
        self.name = store.name
        self.out = Problems()
        # An item's first record: a duplicated id is reported on the later ones.
        self._pos: dict[str, int] = {}
        for n, it in enumerate(self.board.items):
            self._pos.setdefault(it.id, n)

    def item(
        self,
        level: Level,
        code: str,
        item_id: str,
        message: str,
        field: str | None = None,
        index: int | None = None,
    ) -> None:
        """A problem with an item, on the line of ``field`` in its record (``index``: which record)."""
        idx = self._pos.get(item_id) if index is None else index
        line = self.lines.record("items", idx, field) if idx is not None else None
        self.out.add(Problem(level, code, f"{item_id}: {message}", self.name, line, None, item_id, field))

    def add(
        self,
        level: Level,
        code: str,
        message: str,
        line: int | None,
        subject: str | None = None,
        field: str | None = None,
    ) -> None:
        """A problem anywhere else in the board (``subject``: the id of the record it is about)."""
        self.out.add(Problem(level, code, message, self.name, line, None, subject, field))
