"""Cheap copies of a store's state: for undo, and for comparing a board with itself later.

Both rely on the store replacing the rows and segments it edits, never mutating them: copying the
lists is enough, at any size.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from .model import BoardMeta, Matrix
from .records import RECORD_MODELS
from .segments import Segment

if TYPE_CHECKING:
    from .store import BoardStore


def frozen_board(store: BoardStore) -> Any:
    """A view of a store's records as they are now, for ``audit.diff_boards`` to compare with later."""
    board = store.board
    return SimpleNamespace(
        **{k: list(getattr(board, k)) for k in RECORD_MODELS}, board=board.board, matrix=board.matrix
    )


@dataclass(frozen=True)
class StoreSnapshot:
    """The store's state for undo: the lists are copies, their rows and segments are shared."""

    segments: list[Segment]
    records: dict[str, list[Any]]
    meta: BoardMeta
    matrix: Matrix | None
