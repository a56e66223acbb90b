"""A plan kept in the todo.txt format: each task line an item, its marks and tags its fields (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown
from readiness_tui.core.importers.document.todo_txt import todo_txt

_PLAN = """x (A) 2026-01-03 2026-01-01 stay conform to todo.txt format +ext

(A) syntax highlighting (colors) https://code.visualstudio.com/api/language-extensions/overview
vs code documentation tells us that this is done best by using TextMate grammars

(B) integration tests @ci due:2026-02-01
(C) sort by due date
(D) someday: a dark theme
"""


def test_each_task_line_is_an_item_with_its_marks_as_fields() -> None:
    result = import_markdown(_PLAN, "todo.txt.md")
    assert result.board is not None, "\n".join(result.report_lines)
    got = {i.title: (i.status, i.priority) for i in result.board.items}
    assert got == {
        "stay conform to todo.txt format": ("done", "P1"),
        "syntax highlighting (colors)": ("todo", "P1"),
        "integration tests": ("todo", "P2"),
        "sort by due date": ("todo", "P3"),
        "someday: a dark theme": ("todo", "P3"),
    }
    items = {i.title: i for i in result.board.items}
    assert items["integration tests"].target == "2026-02-01"
    assert items["integration tests"].custom == {"context": "ci"}
    assert items["stay conform to todo.txt format"].custom == {
        "completed": "2026-01-03",
        "created": "2026-01-01",
        "project": "ext",
    }
    highlighting = items["syntax highlighting (colors)"]
    assert highlighting.custom == {"links": "https://code.visualstudio.com/api/language-extensions/overview"}
    assert "TextMate grammars" in highlighting.description
    assert any("5 todo.txt tasks" in ln for ln in result.report_lines)


def test_the_rewrite_keeps_the_line_count() -> None:
    lines = _PLAN.split("\n")
    todo_txt(lines, lambda n, what: None)
    assert len(lines) == len(_PLAN.split("\n"))
    assert lines[3] == "  - vs code documentation tells us that this is done best by using TextMate grammars"


def test_prose_with_a_few_marked_lines_is_not_todo_txt() -> None:
    lines = ["(A) first", "(B) second", "", "A paragraph of prose that opens with no mark.", "", "(C) third"]
    before = list(lines)
    todo_txt(lines, lambda n, what: None)
    assert lines == before


def test_a_markdown_plan_is_left_alone() -> None:
    lines = ["# Plan", "", "(A) first", "(B) second", "(C) third"]
    before = list(lines)
    todo_txt(lines, lambda n, what: None)
    assert lines == before
