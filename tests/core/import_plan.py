"""Importing a plan given as text in a test: the report lines and the items by id."""

from __future__ import annotations

from readiness_tui.core.importers import ImportResult, import_markdown
from readiness_tui.core.importers.guided.recipe_file import parse_recipe
from readiness_tui.core.model.item_model import Item


def imported(text: str) -> tuple[list[str], dict[str, Item]]:
    """The report lines and the items (by id) of ``text`` imported as ``plan.md``; fails if no board came."""
    result = import_markdown(text, "plan.md")
    assert result.board is not None, "\n".join(result.report_lines)
    return result.report_lines, {i.id: i for i in result.board.items}


def imported_with(plan: str, recipe: str | None) -> ImportResult:
    """``plan`` imported as ``plan.md`` with the recipe text ``recipe`` (read as ``r.toml``), or with none."""
    return import_markdown(plan, "plan.md", recipe=parse_recipe(recipe, "r.toml") if recipe is not None else None)


def items_of(result: ImportResult) -> dict[str, Item]:
    """The items of an import's board by id; fails if no board came."""
    assert result.board is not None
    return {i.id: i for i in result.board.items}


def report_of(result: ImportResult) -> str:
    """An import's report, one line each."""
    return "\n".join(result.report_lines)
