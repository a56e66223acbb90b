"""Cheap copies of a store's state: for undo, and for comparing a board with itself later.

Both rely on the store replacing the rows and segments it edits, never mutating them: copying the
lists is enough, at any size, and a copy shares what did not change with the one before it.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from readiness_tui.core.board.segments import Segment
from readiness_tui.core.board.shared_rows import SharedRows
from readiness_tui.core.model.board import BoardMeta, Matrix
from readiness_tui.core.model.records import RECORD_MODELS

if TYPE_CHECKING:
    from readiness_tui.core.board.store import BoardStore


def frozen_board(store: BoardStore) -> Any:
    """A view of a store's records as they are now, for ``audit.diff_boards`` to compare with later."""
    board = store.board
    return SimpleNamespace(
        **{k: list(getattr(board, k)) for k in RECORD_MODELS}, board=board.board, matrix=board.matrix
    )


@dataclass(frozen=True, eq=False)
class StoreSnapshot:
    """The store's state for undo: copies of its lists (``SharedRows``: a stretch that did not change
    since the store's previous snapshot is that snapshot's, not another copy), their rows and
    segments shared with the store."""

    segment_rows: SharedRows[Segment]
    record_rows: dict[str, SharedRows[Any]]
    meta: BoardMeta
    matrix: Matrix | None

    @classmethod
    def of(cls, store: BoardStore, like: StoreSnapshot | None = None) -> StoreSnapshot:
        """``store``'s state now; ``like``: the snapshot whose unchanged stretches it shares."""
        board = store.board
        return cls(
            SharedRows(store.segments_now(), like.segment_rows if like is not None else None),
            {
                k: SharedRows(getattr(board, k), like.record_rows.get(k) if like is not None else None)
                for k in RECORD_MODELS
            },
            board.board,
            board.matrix,
        )

    @property
    def segments(self) -> list[Segment]:
        """A new list of the segments."""
        return self.segment_rows.list()

    @property
    def records(self) -> dict[str, list[Any]]:
        """New lists of each kind's rows."""
        return {k: rows.list() for k, rows in self.record_rows.items()}

    def same_text(self, other: StoreSnapshot) -> bool:
        """Whether the two hold the same segments (shared stretches are not compared row by row)."""
        return self.segment_rows == other.segment_rows
