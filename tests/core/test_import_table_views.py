"""A table whose title column only names items the plan already has is a view, not items (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown

TASKS = "# P\n\n| ID | Task |\n|---|---|\n| T01 | Inventory |\n| T02 | Isolate |\n| T03 | Replace |\n\n"


def test_a_coverage_table_naming_known_items_is_skipped_and_reported() -> None:
    md = (
        TASKS
        + "## Audit coverage\n\n| Finding | Assigned tasks |\n|---|---|\n| A01 | T03 (#100), T01 |\n| A02 | T02 |\n"
    )
    result = import_markdown(md, "P.md")
    assert result.board is not None
    assert [i.id for i in result.board.items] == ["T01", "T02", "T03"]
    assert any("only name items of the plan" in line for line in result.report_lines)


def test_a_table_whose_titles_are_words_still_makes_items() -> None:
    md = TASKS + "## Findings\n\n| Finding | Task |\n|---|---|\n| A01 | Fix T03 first |\n| A02 | Add a test |\n"
    result = import_markdown(md, "P.md")
    assert result.board is not None
    assert [i.id for i in result.board.items] == ["T01", "T02", "T03", "A01", "A02"]
