"""What every lint rule reads and where it reports: the board, its analysis, its lines, the problems."""

from __future__ import annotations

from collections.abc import Callable, Collection
from functools import cached_property
from typing import TypeVar

from readiness_tui.core.analysis.analyze import Analysis
from readiness_tui.core.board.line_index import LineIndex
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.model.board import Board
from readiness_tui.core.model.problems import Level, Problem, Problems

Rule = TypeVar("Rule", bound=Callable[..., None])


def reports(*levels: Level) -> Callable[[Rule], Rule]:
    """Declares the only levels a rule reports: a lint asking for none of them skips the rule
    (``lint -q`` then spends no time on the warnings-only rules)."""

    def mark(rule: Rule) -> Rule:
        rule.levels = frozenset(levels)  # type: ignore[attr-defined]
        return rule

    return mark


def rule_levels(rule: Callable[..., None]) -> frozenset[Level] | None:
    """The levels ``rule`` declared with ``reports`` (None: any)."""
    levels: frozenset[Level] | None = getattr(rule, "levels", None)
    return levels


class LintContext:
    """One lint run over a store: rules read ``board``/``analysis`` and report through ``item``/``add``.

    ``levels``: the levels asked for (all when None). A problem of another level is dropped before
    its line is looked for: ``lint -q`` on an imported board of 10,000 items reports no warning, and
    looking up the lines of its 8,500 warnings was a large part of the rules' time.
    """

    def __init__(self, store: BoardStore, analysis: Analysis, levels: Collection[Level] | None = None) -> None:
        self.store = store
        self.levels = levels
        self.board: Board = store.board
        self.analysis = analysis
        self.name = store.name
        self.out = Problems()

    def wants(self, level: Level) -> bool:
        """Whether problems of ``level`` are asked for (a rule may skip looking for the others)."""
        return self.levels is None or level in self.levels

    @cached_property
    def lines(self) -> LineIndex:
        """Where records and keys sit in the text: counted when the first problem needs a line."""
        return self.store.line_index()

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
        if not self.wants(level):
            return
        # An item's first record when not said: a duplicated id is reported on the later ones.
        idx = self.store.item_position(item_id) if index is None else index
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
        self.keep(Problem(level, code, message, self.name, line, None, subject, field))

    def keep(self, problem: Problem) -> None:
        """A problem made elsewhere, kept when its level is asked for."""
        if self.wants(problem.level):
            self.out.add(problem)
