"""A column giving each row its own ticket is another name of the row; '2b' among numbered rows is an id
(issue 43)."""

from __future__ import annotations

from pathlib import Path

from readiness_tui.core.importers import import_markdown
from tests.core.import_plan import imported

PLAN = Path(__file__).resolve().parents[1] / "fixtures" / "corpus" / "ticket_column_aliases.md"


def _deps(text: str) -> dict[str, list[str]]:
    result = import_markdown(text, "P.md")
    assert result.board is not None
    return {i.id: i.depends_on for i in result.board.items}


def test_tickets_cited_in_dependency_cells_name_the_rows_that_carry_them() -> None:
    assert _deps(PLAN.read_text(encoding="utf-8")) == {"1": [], "2": ["1"], "2b": ["2"], "3": ["2", "2b"]}


def test_a_ticket_two_rows_share_is_no_name_of_either() -> None:
    table = "# P\n\n| ID | Task | Ticket | Depends on |\n|---|---|---|---|\n| T1 | a | #9 | — |\n| T2 | b | #9 | — |\n"
    table += "| T3 | c | #10 | #9 |\n"
    assert _deps(table)["T3"] == ["#9"]


def test_a_state_in_words_after_a_tickets_id_is_its_status_and_no_part_of_its_name() -> None:
    plan = """# 开发进度

## P1 更新

### ✅ P1.1 已完成 - 子任务前端

说明。

### ⏳ P1.2 进行中 - 排班表前端

说明。

### T-7 In progress — Export to CSV

Notes.
"""
    _, items = imported(plan)
    assert [(i.id, i.title, i.status) for i in items.values()] == [
        ("P1.1", "子任务前端", "done"),
        ("P1.2", "排班表前端", "in_progress"),
        ("T-7", "Export to CSV", "in_progress"),
    ]


def test_a_bracket_closing_a_tickets_title_with_its_weeks_and_effort_is_no_part_of_it() -> None:
    plan = """# Phase 3

### Task 1: Package Manager Infrastructure (Weeks 1-2, 24-32 hours)

Build the resolver.

### Task 2: Registry & Package Signing (Week 3)

Sign the packages.

### Task 3: Docs (see the wiki)

Write them.
"""
    _, items = imported(plan)
    assert [(i.title, i.estimate_days, i.custom.get("when")) for i in items.values()] == [
        ("Package Manager Infrastructure", 4.0, "Weeks 1-2"),
        ("Registry & Package Signing", None, "Week 3"),
        ("Docs (see the wiki)", None, None),
    ]
