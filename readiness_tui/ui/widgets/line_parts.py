"""The pieces a line of the line-drawn panes is made of: rows, styled parts, progress bars, status
glyphs, and fitting text or a strip to a number of terminal cells."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.cells import cell_len, set_cell_size
from rich.style import Style
from textual.strip import Strip

Row = tuple[str | None, str | None, Any]


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
