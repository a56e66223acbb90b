"""Issue headings and priority-word headings (issue 43): ``### Issue 4: x`` under ``## HIGH PRIORITY``."""

from __future__ import annotations

import pytest

from readiness_tui.core.importers import import_markdown
from readiness_tui.core.importers.sections.patterns import PRIO_GROUP_RE


@pytest.mark.parametrize(
    ("title", "word"),
    [("HIGH PRIORITY (Critical Issues)", "HIGH"), ("Medium priority", "Medium"), ("Low-priority cleanups", "Low")],
)
def test_a_priority_word_with_priority_after_it_is_a_priority_heading(title: str, word: str) -> None:
    m = PRIO_GROUP_RE.match(title)
    assert m is not None and m.group("word") == word


@pytest.mark.parametrize("title", ["High availability", "Low latency reads", "Priority reasoning"])
def test_a_priority_word_alone_is_not(title: str) -> None:
    assert PRIO_GROUP_RE.match(title) is None


def _board(md: str):  # type: ignore[no-untyped-def]
    result = import_markdown(md, "PLAN.md")
    assert result.board is not None, "\n".join(result.report_lines)
    return result.board


def test_issue_headings_are_items_with_the_priority_of_their_group() -> None:
    board = _board(
        "# Review\n\n## HIGH PRIORITY\n\n### Issue 3: Rotate keys\n\n- [ ] New key\n\n"
        "### Issue 4: Rate limits\n\n**Depends on:** Issue 3\n\n## Medium priority\n\n### Issue 9: Logs\n"
    )
    got = {i.id: (i.priority, i.depends_on) for i in board.items}
    assert got == {"ISSUE-3": ("P1", []), "ISSUE-4": ("P1", ["ISSUE-3"]), "ISSUE-9": ("P2", [])}


def test_a_priority_heading_written_twice_makes_one_phase() -> None:
    board = _board(
        "# Issues\n\n## High priority\n\n| # | Title |\n|---|---|\n| #1 | A |\n\n"
        "## Why\n\n### High priority\n\n- **#1 A**: blocks launch\n"
    )
    assert [p.id for p in board.phases] == ["P1"]
    assert [(i.id, i.priority) for i in board.items] == [("#1", "P1")]
