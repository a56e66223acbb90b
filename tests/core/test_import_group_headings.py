"""A heading with an id over nothing but a table of items with their own ids groups them (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown

TABLE = "| ID | Task | Owner |\n|---|---|---|\n| T01 | Inventory | ana |\n| T02 | Isolate | bo |\n"


def _ids(md: str) -> list[str]:
    result = import_markdown(md, "P.md")
    assert result.board is not None
    return [i.id for i in result.board.items]


def test_a_milestone_heading_over_a_task_table_is_no_item() -> None:
    assert _ids("# P\n\n### M0 — Qualified baseline\n\n" + TABLE) == ["T01", "T02"]


def test_a_ticket_heading_with_its_own_text_stays_an_item() -> None:
    md = "# P\n\n### M0 — Qualified baseline\n\nShip the baseline build.\n\n" + TABLE
    assert _ids(md)[0] == "M0"


def test_a_numbered_heading_over_rows_numbered_under_it_groups_them() -> None:
    # "### 0.1" over rows 0.1.1, 0.1.2 (and a quoted note): the rows are the work; the heading, under a
    # "(P0)" phase, groups them and gives them its priority.
    md = (
        "# P\n\n## Phase 0: Blocker (P0)\n\n### 0.1 Deletion\n\n> **Source:** audit K1-K3\n\n"
        "| # | Task | Status |\n|---|---|---|\n| 0.1.1 | Anonymise requests | [x] |\n| 0.1.2 | Retention job | [ ] |\n"
    )
    result = import_markdown(md, "P.md")
    assert result.board is not None
    assert [(i.id, i.priority, i.status) for i in result.board.items] == [
        ("0.1.1", "P0", "done"),
        ("0.1.2", "P0", "todo"),
    ]


def test_rows_numbered_on_their_own_stay_the_headings_steps() -> None:
    md = "# P\n\n### 0.1 Deletion\n\n| # | Step |\n|---|---|\n| 1 | Anonymise |\n| 2 | Retain |\n"
    assert _ids(md)[0] == "0.1"
