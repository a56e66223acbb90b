"""A copy of a long list that shares its unchanged stretches with the copy made before it.

Undo keeps a copy of the store's lists (its segments and the rows of each record kind) before
every edit, up to 200 of them. Whole copies cost a pointer per row each time, so on a big board a
long session's undo alone grew large.
An edit replaces one segment and one row, so consecutive copies differ in one stretch: a copy is
cut into fixed stretches, and a stretch equal to the same stretch of the copy before it is that
stretch, not another copy of it.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain
from typing import Any, Generic, TypeVar

T = TypeVar("T")

#: Rows per stretch: a small stretch keeps less per edit, a large one has fewer stretches to hold.
CHUNK = 256


class SharedRows(Generic[T]):
    """An immutable copy of ``rows``; ``like``: an earlier copy whose equal stretches are reused.

    Stretches are compared with ``==`` (rows the same object are equal at once, so an unchanged
    stretch costs a pointer compare per row): a reused stretch holds rows equal to the ones copied,
    which for records and segments, replaced and never mutated, is the same board.
    """

    __slots__ = ("_chunks", "_len")
    _chunks: list[list[T]]
    _len: int

    def __init__(self, rows: list[T], like: SharedRows[T] | None = None) -> None:
        before = like._chunks if like is not None else []
        chunks: list[list[T]] = []
        for n, at in enumerate(range(0, len(rows), CHUNK)):
            piece = rows[at : at + CHUNK]
            if n < len(before) and before[n] == piece:
                piece = before[n]
            chunks.append(piece)
        self._chunks = chunks
        self._len = len(rows)

    def __len__(self) -> int:
        return self._len

    def __iter__(self) -> Iterator[T]:
        return chain.from_iterable(self._chunks)

    def list(self) -> list[T]:
        """A new list of the rows."""
        return list(chain.from_iterable(self._chunks))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SharedRows):
            return NotImplemented
        # Shared stretches are the same object: only the others are compared row by row.
        return self._len == other._len and self._chunks == other._chunks

    __hash__ = None  # type: ignore[assignment]

    def shares_with(self, other: SharedRows[Any]) -> int:
        """How many of this copy's stretches are ``other``'s own (what the tests check sharing by)."""
        theirs = {id(c) for c in other._chunks}
        return sum(1 for c in self._chunks if id(c) in theirs)
