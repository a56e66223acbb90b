"""The rules behind the guided import: what each block became, and relabels a recipe keeps."""

from __future__ import annotations

from pathlib import Path

import pytest

from readiness_tui.core.importers import import_markdown
from readiness_tui.core.importers.guided.guide import plan_marks, relabel_column, relabel_count, relabel_section
from readiness_tui.core.importers.guided.recipe import Recipe
from readiness_tui.core.importers.guided.recipe_file import parse_recipe

PLAN = Path(__file__).parents[1] / "fixtures" / "corpus" / "holdout4" / "kanban_issue_links.md"


def test_marks_name_each_block_by_what_it_became() -> None:
    text = PLAN.read_text(encoding="utf-8")
    marks = {(m.line, m.is_heading): m for m in plan_marks(text, import_markdown(text, PLAN.name))}
    table = marks[(21, False)]
    assert (table.kind, table.end, table.section, table.headers) == ("items", 24, "Blocked", ("Issue", "Area", "Notes"))
    assert marks[(1, True)].kind == "fields"  # the H1 became board.title
    assert marks[(1, True)].section == "Exporter board"  # the title's label is for the blocks right under it


def test_a_table_in_a_section_labelled_risks_becomes_risks() -> None:
    # Before: the "risks" label changed the heading's role but a table with an id column stayed items.
    text = PLAN.read_text(encoding="utf-8")
    recipe = relabel_column(relabel_section(Recipe(), "Blocked", "risks"), "Area", "owner")
    result = import_markdown(text, PLAN.name, recipe=recipe)
    assert result.board is not None
    assert [r.id for r in result.board.risks] == ["#11", "#12"]
    assert "#11" not in [i.id for i in result.board.items]
    assert {i.id: i.owner for i in result.board.items}["#7"] == "core"
    marks = {m.line: m.kind for m in plan_marks(text, result) if not m.is_heading}
    assert marks[21] == "risks"
    again = parse_recipe(recipe.to_toml())
    assert (again.sections, again.columns) == ({"blocked": "risks"}, {"area": "owner"})
    assert relabel_count(recipe, None) == 2
    assert relabel_count(recipe, again) == 0


def test_bad_relabels_are_refused_with_the_reason() -> None:
    with pytest.raises(ValueError, match="not a section label"):
        relabel_section(Recipe(), "Blocked", "tasks")
    with pytest.raises(ValueError, match="before the first heading"):
        relabel_section(Recipe(), "", "risks")
    with pytest.raises(ValueError, match="not a board field"):
        relabel_column(Recipe(), "Area", "team")


def test_a_plan_with_no_heading_marks_its_list_by_the_items_it_became() -> None:
    # Before: the title read from the file's name was reported at the list's first line, so the list was marked
    # as the board's title ("fields") while the board held its three items.
    text = "- Write the docs\n- Fix the login bug\n- Ship the release\n"
    result = import_markdown(text, "todo.md")
    assert result.board is not None and [i.title for i in result.board.items] == [
        "Write the docs",
        "Fix the login bug",
        "Ship the release",
    ]
    [mark] = plan_marks(text, result)
    assert (mark.line, mark.end, mark.kind, mark.is_heading) == (1, 3, "items", False)
    assert mark.why.startswith("used: list under")
