"""Table rows with an empty id cell continue the row above (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown
from readiness_tui.core.importers.tables.id_cells import split_id_cell

_HEAD = "# P\n\n## Backlog\n\n| Story | Task | Status |\n|---|---|---|\n"


def _board(rows: str) -> dict[str, tuple[str, str, str]]:
    result = import_markdown(_HEAD + rows, "P.md")
    assert result.board is not None
    return {i.id: (i.title, i.description, i.status) for i in result.board.items}


def test_blank_rows_are_the_tasks_of_the_story_above() -> None:
    rows = "| **S-1** Maps | Cache | Done |\n| | Evict | |\n| **S-2** Share | Link | Todo |\n"
    assert _board(rows) == {"S-1": ("Maps", "Cache · Evict", "done"), "S-2": ("Share", "Link", "todo")}


def test_a_row_naming_no_story_is_reported_not_made_an_item() -> None:
    rows = (
        "| **S-1** Maps | Cache | Done |\n| | Evict | |\n| **S-2** Share | Link | Todo |\n| (none) | Listing | Todo |\n"
    )
    result = import_markdown(_HEAD + rows, "P.md")
    assert result.board is not None
    assert [i.id for i in result.board.items] == ["S-1", "S-2"]
    assert any(r.action == "skipped" and "Listing" in r.text for r in result.report)


def test_without_a_continuing_row_nothing_is_grouped() -> None:
    # Every row names an id: the usual reading (ids lifted from the Story cells), no grouping note.
    rows = "| S-1 Maps | Cache | Done |\n| S-2 Share | Link | Todo |\n"
    result = import_markdown(_HEAD + rows, "P.md")
    assert not any("continue the row above" in r.text for r in result.report)


def test_a_table_opening_with_a_blank_row_is_not_grouped() -> None:
    rows = "| | Cache | Done |\n| **S-1** Maps | Evict | |\n| | Link | Todo |\n| **S-2** Share | x | Todo |\n"
    result = import_markdown(_HEAD + rows, "P.md")
    assert not any("continue the row above" in r.text for r in result.report)


def test_a_one_digit_id_opens_a_cell() -> None:
    assert split_id_cell("**S-1** Maps") == (["S-1"], "Maps")
    assert split_id_cell("T-3: Build") == (["T-3"], "Build")
    assert split_id_cell("Alpha beta") is None


def test_a_table_of_criteria_is_not_work() -> None:
    md = (
        "# P\n\n## Work\n\n| ID | Task |\n|---|---|\n| T-1 | Build |\n\n## Coverage\n\n"
        "| Success criteria | Covered by |\n|---|---|\n| AC-1: Builds are green | T-1 |\n| AC-2: Docs exist | T-1 |\n"
    )
    result = import_markdown(md, "P.md")
    assert result.board is not None
    assert [i.id for i in result.board.items] == ["T-1"]
    assert any(r.action == "skipped" and "criteria" in r.text for r in result.report)


def test_task_rows_with_states_of_their_own_are_the_items_under_their_story() -> None:
    rows = (
        "| **S-1** Maps | Cache | Done |\n| | Evict | Todo |\n| **S-2** Share | Link | Todo |\n| | Copy | Done |\n"
        "| | | |\n"
    )
    result = import_markdown(_HEAD + rows, "P.md")
    assert result.board is not None
    got = [(i.title, i.status, i.workstream) for i in result.board.items]
    assert got == [
        ("Cache", "done", "S-1 Maps"),
        ("Evict", "todo", "S-1 Maps"),
        ("Link", "todo", "S-2 Share"),
        ("Copy", "done", "S-2 Share"),
    ]


def test_a_story_column_the_person_relabelled_groups_no_rows() -> None:
    from readiness_tui.core.importers.guided.recipe import Recipe

    rows = "| **S-1** Maps | Cache | Done |\n| | Evict | |\n| **S-2** Share | Link | Todo |\n"
    result = import_markdown(_HEAD + rows, "P.md", recipe=Recipe(columns={"story": "workstream"}))
    assert result.board is not None
    assert [i.title for i in result.board.items] == ["Cache", "Evict", "Link"]
