"""Readiness levels a board declares (as scorecards' bronze / silver / gold), lowest first:

    [board.levels]
    bronze = "p:P0"          # every P0 item closed
    silver = "p:P0,P1"
    gold = ""                # every item closed

A level is reached when every item its filter (the backlog's filter language) selects is closed
(done or cancelled) and every lower level is reached too.
"""

from __future__ import annotations

from dataclasses import dataclass

from readiness_tui.core.analysis.analyze import Analysis
from readiness_tui.core.filters.filtering import Facts, parse, vocabulary
from readiness_tui.core.filters.values import FilterError
from readiness_tui.core.filters.views import views_for
from readiness_tui.core.model.board import CLOSED, Board


@dataclass(frozen=True)
class Level:
    #: The highest level reached ("" when none is, or the board declares none).
    reached: str
    #: The levels the board declares, lowest first.
    ladder: tuple[str, ...]
    #: The level above ``reached`` and how many items hold it back.
    next_open: int = 0
    #: A level whose filter cannot be read: ``[board.levels] silver: column 3: ...``.
    problem: str = ""

    @property
    def rank(self) -> int:
        """0 for no level, 1 for the lowest ... (only comparable within one ladder)."""
        return self.ladder.index(self.reached) + 1 if self.reached else 0


def level_of(board: Board, analysis: Analysis) -> Level:
    ladder = tuple(board.board.levels)
    if not ladder:
        return Level("", ())
    facts = Facts.of(analysis)
    vocab = vocabulary(board, views_for(board), facts.tree)  # once for every level's filter
    reached = ""
    for name, text in board.board.levels.items():
        try:
            query = parse(text, vocab)
        except FilterError as exc:
            return Level(reached, ladder, problem=f"[board.levels] {name}: {exc}")
        held = [it for it in query.filter(board.items, facts) if it.status not in CLOSED]
        if held:
            return Level(reached, ladder, len(held))
        reached = name
    return Level(reached, ladder)
