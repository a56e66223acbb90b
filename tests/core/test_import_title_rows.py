"""A table without ids whose rows name the plan's items by title adds to them instead of making new ones."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown

_PLAN = """# Fixes

## Work

### 1. Checkout button broken

### 2. Slow search results

### 3. Missing invoice emails

## Who

| Task | Owner | Status |
|---|---|---|
| Checkout button | Ana | done |
| Search results | Luis | in progress |
| Invoice emails | Ana | todo |
| Holiday banner | Mo | todo |
"""


def test_rows_that_name_items_by_title_add_to_them() -> None:
    result = import_markdown(_PLAN, "PLAN.md")
    assert result.board is not None, "\n".join(result.report_lines)
    got = {i.id: (i.owner, i.status) for i in result.board.items}
    assert got == {"1": ("Ana", "done"), "2": ("Luis", "in_progress"), "3": ("Ana", "todo")}
    assert any("'Holiday banner' names no item" in line for line in result.report_lines)


def test_rows_that_name_too_few_items_are_read_as_usual() -> None:
    md = _PLAN.replace("| Search results |", "| Gift cards |").replace("| Invoice emails |", "| Staff rota |")
    result = import_markdown(md, "PLAN.md")
    assert result.board is not None
    assert len(result.board.items) == 7


def test_rows_sharing_only_common_words_with_items_are_work_of_their_own() -> None:
    md = (
        "# Plan\n\n## Mock data\n\n| Task | Status |\n|---|---|\n| Create mock AI service | ✅ Done |\n"
        "| Generate mock distribution data | ✅ Done |\n| Calculate risk counts per asset | ⏳ Todo |\n\n"
        "## Simulation\n\n| Task | Status |\n|---|---|\n| Create simulation service | ✅ Done |\n"
        "| Generate distribution curve | ✅ Done |\n| Calculate percentiles | ✅ Done |\n"
    )
    result = import_markdown(md, "PLAN.md")
    assert result.board is not None
    assert len(result.board.items) == 6  # two of three words alike ("Create … service") name another task
