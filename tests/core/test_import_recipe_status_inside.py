"""A status word of the recipe's found inside a longer state cell (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown
from readiness_tui.core.importers.guided.recipe import Recipe
from tests.core.import_plan import imported_with

_PLAN = (
    "# Ledger\n\n| ID | Task | 상태 |\n|---|---|---|\n| T01 | Schema | 구현 완료, 미검증 |\n"
    "| T02 | Worker | 코드 작성, 미검증 |\n| T03 | Deploy | not done |\n"
)


def test_the_recipes_own_word_inside_a_cell_gives_its_state() -> None:
    recipe = Recipe(statuses={"미검증": "in_progress", "done": "review"})
    result = import_markdown(_PLAN, "P.md", recipe=recipe)
    assert result.board is not None
    # "done" is a plain word: inside "not done" it is no state the person gave (the built-in words read it).
    assert [i.status for i in result.board.items] == ["in_progress", "in_progress", "todo"]
    assert not [line for line in result.report_lines if "not applied" in line and "미검증" in line]


def test_the_recipes_word_for_a_mark_reads_the_cells_it_opens_unless_their_words_say_a_state() -> None:
    plan = (
        "# Release\n\n| Task | Status |\n|---|---|\n| Magic link | ⚠️ Untested |\n| Dark mode | ⚠️ Audit |\n"
        "| Privacy page | ⚠️ Partial |\n| Icons | ❌ Missing |\n"
    )
    without = import_markdown(plan, "P.md")
    assert without.board is not None
    assert [i.status for i in without.board.items] == ["blocked", "blocked", "in_progress", "todo"]
    result = imported_with(plan, '[statuses]\n"⚠️" = "todo"\n')
    assert result.board is not None
    assert [i.status for i in result.board.items] == ["todo", "todo", "in_progress", "todo"]


def test_the_recipes_word_for_a_mark_reads_the_brackets_closing_entries() -> None:
    # "(🔴)" reads as blocked by the built-in words; the person says red is not started here.
    plan = "# Roadmap\n\n## In Progress\n- Phase 2: Tasks (🟡 in progress)\n- Phase 3: Voting (🔴)\n"
    result = imported_with(plan, '[statuses]\n"🔴" = "todo"\n')
    assert result.board is not None
    assert [(i.id, i.status) for i in result.board.items] == [("PHASE-2", "in_progress"), ("PHASE-3", "todo")]
    assert not [line for line in result.report_lines if "not applied" in line]
