"""The pieces a line of the line-drawn panes is made of: rows, styled parts, progress bars, status
glyphs, and fitting text to a number of terminal cells."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.cells import cell_len, set_cell_size

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
