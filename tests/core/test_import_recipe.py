"""Import recipes (issue 43): relabels saved once, applied by ``import --recipe`` and again by ``--merge``."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from readiness_tui.cli import cli
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.importers import import_markdown
from readiness_tui.core.importers.guided.recipe import RecipeError
from readiness_tui.core.importers.guided.recipe_file import parse_recipe

PLAN = """# Plan

| ID | Task | Crew | Notes |
|----|------|------|-------|
| A-1 | Schema | kim | |
| A-2 | Backfill | lee | see A-1 |

## Cleanup list

- [ ] Remove old flags
- [ ] Archive the wiki
"""

RECIPE = """[columns]
"Crew" = "owner"
"Notes" = "depends_on"

[sections]
"Cleanup list" = "text"
"""


def _items(text: str, recipe: str | None = None) -> dict[str, object]:
    result = import_markdown(text, "plan.md", recipe=parse_recipe(recipe, "r.toml") if recipe else None)
    assert result.board is not None
    return {i.id: i for i in result.board.items}


def test_a_recipe_relabels_columns_and_sections_and_says_so() -> None:
    before = _items(PLAN)
    assert set(before) == {"A-1", "A-2", "CL-1", "CL-2"}  # without it: the cleanup boxes are items
    assert before["A-2"].owner == "" and before["A-2"].depends_on == []  # type: ignore[attr-defined]
    result = import_markdown(PLAN, "plan.md", recipe=parse_recipe(RECIPE, "r.toml"))
    assert result.board is not None
    items = {i.id: i for i in result.board.items}
    assert set(items) == {"A-1", "A-2"}
    assert (items["A-2"].owner, items["A-2"].depends_on) == ("lee", ["A-1"])
    assert any("r.toml:6: [sections] 'cleanup list' = 'text' applied" in ln for ln in result.report_lines)


def test_a_recipe_entry_the_plan_no_longer_has_is_a_warning() -> None:
    result = import_markdown(PLAN, "plan.md", recipe=parse_recipe('[sections]\n"Risks" = "risks"\n', "r.toml"))
    assert any("warning: r.toml:2: [sections] 'risks' matches no section" in ln for ln in result.report_lines)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('[columns]\n"Person" = "boss"\n', "r.toml:2: [columns] 'Person' = 'boss': expected one of id, title"),
        ("[sections]\nx = \n", "r.toml: not valid TOML"),
        ('[labels]\n"a" = "b"\n', "r.toml: unknown table [labels]"),
    ],
)
def test_a_bad_recipe_names_file_line_and_entry(text: str, words: str) -> None:
    with pytest.raises(RecipeError) as err:
        parse_recipe(text, "r.toml")
    assert words in str(err.value)


def test_recipe_is_saved_beside_the_board_and_merge_applies_it_again(tmp_path: Path) -> None:
    plan, recipe, board = tmp_path / "plan.md", tmp_path / "mine.toml", tmp_path / "board.toml"
    plan.write_text(PLAN, encoding="utf-8")
    recipe.write_text(RECIPE, encoding="utf-8")
    res = CliRunner().invoke(cli, ["import", str(plan), "-o", str(board), "--recipe", str(recipe)])
    assert res.exit_code == 0, res.stderr
    assert f"wrote {tmp_path / 'board.import.toml'}" in res.stderr
    # The plan is revised: a new row. --merge alone reads it with the saved relabels.
    plan.write_text(PLAN.replace("| A-2 |", "| A-3 | Verify | kim | waits for A-2 |\n| A-2 |"), encoding="utf-8")
    res = CliRunner().invoke(cli, ["import", str(plan), "--merge", str(board)])
    assert res.exit_code == 0, res.stderr
    items = {i.id: i for i in BoardStore.load(board).board.items}
    assert set(items) == {"A-1", "A-2", "A-3"}
    assert (items["A-3"].owner, items["A-3"].depends_on) == ("kim", ["A-2"])


def test_a_bad_recipe_on_the_command_line_exits_2_without_a_traceback(tmp_path: Path) -> None:
    plan, recipe = tmp_path / "plan.md", tmp_path / "r.toml"
    plan.write_text(PLAN, encoding="utf-8")
    recipe.write_text('[columns]\n"Person" = "boss"\n', encoding="utf-8")
    res = CliRunner().invoke(cli, ["import", str(plan), "--recipe", str(recipe)])
    assert res.exit_code == 2
    assert f"{recipe}:2: [columns] 'Person' = 'boss'" in res.stderr and "Traceback" not in res.stderr
    res = CliRunner().invoke(cli, ["import", str(plan), "--recipe", str(tmp_path / "none.toml")])
    assert res.exit_code == 2 and "none.toml: no such recipe file" in res.stderr


def test_a_recipe_names_the_plans_own_status_words() -> None:
    from readiness_tui.core.importers import import_markdown
    from readiness_tui.core.importers.guided.recipe_file import parse_recipe

    plan = "# P\n\n| ID | Title | 단계 |\n|---|---|---|\n| F01 | Chart | 완료 |\n| T01 | Register | 차단됨 |\n"
    bare = import_markdown(plan, "P.md")
    assert bare.board is not None and {i.status for i in bare.board.items} == {"todo"}
    recipe = parse_recipe(
        '[columns]\n"단계" = "status"\n[statuses]\n"완료" = "done"\n"차단됨" = "blocked"\n"Shipped" = "done"\n',
        "r.toml",
    )
    result = import_markdown(plan, "P.md", recipe=recipe)
    assert result.board is not None
    assert {i.id: i.status for i in result.board.items} == {"F01": "done", "T01": "blocked"}
    lines = "\n".join(result.report_lines)
    assert "[statuses] '완료' = 'done' applied" in lines
    assert "[statuses] 'shipped' matches no status word of the plan; not applied" in lines


def test_a_recipes_status_word_comes_before_the_plans_legend() -> None:
    # The plan keys "[~]" as under way; the person says blocked: the person's word counts, and is applied.
    plan = (
        "# P\n\n| Mark | Meaning |\n|---|---|\n| `[ ]` | Open |\n| `[~]` | In progress |\n| `[x]` | Done |\n\n"
        "| ID | Task | Status |\n|---|---|---|\n"
        "| T-1 | a | `[~]` |\n| T-2 | b | `[x]` |\n"
    )
    assert {i: it.status for i, it in _items(plan).items()} == {"T-1": "in_progress", "T-2": "done"}  # type: ignore[attr-defined]
    result = import_markdown(plan, "plan.md", recipe=parse_recipe('[statuses]\n"[~]" = "blocked"\n', "r.toml"))
    assert result.board is not None
    assert {i.id: i.status for i in result.board.items} == {"T-1": "blocked", "T-2": "done"}
    assert "[statuses] '[~]' = 'blocked' applied" in "\n".join(result.report_lines)


def test_a_status_word_must_map_to_a_board_status() -> None:
    import pytest

    from readiness_tui.core.importers.guided.recipe import RecipeError
    from readiness_tui.core.importers.guided.recipe_file import parse_recipe

    with pytest.raises(RecipeError, match=r"r.toml:2: \[statuses\] '완료' = 'finished'"):
        parse_recipe('[statuses]\n"완료" = "finished"\n', "r.toml")


MARKS_PLAN = "# P\n\n| ID | Work | Status |\n|---|---|---|\n| A1 | x | ✅ |\n| A2 | y | 🔴 |\n| A3 | z | 🟡 |\n"


def test_a_status_key_of_marks_only_matches_that_mark_alone() -> None:
    recipe = parse_recipe('[statuses]\n"🔴" = "todo"\n', "r.toml")
    assert recipe.statuses == {"🔴": "todo"}
    items = _items(MARKS_PLAN, '[statuses]\n"🔴" = "todo"\n')
    # Only the red rows are relabelled; done and in-progress marks keep the built-in reading.
    assert {k: v.status for k, v in items.items()} == {"A1": "done", "A2": "todo", "A3": "in_progress"}  # type: ignore[attr-defined]


def test_mark_keys_compare_as_written_spaces_and_selectors_aside() -> None:
    recipe = parse_recipe('[statuses]\n" ✅️ " = "review"\n"—" = "cancelled"\n', "r.toml")
    assert (recipe.status("✅"), recipe.status("—"), recipe.status("❌"), recipe.status("✅ Done")) == (
        "review",
        "cancelled",
        None,
        None,
    )


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('[statuses]\n"✅" = "done"\n"" = "todo"\n', "r.toml:3: [statuses] '' = 'todo': the key has no words or marks"),
        ('[columns]\n"   " = "owner"\n', "r.toml:2: [columns] '   ' = 'owner': the key has no words or marks"),
        ('[sections]\n"*" = "text"\n', "r.toml:2: [sections] '*' = 'text': the key has no words or marks"),
    ],
)
def test_a_key_with_nothing_to_match_is_refused(text: str, words: str) -> None:
    with pytest.raises(RecipeError) as err:
        parse_recipe(text, "r.toml")
    assert words in str(err.value)


TEXT_PLAN = (Path(__file__).parents[1] / "fixtures" / "recipes" / "text_section_table.md").read_text(encoding="utf-8")


def test_text_keeps_a_sections_tables_lists_and_headings_as_text() -> None:
    assert {"C-1", "H-1", "FU-1"} <= set(_items(TEXT_PLAN))  # without the recipe: the calendar's rows are items
    result = import_markdown(TEXT_PLAN, "plan.md", recipe=parse_recipe('[sections]\n"Kickoff" = "text"\n', "r.toml"))
    assert result.board is not None
    assert {i.id for i in result.board.items} == {"R-1", "R-2"}
    kept = {s.title: s.body for s in result.board.sections}
    assert "| C-1 | Draft the agenda | ana |" in kept["Kickoff"] and "Order the cake" in kept["Kickoff"]
    assert any("'Kickoff': the recipe says text; kept as text, no items" in ln for ln in result.report_lines)


def test_a_heading_under_a_text_section_labelled_itself_is_read_as_labelled() -> None:
    recipe = '[sections]\n"Kickoff" = "text"\n"Follow-ups" = "items"\n'
    assert set(_items(TEXT_PLAN, recipe)) == {"R-1", "R-2", "FU-1"}


BRINGUP = (Path(__file__).parents[1] / "fixtures" / "recipes" / "milestones_and_followups.md").read_text(
    encoding="utf-8"
)


def test_items_wins_over_a_milestone_table_and_keeps_its_columns() -> None:
    bare = import_markdown(BRINGUP, "plan.md")
    assert bare.board is not None and {m.id for m in bare.board.milestones} == {"M1", "M2"}
    assert {i.id for i in bare.board.items} == {"1.1", "1.2"}
    got = import_markdown(BRINGUP, "plan.md", recipe=parse_recipe('[sections]\n"Milestone Schedule" = "items"\n'))
    assert got.board is not None and not got.board.milestones
    items = {i.id: i for i in got.board.items}
    assert set(items) == {"1.1", "1.2", "M1", "M2"}
    assert (items["M1"].title, items["M1"].phase, items["M1"].custom) == (
        "Schematic review complete",
        "0",
        {"target_month": "M1.5"},
    )


def test_items_on_an_id_less_checklist_makes_its_ids() -> None:
    # The plan names its items in headings: boxes outside them are kept as text, unless a person says items.
    assert set(_items(BRINGUP)) == {"1.1", "1.2"}
    items = _items(BRINGUP, '[sections]\n"Follow-up" = "items"\n')
    assert {k: v.status for k, v in items.items() if k.startswith("FU")} == {  # type: ignore[attr-defined]
        "FU-1": "todo",
        "FU-2": "done",
    }


def test_an_id_less_table_labelled_items_is_named_from_its_heading() -> None:
    plan = (
        "# Go-live\n\n## Launch checklist\n\n| Move | Who | Proof |\n|---|---|---|\n"
        "| Freeze the config | Ana | diff |\n| Rotate the keys | Luis + Kim | log |\n"
    )
    assert _items(plan) == {}  # no id column and no field the reader knows it by: skipped
    items = _items(plan, '[columns]\n"Move" = "title"\n[sections]\n"Launch checklist" = "items"\n')
    assert {k: (v.owner, v.contributors) for k, v in items.items()} == {  # type: ignore[attr-defined]
        "LC-1": ("Ana", []),
        "LC-2": ("Luis", ["Kim"]),
    }


def test_a_recipes_status_words_open_a_state_and_notes_cell() -> None:
    plan = "# P\n\n| ID | Tasca | Estat / notes |\n|---|---|---|\n| T-01 | a | Fet parcial: falta la llista |\n"
    items = _items(plan, '[statuses]\n"Fet parcial" = "in_progress"\n')
    assert items["T-01"].status == "in_progress"  # type: ignore[attr-defined]


def test_a_section_labelled_items_beats_the_guess_that_its_table_is_requirements() -> None:
    plan = (
        "# QA log\n\n## 1. Completed Enhancements\n\n| GAP ID | Requirement | Action Implemented |\n|---|---|---|\n"
        "| GAP-10-01 | Agreement lacked bilingual structure | Document mirrored GR/EN |\n"
        "| GAP-10-02 | Missing liability references | Section 6 cites Art.13 |\n"
    )
    assert _items(plan) == {}  # read as requirements: what the product must do
    items = _items(plan, '[sections]\n"1. Completed Enhancements" = "items"\n')
    assert set(items) == {"GAP-10-01", "GAP-10-02"}


def test_a_section_labelled_items_that_holds_none_is_a_warning_not_only_applied() -> None:
    plan = (
        "# Timeline\n\n## Diagramme de Gantt\n\n```\nTâche            | Jan S1 | Jan S2 |\n"
        "Kick-off         |████    |        |\n```\n\n## Tâches\n\n| ID | Tâche |\n|---|---|\n| T-1 | Setup |\n"
    )
    result = import_markdown(
        plan, "plan.md", recipe=parse_recipe('[sections]\n"Diagramme de Gantt" = "items"\n', "r.toml")
    )
    lines = result.report_lines
    assert any(
        ":3: warning: [sections] 'Diagramme de Gantt' = 'items': nothing under it reads as items" in x for x in lines
    )
    assert not any("'Tâches' = 'items'" in x for x in lines)


def test_a_section_labelled_items_makes_items_of_entries_titled_over_their_bullets() -> None:
    plan = (
        "# P\n\n## Work\n\n- [ ] Ship it\n\n## Comms\n\n1. **Monthly notes**:\n   - Email\n   - Blog\n\n"
        "2. **Outreach**:\n   - Contact users\n"
    )
    assert [i.title for i in _items(plan).values()] == ["Ship it"]
    items = _items(plan, '[sections]\n"Comms" = "items"\n')
    comms = {i.title: i.description for i in items.values() if i.title != "Ship it"}
    assert set(comms) == {"Monthly notes", "Outreach"}
    assert "Contact users" in comms["Outreach"]


def test_the_subsections_of_a_section_labelled_items_hold_items_too() -> None:
    plan = (
        "# P\n\n## Work\n\n- [ ] Ship it\n\n## Comms\n\n### Before\n\n1. **Monthly notes**:\n   - Email\n\n"
        "### After\n\n- Thank the users\n"
    )
    items = _items(plan, '[sections]\n"Comms" = "items"\n')
    assert {i.title for i in items.values()} == {"Ship it", "Monthly notes", "Thank the users"}


def test_ids_made_for_a_list_differ_from_the_plan_s_ids_in_any_case() -> None:
    plan = "# P\n\n## Chart\n\n| ID | Task |\n|---|---|\n| a1 | Update pay |\n| a2 | Print pay |\n\n## Monthly\n\n- TPP\n- Attendance\n"
    items = _items(plan, '[sections]\n"Monthly" = "items"\n')
    assert len({i.lower() for i in items}) == len(items) == 4


def test_a_section_labelled_items_reads_entries_named_by_labels_that_name_no_field() -> None:
    plan = (
        "# P\n\n## Work\n\n| ID | Task |\n|---|---|\n| W-1 | Back up |\n| W-2 | Restore |\n\n## Next Steps\n\n"
        "1. **Monitor Progress**: Use the monitoring commands\n2. **Update DNS**: Point traffic to the new cluster\n"
        "3. **Owner**: Ops\n"
    )
    assert list(_items(plan)) == ["W-1", "W-2"]  # beside the plan's named ids: kept as text
    items = _items(plan, '[sections]\n"Next Steps" = "items"\n')
    titles = {i.title for i in items.values()}
    assert {"Monitor Progress", "Update DNS"} <= titles
