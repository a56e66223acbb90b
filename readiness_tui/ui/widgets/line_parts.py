"""The pieces a line of the line-drawn panes is made of: rows, styled parts, progress bars, status
glyphs, and fitting text or a strip to a number of terminal cells."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any, overload

from rich.cells import cell_len, set_cell_size
from rich.style import Style
from textual.strip import Strip

Row = tuple[str | None, str | None, Any]


class Rows(Sequence[Row]):
    """The rows of a ``LineList``, kept as lines given one by one and runs made when read.

    A run is ``count`` rows, row ``n`` of it being ``make(n)``, every one with a key: a pane over a
    10,000-item board lists its items as runs over id lists it already has, instead of holding a
    tuple, a key string and a payload per row for as long as it is shown."""

    def __init__(self) -> None:
        #: Where each part starts, and the parts: a list of rows given, or (count, make) of a run.
        self._starts: list[int] = []
        self._parts: list[list[Row] | tuple[int, Callable[[int], Row]]] = []
        self._len = 0

    def add(self, row: Row) -> None:
        """One row, as it is."""
        last = self._parts[-1] if self._parts else None
        if isinstance(last, list):
            last.append(row)
        else:
            self._starts.append(self._len)
            self._parts.append([row])
        self._len += 1

    def run(self, count: int, make: Callable[[int], Row]) -> None:
        """``count`` rows, row ``n`` of them ``make(n)`` when read; each must have a key."""
        if count > 0:
            self._starts.append(self._len)
            self._parts.append((count, make))
            self._len += count

    def items(self, key: str, ids: Sequence[str], drawn_as: str) -> None:
        """A row per item of ``ids``, made when read: keyed ``key:id``, for that item, drawn as
        ``(drawn_as, id)`` (the rows a pane lists items in)."""
        self.run(len(ids), partial(_item_row, key, drawn_as, ids))

    def __len__(self) -> int:
        return self._len

    @overload
    def __getitem__(self, index: int) -> Row: ...

    @overload
    def __getitem__(self, index: slice) -> list[Row]: ...

    def __getitem__(self, index: int | slice) -> Row | list[Row]:
        if isinstance(index, slice):
            return [self[n] for n in range(*index.indices(self._len))]
        if index < 0:
            index += self._len
        if not 0 <= index < self._len:
            raise IndexError(index)
        k = bisect_right(self._starts, index) - 1
        part, at = self._parts[k], index - self._starts[k]
        return part[at] if isinstance(part, list) else part[1](at)

    def __iter__(self) -> Iterator[Row]:
        for part in self._parts:
            if isinstance(part, list):
                yield from part
            else:
                count, make = part
                yield from map(make, range(count))

    def keyed(self) -> Iterator[int]:
        """The indexes of the rows with a key (every row of a run), without making the runs' rows."""
        for start, part in zip(self._starts, self._parts, strict=True):
            if isinstance(part, list):
                yield from (start + n for n, row in enumerate(part) if row[0] is not None)
            else:
                yield from range(start, start + part[0])


def _item_row(key: str, drawn_as: str, ids: Sequence[str], n: int) -> Row:
    item_id = ids[n]
    return (f"{key}:{item_id}", item_id, (drawn_as, item_id))


@dataclass(frozen=True)
class Bar:
    """A progress bar part of a styled line."""

    done: int
    total: int
    width: int = 16


def styled(*parts: Any) -> tuple[str, tuple[Any, ...]]:
    """A line payload of parts styled when drawn (so a theme switch restyles it):
    ``"text"``, ``("text", "heading")`` (a short style name, see ``LineList.style``) or ``Bar``."""
    return ("parts", parts)


STATUS_GLYPH = {
    "todo": "○",
    "in_progress": "◐",
    "blocked": "✖",
    "review": "◑",
    "done": "●",
    "cancelled": "⊘",
}


def plural(n: int, word: str, many: str | None = None) -> str:
    """``"1 item"``, ``"3 items"``; ``many`` for words that do not just take an s."""
    return f"{n} {word if n == 1 else (many or word + 's')}"


def pad_cells(text: str, width: int) -> str:
    """Pad or cut to ``width`` cells (an ellipsis marks a cut)."""
    if text.isascii() and text.isprintable():  # one cell per character: no cell measuring
        if len(text) <= width:
            return text.ljust(width)
        return text[: width - 1] + "…" if width > 0 else ""
    if cell_len(text) > width:
        return set_cell_size(text, max(0, width - 1)) + "…" if width > 0 else ""
    return set_cell_size(text, width)


def fit_strip(strip: Strip, end: int, style: Style | None, start: int = 0) -> Strip:
    """Cells ``start`` to ``end`` of ``strip``, padded with ``style`` past its end: what
    ``Strip.crop_extend`` gives. That caches its answer in the strip it is asked, and a strip that
    is already the answer is then a cycle of one: refcounting never frees it, and with all it
    holds it waits for a full collection. A strip the line caches drop is freed at once here."""
    if start == 0:
        return strip if strip.cell_length == end else strip.adjust_cell_length(end, style)
    return strip.crop_extend(start, end, style)  # a cut from the middle is a new strip
