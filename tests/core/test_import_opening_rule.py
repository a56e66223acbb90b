"""A plan that opens with a rule (``---``) over its title and a sentence has no front matter (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown
from readiness_tui.core.importers.sections.board_info import front_matter

PLAN = """---
# Chess to-do list

A running to-do list for the chess engine.
---

### General

- undo move
- finish king moves

# Ideas

- Test environment against previous versions
"""


def test_a_rule_over_a_heading_and_prose_is_the_plan_not_front_matter() -> None:
    assert front_matter(PLAN) == (PLAN, [])
    result = import_markdown(PLAN, "todo.md")
    assert result.board is not None
    assert result.board.board.title == "Chess to-do list"
    assert "todo.md:2: used: H1 'Chess to-do list' -> board.title" in result.report_lines


def test_front_matter_of_keys_and_comments_is_still_read() -> None:
    text, pairs = front_matter("---\n# generated\ntitle: Launch plan\ntags:\n  - ops\n---\n# Plan\n")
    assert pairs == [("title", "Launch plan"), ("tags", "")]
    assert text.split("\n")[:6] == [""] * 6
