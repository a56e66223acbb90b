"""A heading that says who does the work under it (issue 43)."""

from __future__ import annotations

import pytest

from readiness_tui.core.importers import import_markdown

_TABLE = "| # | 작업 | 산출물 |\n|---|---|---|\n| {a} | Parser module | src |\n| {b} | Splitter | src |\n"


@pytest.mark.parametrize(
    ("heading", "owner"),
    [
        ("DE 담당: 전처리 모듈 (2주)", "DE"),
        ("担当: 田中 — 解析", "田中"),
        ("Owner: Platform team — Ingest", "Platform team"),
    ],
)
def test_the_heading_names_the_owner_of_the_rows_under_it(heading: str, owner: str) -> None:
    md = f"# Plan\n\n### {heading}\n\n" + _TABLE.format(a="1-A-1", b="1-A-2")
    result = import_markdown(md, "P.md")
    assert result.board is not None
    assert [(i.id, i.owner) for i in result.board.items] == [("1-A-1", owner), ("1-A-2", owner)]


def test_a_row_naming_its_own_owner_keeps_it() -> None:
    md = "# Plan\n\n### MLE 담당: Context\n\n| # | Task | Owner |\n|---|---|---|\n| 1-B-1 | Model | Ana |\n| 1-B-2 | Prompt | |\n"
    result = import_markdown(md, "P.md")
    assert result.board is not None
    assert [i.owner for i in result.board.items] == ["Ana", "MLE"]
