"""A numbered milestone table, and ticket ids lettered after a step number (``11-A``) (issue 43)."""

from __future__ import annotations

import pytest

from readiness_tui.core.importers import import_markdown
from readiness_tui.core.importers.references.ids import is_id


@pytest.mark.parametrize("header", ["Milestone", "マイルストーン", "Meilenstein"])
def test_a_numbered_milestone_table_gives_milestones_not_items(header: str) -> None:
    md = f"# P\n\n| # | {header} | Status |\n|---|---|---|\n| 0 | Prep | done |\n| 1 | Reqs | done |\n"
    result = import_markdown(md, "P.md")
    assert result.board is not None
    assert result.board.items == []
    assert [(m.id, m.title) for m in result.board.milestones] == [("0", "Prep"), ("1", "Reqs")]


def test_a_step_number_and_a_letter_is_an_id() -> None:
    assert is_id("11-A") and is_id("6-1") and is_id("1-2-B")
    assert not is_id("11-a") and not is_id("2026-03")


def test_ids_in_a_column_headed_priority_give_the_priority() -> None:
    md = "# P\n\n| 優先 | 内容 |\n|---|---|\n| **P0-A** | a |\n| **P1** | b |\n| **X-1** | c |\n"
    result = import_markdown(md, "P.md")
    assert result.board is not None
    assert {i.id: i.priority for i in result.board.items} == {"P0-A": "P0", "P1": "P1", "X-1": None}


def test_a_milestone_column_naming_each_row_s_group_leaves_the_rows_items() -> None:
    md = (
        "# P\n\n| ID | Milestone | Task | Depends on |\n|---|---|---|---|\n| M1-01 | M1 | Repo | - |\n"
        "| M1-02 | M1 | CI | M1-01 |\n| M2-01 | M2 | Deploy | M1-02 |\n"
    )
    result = import_markdown(md, "P.md")
    assert result.board is not None
    assert [(i.id, i.title, i.depends_on) for i in result.board.items] == [
        ("M1-01", "Repo", []),
        ("M1-02", "CI", ["M1-01"]),
        ("M2-01", "Deploy", ["M1-02"]),
    ]
    # The column says which milestone each row belongs to.
    assert [i.milestone for i in result.board.items] == ["M1", "M1", "M2"]
    assert [m.id for m in result.board.milestones] == ["M1", "M2"]
