"""A task box closing a heading (issue 43): ``### 0.1 Fix links [x]`` is done, ``[ ]`` is not."""

from __future__ import annotations

import pytest

from readiness_tui.core.importers import import_markdown


@pytest.mark.parametrize(("box", "status"), [("[x]", "done"), ("[X]", "done"), ("[ ]", "todo")])
def test_a_closing_box_is_the_status_and_leaves_the_title(box: str, status: str) -> None:
    result = import_markdown(f"# P\n\n## Phase 0: Now\n\n### 0.1 Fix links {box}\n\n- do it\n", "P.md")
    assert result.board is not None, "\n".join(result.report_lines)
    [item] = result.board.items
    assert (item.id, item.title, item.status) == ("0.1", "Fix links", status)


def test_brackets_inside_a_title_are_not_a_box() -> None:
    result = import_markdown("# P\n\n## Phase 0: Now\n\n### 0.1 Parse [x] marks in titles\n\n- do it\n", "P.md")
    assert result.board is not None
    assert result.board.items[0].title == "Parse [x] marks in titles"
