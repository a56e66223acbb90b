"""A checklist written as numbered outline lines, a mark of each line's state after its number (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown
from readiness_tui.core.importers.document.marked_lines import marked_outline_lines

PLAN = """# Logging cleanup checklist

## 1. Prerequisites
1.1. ✅ Create feature branch: logging-cleanup
1.2. ✅ Initialize documentation structure

## 2. Analysis Phase
2.1. 🔄 Audit current logging implementation
  2.1.1. ✅ Review all logger instantiations
  2.1.2. 🕔 Document inconsistencies
"""


def test_each_marked_line_is_an_item_in_its_state_nested_as_indented() -> None:
    result = import_markdown(PLAN, "plan.md")
    assert result.board is not None, "\n".join(result.report_lines)
    got = {i.id: (i.title, i.status, i.parent) for i in result.board.items}
    assert got == {
        "1.1": ("Create feature branch: logging-cleanup", "done", None),
        "1.2": ("Initialize documentation structure", "done", None),
        "2.1": ("Audit current logging implementation", "in_progress", None),
        "2.1.1": ("Review all logger instantiations", "done", "2.1"),
        "2.1.2": ("Document inconsistencies", "todo", "2.1"),
    }


def test_the_lines_become_boxes_in_place() -> None:
    lines = PLAN.split("\n")
    marked_outline_lines(lines, lambda mark: {"✅": "done", "🔄": "in_progress"}.get(mark), lambda n, what: None)
    assert len(lines) == len(PLAN.split("\n"))
    assert lines[3] == "- [x] 1.1 Create feature branch: logging-cleanup"
    assert lines[7] == "- [ ] 2.1 Audit current logging implementation (in progress)"
    assert lines[9] == "  - [ ] 2.1.2 Document inconsistencies"


def test_a_few_marked_lines_in_prose_are_left_alone() -> None:
    lines = ["# Notes", "", "1.1. ✅ One thing", "Some prose.", "2.1. ✅ Another"]
    before = list(lines)
    marked_outline_lines(lines, lambda mark: "done", lambda n, what: None)
    assert lines == before
