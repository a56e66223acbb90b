"""The status words of a block, and the recipe entry a status relabel makes (the guide's ``s`` key)."""

from __future__ import annotations

from pathlib import Path

import pytest

from readiness_tui.core.importers import import_markdown
from readiness_tui.core.importers.guided.guide import block_status_words, relabel_status, save_import, status_reading
from readiness_tui.core.importers.guided.recipe import Recipe
from readiness_tui.core.importers.guided.recipe_file import load_recipe

TABLE = [
    "| ID | Work | Verdict |",
    "|---|---|---|",
    "| A1 | x | COMPLETE |",
    "| A2 | y | 검수 중 |",
    "| A3 | z | COMPLETE |",
]


def test_a_tables_status_column_gives_its_words_once_each() -> None:
    assert block_status_words(TABLE) == ["COMPLETE", "검수 중"]


def test_a_column_the_recipe_made_the_status_counts() -> None:
    table = ["| ID | Stage |", "|---|---|", "| A1 | Shipped to QA |"]
    assert block_status_words(table) == []
    assert block_status_words(table, Recipe(columns={"stage": "status"})) == ["Shipped to QA"]


def test_status_fields_and_heading_states_in_other_blocks() -> None:
    assert block_status_words(["- **Status:** ✅ DONE", "1. `T-1` x. `STATUS: PARTIAL (runtime)`"]) == [
        "✅ DONE",
        "PARTIAL",
    ]
    assert block_status_words(["### Phase 2 — Sync — source written"]) == ["source written"]


def test_relabel_status_keeps_the_given_recipe_and_checks_the_status() -> None:
    start = Recipe()
    got = relabel_status(start, "검수 중", "review")
    assert got.statuses == {"검수 중": "review"} and start.statuses == {}
    assert status_reading("검수 중", got) == "review" and status_reading("검수 중") is None
    with pytest.raises(ValueError, match="not a board status"):
        relabel_status(start, "x", "shipped")


def test_a_recipe_of_status_words_alone_is_saved(tmp_path: Path) -> None:
    recipe = relabel_status(Recipe(), "검수 중", "review")
    result = import_markdown("# P\n\n" + "\n".join(TABLE) + "\n", "P.md", recipe=recipe)
    lines = save_import(result, recipe, tmp_path / "b.toml")
    assert any("the recipe" in line for line in lines)
    assert load_recipe(tmp_path / "b.import.toml").statuses == {"검수 중": "review"}


def test_a_status_mark_is_relabelled_and_saved_as_written(tmp_path: Path) -> None:
    table = ["| ID | Work | Status |", "|---|---|---|", "| A1 | x | ✅ |", "| A2 | y | 🔴 |"]
    assert block_status_words(table) == ["✅", "🔴"]
    recipe = relabel_status(Recipe(), "🔴", "todo")
    assert recipe.statuses == {"🔴": "todo"}
    assert (status_reading("🔴", recipe), status_reading("✅", recipe)) == ("todo", "done")
    result = import_markdown("# P\n\n" + "\n".join(table) + "\n", "P.md", recipe=recipe)
    save_import(result, recipe, tmp_path / "b.toml")
    assert load_recipe(tmp_path / "b.import.toml").statuses == {"🔴": "todo"}
    with pytest.raises(ValueError, match="spaces only"):
        relabel_status(Recipe(), "  ", "todo")


_PRIORITY_PLAN = "# P\n\n| ID | Task | Priority |\n|---|---|---|\n| T-1 | a | 最高 |\n| T-2 | b | High |\n"


def test_a_recipes_priority_words_are_read_before_the_built_in_scale() -> None:
    from readiness_tui.core.importers.guided.recipe_file import parse_recipe

    plain_import = import_markdown(_PRIORITY_PLAN, "p.md")
    assert {i.id: i.priority for i in plain_import.board.items} == {"T-1": None, "T-2": "P1"}  # type: ignore[union-attr]
    recipe = parse_recipe('[priorities]\n"最高" = "P0"\n"High" = "P0"\n"Blocker" = "P0"\n', "r.toml")
    result = import_markdown(_PRIORITY_PLAN, "p.md", recipe=recipe)
    assert {i.id: i.priority for i in result.board.items} == {"T-1": "P0", "T-2": "P0"}  # type: ignore[union-attr]
    report = "\n".join(result.report_lines)
    assert "r.toml:2: [priorities] '最高' = 'P0' applied" in report
    assert "r.toml:4: [priorities] 'blocker' matches no priority word of the plan; not applied" in report


def test_a_priority_word_outside_the_scale_is_refused_naming_the_line() -> None:
    from readiness_tui.core.importers.guided.recipe import RecipeError
    from readiness_tui.core.importers.guided.recipe_file import parse_recipe

    with pytest.raises(RecipeError, match=r"r.toml:3: \[priorities\] 'Must' = 'P4': expected one of P0, P1, P2, P3"):
        parse_recipe('[priorities]\n"最高" = "P0"\n"Must" = "P4"\n', "r.toml")


def test_priority_words_of_a_block_and_the_relabel_the_p_key_makes() -> None:
    from readiness_tui.core.importers.guided.guide import block_priority_words, priority_reading, relabel_priority

    table = ["| ID | Task | 優先度 |", "|---|---|---|", "| T-1 | a | 最高 |", "| T-2 | b | 高 |", "| T-3 | c | 最高 |"]
    assert block_priority_words(table) == ["最高", "高"]
    assert block_priority_words(["- **Priority:** Must", "- **Owner:** Ana"]) == ["Must"]
    recipe = relabel_priority(Recipe(), "最高", "P0")
    assert recipe.priorities == {"最高": "P0"} and priority_reading("最高", recipe) == "P0"
    assert priority_reading("高") == "P1" and priority_reading("最高") is None
    with pytest.raises(ValueError, match="not a board priority"):
        relabel_priority(Recipe(), "最高", "P7")
    assert '[priorities]\n"最高" = "P0"' in recipe.to_toml()
