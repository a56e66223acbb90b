"""A one-line text progress bar (closed/total) for the plan and risk panes.

Blocks rather than colour alone, so the bar still reads on a projector or without colour.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text


def progress_text(
    done: int,
    total: int,
    width: int = 16,
    done_style: Style | str = "",
    todo_style: Style | str = "",
    label: bool = True,
) -> Text:
    """``███████░░░░░░░░░  3/7  43%``; an empty bar and ``0/0`` when there is nothing to count."""
    width = max(1, width)
    filled = round(width * done / total) if total else 0
    if total and done < total:
        filled = min(filled, width - 1)  # never look complete while something is open
    if total and done and not filled:
        filled = 1
    text = Text()
    text.append("█" * filled, done_style)
    text.append("░" * (width - filled), todo_style)
    if label:
        pct = f"{round(100 * done / total):>3}%" if total else "   —"
        text.append(f" {done}/{total} {pct}")
    return text
