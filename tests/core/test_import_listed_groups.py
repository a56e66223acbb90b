"""Rows that only gather items written elsewhere (a queue of backlog ids) are groups of them, not items."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown

_BACKLOG = (
    "## Backlog\n\n| ID | Task | Status |\n|---|---|---|\n| EX-1 | Schema | Done |\n| EX-2 | Routes | Todo |\n"
    "| EX-3 | Tests | Todo |\n| EX-4 | Web app | Todo |\n"
)


def _import(md: str):  # type: ignore[no-untyped-def]
    result = import_markdown(md, "plan.md")
    assert result.board is not None, "\n".join(result.report_lines)
    return result, {i.id: i for i in result.board.items}


def test_a_queue_of_backlog_ids_is_milestones_and_its_order_reaches_the_items() -> None:
    queue = (
        "## Queue\n\n| Queue | Backlog IDs | Goal | Depends on |\n|---|---|---|---|\n| Q1 | EX-1, EX-3 | First slice | |\n"
        "| Q2 | EX-2, EX-4 | Second slice | Q1 |\n\n"
    )
    result, items = _import("# Plan\n\n" + queue + _BACKLOG)
    assert set(items) == {"EX-1", "EX-2", "EX-3", "EX-4"}
    groups = {m.id: m.items for m in result.board.milestones}
    assert groups == {"Q1": ["EX-1", "EX-3"], "Q2": ["EX-2", "EX-4"]}
    assert items["EX-2"].depends_on == ["EX-1", "EX-3"]
    assert items["EX-4"].depends_on == ["EX-1", "EX-3"]
    assert any("Q1: its row lists items of the plan (EX-1, EX-3)" in ln for ln in result.report_lines)


def test_a_column_of_requirements_the_tasks_implement_leaves_the_tasks_items() -> None:
    reqs = (
        "## Tasks\n\n| ID | Task | Requirements |\n|---|---|---|\n| T-1 | Login | EX-1 |\n| T-2 | Logout | EX-2 |\n\n"
    )
    result, items = _import("# Plan\n\n" + reqs + _BACKLOG)
    assert {"T-1", "T-2"} <= set(items)
    assert result.board.milestones == []


def test_a_queue_row_naming_an_id_the_plan_lacks_keeps_the_rows_as_items() -> None:
    queue = "## Queue\n\n| Queue | Backlog IDs | Goal |\n|---|---|---|\n| Q1 | EX-1 | a |\n| Q2 | EX-9 | b |\n\n"
    result, items = _import("# Plan\n\n" + queue + _BACKLOG)
    assert {"Q1", "Q2"} <= set(items)


def test_a_row_whose_id_is_a_range_of_items_is_their_group() -> None:
    md = (
        "# Plan\n\n## Overview\n\n| Week | Task | Status |\n|---|---|---|\n| Week 1 | G1-G3: Analysis | Done |\n"
        "| Week 2 | G4-G5: Build | Waiting |\n\n## Week 1\n\n| # | Task | Owner |\n|---|---|---|\n"
        "| G1 | Interviews | Ana |\n| G2 | Schema | Bo |\n| G3 | Plan | Ana |\n\n## Week 2\n\n"
        "| # | Task | Owner |\n|---|---|---|\n| G4 | API | Bo |\n| G5 | UI | Cy |\n"
    )
    result, items = _import(md)
    assert sorted(items) == ["G1", "G2", "G3", "G4", "G5"]
    assert {m.id: m.items for m in result.board.milestones} == {"G1-G3": ["G1", "G2", "G3"], "G4-G5": ["G4", "G5"]}


def test_rows_linked_to_stories_are_work_under_them_not_groups() -> None:
    stories = "## Stories\n\n| Story ID | Story | Status |\n|---|---|---|\n| US-1 | Drafts | Todo |\n| US-2 | Search | Todo |\n\n"
    tasks = (
        "## Tasks\n\n| Task ID | Linked Story | Task | Owner | Status |\n|---|---|---|---|---|\n"
        "| T-1 | US-1 | Validate the draft schema | __ | Todo |\n| T-2 | US-2 | Rank the comments | __ | Todo |\n"
        "| T-3 | US-1/US-2 | Tests for both | __ | Todo |\n"
    )
    result, items = _import("# Plan\n\n" + stories + tasks)
    assert set(items) == {"US-1", "US-2", "T-1", "T-2", "T-3"}
    assert result.board.milestones == []
    assert [items[i].owner for i in ("T-1", "T-2", "T-3")] == ["", "", ""]  # "__" is a blank to fill in


def test_an_id_the_import_made_names_no_range_of_items() -> None:
    # Lists under one heading number on as T1.., T-T1.., T2-T1..: "T2-T3" is the third entry of the third list,
    # not a group of T2 and T3.
    lists = "\n\n".join(
        f"{what}s:\n\n" + "\n".join(f"- {what} {n}" for n in range(1, 4)) for what in ("Ship", "Write", "Test")
    )
    result = import_markdown(f"# Terminal\n\n## Next\n\n- Zoom\n\n### TODO\n\n{lists}\n", "plan.md")
    assert result.board is not None
    titles = {i.id: i.title for i in result.board.items}
    assert titles.get("T2-T3") == "Test 3", titles
    assert result.board.milestones == []
