"""A work breakdown written as a table (issue 43): summary rows numbered in the id column, the rows under each
numbered at the start of their name, their id cells blank."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown

_WBS = """# Work Breakdown Structure

| ID | Task Name | Duration | Predecessor | Milestone |
| ---|-----------|----------|-------------|-----------|
| 1. | Sketching UI | 1 weeks | None | Milestone-1 |
| | 1.1 Sketch | 3 Days | None | |
| | 1.2 Review | 2 Days | 1.1 | |
| 2. | Sample Data | 5 days | 1 | Milestone-2 |
| | 2.1 Numbered List | 2 days | 1 | |
| | 2.2 Verification | 2 days | 1.2 | |
"""


def test_rows_numbered_under_a_summary_row_are_items_and_the_summary_their_phase() -> None:
    result = import_markdown(_WBS, "WBS.md")
    assert result.board is not None
    items = [(i.id, i.title, i.phase, i.milestone, i.depends_on) for i in result.board.items]
    assert items == [
        ("1.1", "Sketch", "1", "Milestone-1", []),
        ("1.2", "Review", "1", "Milestone-1", ["1.1"]),
        # "1" is the summary row: a wait on each of its rows.
        ("2.1", "Numbered List", "2", "Milestone-2", ["1.1", "1.2"]),
        ("2.2", "Verification", "2", "Milestone-2", ["1.2"]),
    ]
    assert [(p.id, p.title) for p in result.board.phases] == [("1", "Sketching UI"), ("2", "Sample Data")]


def test_a_name_numbered_outside_the_row_above_leaves_the_table_as_it_was() -> None:
    # "3.1" under summary row 1 is not its row: no breakdown read, the rows without ids reported.
    md = _WBS.replace("| | 1.2 Review |", "| | 3.1 Review |")
    result = import_markdown(md, "WBS.md")
    assert result.board is not None
    assert not any(i.id == "3.1" for i in result.board.items)
    assert any("table row without an id" in line for line in result.report_lines)


def test_a_mark_beside_some_ids_is_no_part_of_them() -> None:
    # "0.2 ⭐" marks a shared point; neither a state nor words: the rows keep their ids and titles.
    md = (
        "# WBS\n\n| ☐ | ID | P | 할 일 | 선행 |\n|:-:|---|:-:|---|---|\n| ☐ | 0.1 | P0 | 레포 뼈대 | — |\n"
        "| ☐ | 0.2 ⭐ | P0 | 테이블 구조 확정 | 0.1 |\n| ☐ | 0.3 ⭐ | P1 | 데이터 형식 | 0.2 |\n"
    )
    result = import_markdown(md, "WBS.md")
    assert result.board is not None
    assert [(i.id, i.title, i.priority, i.depends_on) for i in result.board.items] == [
        ("0.1", "레포 뼈대", "P0", []),
        ("0.2", "테이블 구조 확정", "P0", ["0.1"]),
        ("0.3", "데이터 형식", "P1", ["0.2"]),
    ]


def test_an_id_a_table_gives_twice_to_other_work_is_two_items() -> None:
    md = (
        "# Sprint\n\n| ID | Story | Status |\n|---|---|---|\n| RC-089 | Remove the dropdown menu files | Ready |\n"
        "| RC-090 | Add the contact page | Ready |\n| RC-089 | Resize the logo to fit the page | Ready |\n"
        "| RC-090 | Add the contact page | Done |\n"
    )
    result = import_markdown(md, "S.md")
    assert result.board is not None
    # The same work written twice stays one item; other work under a reused id is a second one, lettered on.
    assert [(i.id, i.title) for i in result.board.items] == [
        ("RC-089", "Remove the dropdown menu files"),
        ("RC-090", "Add the contact page"),
        ("RC-089b", "Resize the logo to fit the page"),
    ]
