"""Slug ids (``feature-1-final-parity``): whole in their cells, cited by their opening part, and a column that
names the item each row belongs to (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers.tables.id_cells import split_id_cell
from tests.core.import_plan import imported

PLAN = """# Phase 5

| Feature | Goal | Depends on | Status |
|---|---|---|---|
| feature-1-final-parity | finish the suite | Phase 4 | not-started |
| feature-2-coverage-evidence | record coverage | feature-1 | not-started |

## Task split

| Feature | Task | Goal |
|---|---|---|
| feature-1-final-parity | task-1-final-contract-suite | run every scenario |
| feature-1-final-parity | task-2-critical-evidence | pin the critical ones |
| feature-2-coverage-evidence | task-1-coverage-evidence | branch coverage |
"""


def test_a_slug_is_one_id_not_an_id_and_a_name() -> None:
    assert split_id_cell("task-1-final-contract-suite") is None
    assert split_id_cell("T-1 Build it") == (["T-1"], "Build it")


def test_a_column_naming_items_already_read_is_not_the_rows_ids_and_a_slug_is_cited_by_its_head() -> None:
    _, items = imported(PLAN)
    assert set(items) == {
        "feature-1-final-parity",
        "feature-2-coverage-evidence",
        "task-1-final-contract-suite",
        "task-2-critical-evidence",
        "task-1-coverage-evidence",
    }
    assert items["feature-2-coverage-evidence"].depends_on == ["feature-1-final-parity"]


def test_a_group_name_and_a_title_after_it_name_that_one_item() -> None:
    plan = (
        "# Board\n\n## Sprint 2\n\n| ID | Title | Depends |\n|---|---|---|\n| S2-01 | ComboBox | — |\n"
        "| S2-02 | Popover | — |\n| S2-03 | Tabs | — |\n\n## Sprint 3\n\n| ID | Title | Depends |\n|---|---|---|\n"
        "| S3-01 | MultiComboBox | S2 ComboBox, S2 Popover |\n| S3-02 | Wizard | S2 |\n"
    )
    _, items = imported(plan)
    assert items["S3-01"].depends_on == ["S2-01", "S2-02"]
    assert items["S3-02"].depends_on == ["S2-01", "S2-02", "S2-03"]  # the group's name alone is all of it


def test_cards_named_by_an_id_and_a_slug_take_the_id() -> None:
    plan = """# Board

## Backlog
- WEB-6-plan-view
- WEB-7-export-templates

## In Progress
- WEB-1-kanban-scaffolding

## Done
- _None_
"""
    _, items = imported(plan)
    assert [(i.id, i.title, i.status) for i in items.values()] == [
        ("WEB-6", "plan-view", "todo"),
        ("WEB-7", "export-templates", "todo"),
        ("WEB-1", "kanban-scaffolding", "in_progress"),
    ]


def test_two_such_slugs_in_a_plan_stay_whole() -> None:
    plan = "# Board\n\n## Backlog\n- WEB-6-plan-view\n- Write the docs\n\n## Doing\n- WEB-1-kanban-scaffolding\n"
    _, items = imported(plan)
    assert "WEB-6" not in items
