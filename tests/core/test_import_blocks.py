"""A reverse-dependency column or field ("Blocks", "Unblocks", "Blockiert"): the row holds up the items it names,
so each of them depends on the row; a link the plan states both ways comes through once."""

from __future__ import annotations

from pathlib import Path

import pytest

from readiness_tui.core.importers import import_markdown
from readiness_tui.core.importers.guided.recipe import COLUMN_FIELDS
from readiness_tui.core.importers.guided.recipe_file import parse_recipe
from readiness_tui.core.importers.vocabulary.headers import header_field

PLAN = (Path(__file__).parents[1] / "fixtures" / "recipes" / "blocks_columns.md").read_text(encoding="utf-8")


def _deps(text: str, recipe: str | None = None) -> dict[str, list[str]]:
    result = import_markdown(text, "plan.md", recipe=parse_recipe(recipe, "r.toml") if recipe else None)
    assert result.board is not None
    return {i.id: i.depends_on for i in result.board.items}


@pytest.mark.parametrize(
    "header", ["Blocks", "Blocking", "Unblocks", "Successors", "Blockiert", "Bloquea", "Блокирует", "后续任务"]
)
def test_reverse_dependency_headers_in_the_known_languages(header: str) -> None:
    assert header_field(header) == "blocks"


def test_blocked_by_stays_a_dependency() -> None:
    assert (header_field("Blocked by"), header_field("Blockers")) == ("depends_on", "depends_on")


def test_a_blocks_column_makes_the_named_items_wait_once() -> None:
    deps = _deps(PLAN)
    # S2 states S1 itself and S1 says it blocks S2: one link, not two.
    assert (deps["S2"], deps["S3"], deps["S1"]) == (["S1"], ["S1"], [])


def test_a_blocks_cell_without_ids_is_kept_and_makes_no_link() -> None:
    result = import_markdown(PLAN, "plan.md")
    assert result.board is not None
    s4 = next(i for i in result.board.items if i.id == "S4")
    assert (s4.depends_on, s4.custom) == (["S9"], {"blocks": "Yes"})


def test_a_column_relabelled_blocks_adds_to_what_the_item_states() -> None:
    assert _deps(PLAN)["B1"] == [] and _deps(PLAN)["S4"] == ["S9"]  # "Opens" means nothing by itself
    assert "blocks" in COLUMN_FIELDS
    deps = _deps(PLAN, '[columns]\n"Opens" = "blocks"\n')
    # The blocker rows state no dependencies of their own: what they hold up is added to what S3 and S4 state.
    assert (deps["S3"], deps["S4"]) == (["S1", "B1"], ["S9", "B2"])


def test_blocks_and_dependencies_that_disagree_keep_what_the_item_says() -> None:
    plan = """# P

### T-1: Config
**Dependencies:** None
**Blocks:** T-2 (Base page), T-3 (Runner)

### T-2: Base page
**Dependencies:** T-1

### T-3: Runner
**Dependencies:** None

### T-4: Report
**Blocks:** T-5

### T-5: Publish
"""
    result = import_markdown(plan, "plan.md")
    assert result.board is not None
    deps = {i.id: i.depends_on for i in result.board.items}
    assert deps == {"T-1": [], "T-2": ["T-1"], "T-3": [], "T-4": [], "T-5": ["T-4"]}
    assert any("T-1 says it blocks T-3, whose own dependencies leave it out" in ln for ln in result.report_lines)


def test_a_blocking_column_naming_earlier_rows_says_what_each_row_waits_on() -> None:
    # "Blocking" is said both ways: here every id it names is a row above (or in a table above), so it lists each
    # row's blockers, as the plan's words say ("blocking dependencies"), not the rows it holds up.
    md = (
        "# Breakdown\n\nEach work unit includes its output and blocking dependencies.\n\n### Layer 1\n\n"
        "| # | Work Item | Blocking | Est. Time |\n|---|---|---|---|\n| 0 | Write the app | — | 5 min |\n"
        "| 1 | Create main.tf | — | 2 min |\n| 2 | Add the VPC module | 1 | 10 min |\n| 3 | Add the cluster | 2 | 20 min |\n"
        "\n### Layer 2\n\n| # | Work Item | Blocking | Est. Time |\n|---|---|---|---|\n"
        "| 4 | Deploy the app | 0, 3 | 10 min |\n| 5 | Add monitoring | 1–3 | 15 min |\n"
    )
    result = import_markdown(md, "plan.md")
    assert result.board is not None
    assert {i.id: i.depends_on for i in result.board.items} == {
        "0": [],
        "1": [],
        "2": ["1"],
        "3": ["2"],
        "4": ["0", "3"],
        "5": ["1", "2", "3"],
    }
    assert "column 'Blocking' names rows above each row: what it waits on" in "\n".join(result.report_lines)


def test_a_blocking_column_naming_later_rows_still_says_what_they_wait_on() -> None:
    md = (
        "# Plan\n\n| ID | Task | Blocking |\n|---|---|---|\n| T1 | Set up CI | T2, T3 |\n| T2 | Add tests | T3 |\n"
        "| T3 | Ship | — |\n"
    )
    assert _deps(md) == {"T1": [], "T2": ["T1"], "T3": ["T1", "T2"]}


def test_a_dependency_cell_of_0_names_item_0_when_the_plan_numbers_one() -> None:
    md = "# Plan\n\n| # | Task | Depends on |\n|---|---|---|\n| 0 | Write the app | — |\n| 1 | Build the image | 0 |\n"
    assert _deps(md) == {"0": [], "1": ["0"]}
    md = "# Plan\n\n| # | Task | Depends on |\n|---|---|---|\n| 1 | Write the app | 0 |\n| 2 | Build the image | 1 |\n"
    assert _deps(md) == {"1": [], "2": ["1"]}


def test_a_dependency_column_repeating_a_few_labels_is_the_rows_area() -> None:
    rows = [("Add computed fields", "Odoo"), ("Show the room name", "Odoo"), ("Fix the merge bugs", "Odoo"),
            ("Standup agenda", "Meeting"), ("Write the issues", "Meeting"), ("Mockup Raspberry", "Raspberry"),
            ("Analyse iteration 2", "Raspberry"), ("Configure the Raspberry", "Raspberry"), ("Retro", "Meeting")]  # fmt: skip
    md = "# Arbeitsplan\n\n| Task | Verantwortlich | Abhängigkeiten |\n|---|---|---|\n" + "".join(
        f"| {t} | Ana | {a} |\n" for t, a in rows
    )
    result = import_markdown(md, "plan.md")
    assert result.board is not None
    items = result.board.items
    assert all(i.depends_on == [] for i in items)
    assert [i.custom.get("abh_ngigkeiten") for i in items][:4] == ["Odoo", "Odoo", "Odoo", "Meeting"]
