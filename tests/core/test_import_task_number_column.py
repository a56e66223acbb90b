"""A "Task" column of bare task numbers (``001``, ``006a``) beside a "Description" column: the numbers name the rows
(other rows depend on them), the description is what each row does."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown

PLAN = """# Plan

## Task Overview
| Task | Description | Depends On | Status |
|------|-------------|------------|--------|
| 001 | Cookie value object and Set-Cookie rendering | - | completed |
| 006a | Request cookie access | - | completed |
| 002 | Response decoration API preserving subclass | 001 | completed |
| 006 | Session cookie travels on the Response | 002, 006a | in progress |
"""


def test_a_task_column_of_numbers_gives_the_ids_and_the_description_the_titles() -> None:
    result = import_markdown(PLAN, "plan.md")
    assert result.board is not None
    assert [(i.id, i.title, i.depends_on, i.status) for i in result.board.items] == [
        ("001", "Cookie value object and Set-Cookie rendering", [], "done"),
        ("006a", "Request cookie access", [], "done"),
        ("002", "Response decoration API preserving subclass", ["001"], "done"),
        ("006", "Session cookie travels on the Response", ["002", "006a"], "in_progress"),
    ]


def test_a_task_column_of_words_stays_the_title() -> None:
    md = (
        "# Plan\n\n| Task | Description | Status |\n|---|---|---|\n"
        "| Set up CI | Lint and tests on every push | done |\n| Write docs | The user guide | todo |\n"
    )
    result = import_markdown(md, "plan.md")
    assert result.board is not None
    assert [(i.title, i.description) for i in result.board.items] == [
        ("Set up CI", "Lint and tests on every push"),
        ("Write docs", "The user guide"),
    ]
