"""Importing a plan given as text in a test: the report lines and the items by id."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown
from readiness_tui.core.model.item_model import Item


def imported(text: str) -> tuple[list[str], dict[str, Item]]:
    """The report lines and the items (by id) of ``text`` imported as ``plan.md``; fails if no board came."""
    result = import_markdown(text, "plan.md")
    assert result.board is not None, "\n".join(result.report_lines)
    return result.report_lines, {i.id: i for i in result.board.items}
