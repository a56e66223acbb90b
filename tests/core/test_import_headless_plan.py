"""A plan with no heading at all, only lists (a TODO file): read as a titled plan is, its title its first line when
that stands alone, else its file's name. Everything in it had been "before the first heading" and none of it read."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown


def test_a_plan_of_lists_only_is_read_under_its_files_name() -> None:
    md = (
        "- Create the `Neovim` class\n    - Hook up the `quit` event\n    - Type `_neovim`\n\n"
        "- Profile React rendering\n- Get quit working\n"
    )
    result = import_markdown(md, "oni_refactor_plan.md")
    assert result.board is not None
    assert result.board.board.title == "oni refactor plan"
    titles = [it.title for it in result.board.items]
    assert "Create the `Neovim` class" in titles and "Get quit working" in titles
    assert any("no heading" in ln and "'oni refactor plan'" in ln for ln in result.report_lines)
    assert not any("before the first heading" in ln for ln in result.report_lines)


def test_a_line_standing_alone_before_the_lists_is_the_title() -> None:
    md = "Expense tracker roadmap\n\n- Implement signup\n- Implement signin\n"
    result = import_markdown(md, "README.md")
    assert result.board is not None
    assert result.board.board.title == "Expense tracker roadmap"
    assert [it.title for it in result.board.items] == ["Implement signup", "Implement signin"]


def test_prose_with_no_heading_and_no_list_is_still_not_imported() -> None:
    result = import_markdown("Release notes\n\nThe build is slow.\n", "plan.md")
    assert result.board is not None and result.board.items == []
    assert any("paragraph before the first heading: not imported" in ln for ln in result.report_lines)


_LINES = """Budget app backend roadmap

1. Authentication (Completed)

Implement the sign-up endpoint
Generate session tokens

2. Categories

Create the category endpoints
Add validation for category kinds
Write the category tests
"""


def test_lines_of_work_without_markers_under_numbered_lines_are_items_in_groups() -> None:
    result = import_markdown(_LINES, "README.md")
    assert result.board is not None
    got = {it.title: it.workstream for it in result.board.items}
    assert got == {
        "Implement the sign-up endpoint": "Authentication (Completed)",
        "Generate session tokens": "Authentication (Completed)",
        "Create the category endpoints": "Categories",
        "Add validation for category kinds": "Categories",
        "Write the category tests": "Categories",
    }
    assert any("lines of work without list markers" in ln for ln in result.report_lines)


def test_short_lines_that_are_not_work_stay_text() -> None:
    md = (
        "Team notes\n\n- Ship the beta\n- Fix the login\n- Write the docs\n- Tag the release\n\n"
        "The beta went out late\nEveryone was tired\n"
    )
    result = import_markdown(md, "notes.md")
    assert result.board is not None
    assert [it.title for it in result.board.items] == [
        "Ship the beta",
        "Fix the login",
        "Write the docs",
        "Tag the release",
    ]


def test_numbered_lines_over_spaced_bullets_group_them_under_headings_too() -> None:
    md = "# Plan\n\n## Work\n\n1. Auth\n\n- Add login\n- Add logout\n\n2. Billing\n\n- Add invoices\n"
    result = import_markdown(md, "plan.md")
    assert result.board is not None
    assert {it.title: it.workstream for it in result.board.items} == {
        "Add login": "Auth",
        "Add logout": "Auth",
        "Add invoices": "Billing",
    }


_BROKEN_LINES = (
    "# BudgetBuddy\n\n## October 28, 2024\n### Mobile App:\n"
    "Complete user interface design  \n"  # two spaces: a hard break
    "Implement user registration and login screens\\\n"  # a backslash: a hard break
    "Create basic dashboard layout\n\n"
    "## Notes\n\nThe team meets on Fridays and reviews\nthe board before it plans the week\n"
)


def test_lines_of_work_each_broken_by_hand_under_a_heading_are_a_list() -> None:
    result = import_markdown(_BROKEN_LINES, "plan.md")
    assert result.board is not None
    assert [it.title for it in result.board.items] == [
        "Complete user interface design",
        "Implement user registration and login screens",
        "Create basic dashboard layout",
    ]
    assert any("each line broken by hand, read as a list" in ln for ln in result.report_lines)


def test_lines_that_only_wrap_under_a_heading_stay_a_paragraph() -> None:
    md = "# App\n\n## Work\n\nImplement the login screen\nAdd the session tokens\n"
    result = import_markdown(md, "plan.md")
    assert result.board is not None
    assert not any("read as a list" in ln for ln in result.report_lines)
