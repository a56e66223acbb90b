"""A board's readiness level in the portfolio: the gates' one rule (``core.gates.levels``), read
from the gate statuses the portfolio knows at the ref, summed up for one row."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from readiness_tui.core.gates.levels import board_level
from readiness_tui.core.model.board import Board


@dataclass(frozen=True)
class Level:
    #: The highest level reached ("" when none is, or the board declares none).
    reached: str
    #: The levels the board declares, lowest first.
    ladder: tuple[str, ...]
    #: How many gates hold the board below the next level.
    next_open: int = 0
    #: Why the ladder cannot be climbed at all (a gate naming a level the board does not declare).
    problem: str = ""

    @property
    def rank(self) -> int:
        """0 for no level, 1 for the lowest ... (only comparable within one ladder)."""
        return self.ladder.index(self.reached) + 1 if self.reached else 0


def level_of(board: Board, gate_status: Mapping[str, str], today: dt.date | None = None) -> Level:
    ladder = tuple(board.board.levels)
    if not ladder:
        return Level("", ())
    summary = board_level(board, gate_status, today)
    problem = "; ".join(f"{b.item_id} {b.status} ({b.reason})" for b in summary.unknown)
    return Level(summary.reached or "", ladder, len(summary.blocking), problem)
