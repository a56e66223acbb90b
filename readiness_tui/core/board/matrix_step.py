"""The recorded ``[matrix]`` kept in step with ``depends_on`` (issue 39): the matrix is a second
copy of the dependencies, so every edit made through readiness (``EditController.apply`` wraps each
in ``in_step``, and its replay on a board someone else changed too) brings it along in the same
save, and a git merge works it out again from the merged ``depends_on`` (``gitmerge.board``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from readiness_tui.core.analysis.coverage import matrix_disagreements, matrix_in_step
from readiness_tui.core.board.store_records import put_matrix
from readiness_tui.core.board.text import BoardText
from readiness_tui.core.model.board import Board
from readiness_tui.core.model.records import Change

if TYPE_CHECKING:
    from readiness_tui.core.board.store import BoardStore


def matrix_after_edit(
    board: Board, text: BoardText, before: MatrixBefore | None, changes: list[Change], name: str
) -> list[Change]:
    """Keep the recorded matrix in step with an edit of ``depends_on``, renamed or removed items
    (``coverage.matrix_in_step``); ``before`` is ``matrix_before`` taken ahead of the edit."""
    matrix = board.matrix
    if before is None or matrix is None:
        return []
    items = board.item_map()
    renamed = {str(c.old): str(c.new) for c in changes if c.kind == "items" and c.field == "id"}
    removed = [i for i in before.present if i not in items and i not in renamed]
    new = matrix_in_step(matrix, items, before.apart, renamed, removed)
    if new is None:
        return []
    dropped = [n for n, i in enumerate(matrix.order) if renamed.get(i, i) not in new.order]
    return [put_matrix(board, text, new, name, dropped)]


@dataclass(frozen=True)
class MatrixBefore:
    """What an edit must know of the recorded matrix before it runs."""

    #: Cells that already disagreed with ``depends_on`` (kept as recorded: not this edit's doing).
    apart: set[tuple[str, str]]
    #: Ids of its order that named items.
    present: set[str]


def matrix_before(board: Board) -> MatrixBefore | None:
    """None when the board records no matrix (the edit has nothing to keep in step)."""
    if board.matrix is None or not board.matrix.order:
        return None
    items = board.item_map()
    apart = {(d.row, d.col) for d in matrix_disagreements(board.matrix, items)}
    return MatrixBefore(apart, {i for i in board.matrix.order if i in items})


def in_step(fn: Callable[[BoardStore], Any]) -> Callable[[BoardStore], Any]:
    """``fn`` followed by keeping the recorded ``[matrix]`` in step with ``depends_on``: every
    edit, and its replay on a board someone else changed, so none leaves ``lint`` failing."""
    if getattr(fn, "in_step", False):
        return fn

    def run(store: BoardStore) -> Any:
        before = store.matrix_before()
        out = fn(store)
        if before is None:
            return out
        changes = out if isinstance(out, list) else ([out] if isinstance(out, Change) else [])
        kept = store.keep_matrix(before, changes)
        # An edit that returns no changes has them diffed from the board: the matrix's among them.
        return [*changes, *kept] if kept and isinstance(out, (list, Change)) else out

    run.in_step = True  # type: ignore[attr-defined]
    return run
