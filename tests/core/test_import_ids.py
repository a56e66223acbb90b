"""A recipe's ``[ids]`` entry: the ids the import numbered (a table whose id cells are marks, an id-less list) take
the plan's own numbering in one entry, every reference following, an item's own rename having the last word."""

from __future__ import annotations

from pathlib import Path

import pytest

from readiness_tui.core.importers.guided.corrections import correct_entry, import_id, new_id
from readiness_tui.core.importers.guided.guide import relabel_count
from readiness_tui.core.importers.guided.ids import id_stem, ids_entry
from readiness_tui.core.importers.guided.recipe import Recipe, RecipeError
from readiness_tui.core.importers.guided.recipe_file import parse_recipe
from tests.core.import_plan import imported, imported_with, items_of, report_of

#: Two tickets T-1, T-2, and three done rows whose id cells are ``✅``: the import numbers them T1, T2, T3.
PLAN = (Path(__file__).parents[1] / "fixtures" / "recipes" / "numbered.md").read_text(encoding="utf-8")


def test_without_an_entry_the_done_rows_get_the_imports_numbers() -> None:
    assert list(items_of(imported_with(PLAN, None))) == ["T-1", "T-2", "T1", "T2", "T3"]


def test_one_entry_numbers_every_item_of_that_stem_and_counts_once() -> None:
    recipe = '[ids]\n"T" = "D-"\n'
    result = imported_with(PLAN, recipe)
    items = items_of(result)
    assert list(items) == ["T-1", "T-2", "D-1", "D-2", "D-3"]  # T-1 is another stem: left alone
    assert items["D-2"].title == "Move the templates" and items["D-2"].status == "done"
    assert "used: r.toml:2: [ids] 'T' = 'D-' applied to 3 items: T1 -> D-1, T2 -> D-2, T3 -> D-3" in report_of(result)
    assert relabel_count(parse_recipe(recipe), None) == 1


def test_entries_name_items_by_the_imports_id_and_their_values_by_the_new_ones() -> None:
    result = imported_with(PLAN, '[ids]\n"T" = "D-"\n[items."T3"]\ndepends_on = ["D-1"]\n[items."T2"]\nid = "MOVE"\n')
    items = items_of(result)
    assert items["D-3"].depends_on == ["D-1"]
    assert "MOVE" in items and "D-2" not in items  # the item's own rename wins


def test_a_number_taken_by_another_item_is_refused_and_the_others_applied() -> None:
    result = imported_with(PLAN, '[ids]\n"T" = "T-"\n')
    assert list(items_of(result)) == ["T-1", "T-2", "T1", "T2", "T-3"]
    report = report_of(result)
    assert "[ids] 'T' = 'T-': T1 -> T-1: 'T-1' is already the id of another item; not applied" in report
    assert "applied to 1 items: T3 -> T-3" in report


def test_an_id_one_entry_gives_is_not_moved_again_by_another() -> None:
    items = items_of(imported_with(PLAN, '[ids]\n"T" = "D"\n"D" = "E-"\n'))
    assert list(items) == ["T-1", "T-2", "D1", "D2", "D3"]


def test_an_entry_that_matches_no_id_is_a_warning() -> None:
    report = report_of(imported_with(PLAN, '[ids]\n"PVS-" = "P-"\n'))
    assert "warning: r.toml:2: [ids] 'PVS-' = 'P-' matches no item id of this import; not applied" in report


BARE = """# Notion pull

## Pre-work

1. **SDK or fetch**: weigh the package size and decide.
2. **Real fixtures**: capture three real page responses.

## Tasks

### TASK-1: Types and config

**Dependencies**: 1, 2
"""


def test_the_empty_stem_numbers_the_ids_that_are_a_bare_number() -> None:
    assert list(items_of(imported_with(BARE, None))) == ["1", "2", "TASK-1"]
    items = items_of(imported_with(BARE, '[ids]\n"" = "PW-"\n'))
    assert list(items) == ["PW-1", "PW-2", "TASK-1"] and items["TASK-1"].depends_on == ["PW-1", "PW-2"]


@pytest.mark.parametrize(
    ("entry", "words"),
    [('"T" = "D 1"', "one word each"), ('"T1" = "D-"', "before the number"), ('"T" = "D-1"', "before the number")],
)
def test_a_bad_entry_is_refused_naming_file_and_line(entry: str, words: str) -> None:
    with pytest.raises(RecipeError, match=rf"r\.toml:2: \[ids\].*{words}"):
        parse_recipe(f"[ids]\n{entry}\n", "r.toml")


def test_the_screens_entry_checks_what_is_typed_and_maps_ids_both_ways() -> None:
    assert id_stem("VA-12") == "VA-" and id_stem("3.1-2") == "3.1-" and id_stem("7") == ""
    assert id_stem("WS-6.x") is None
    recipe = ids_entry(Recipe(), "T", "D-")
    assert recipe.ids == {"T": "D-"} and relabel_count(recipe, None) == 1
    assert new_id(recipe, "T2") == "D-2" and import_id(recipe, "D-2") == "T2" and import_id(recipe, "T-1") == "T-1"
    fixed = correct_entry(recipe, "items", "T3", "depends_on", "D-1", {"D-1", "D-3"})
    assert fixed.items == {"T3": {"depends_on": ["D-1"]}}
    assert ids_entry(recipe, "T", "T").ids == {}  # typed back as it was: no entry
    for bad in ("D 1", "D-1"):
        with pytest.raises(ValueError):
            ids_entry(recipe, "T", bad)
    with pytest.raises(ValueError, match="end in a number"):
        ids_entry(recipe, None, "D-")
    assert parse_recipe(recipe.to_toml()) == recipe


def test_nothing_before_the_number_leaves_the_number_alone() -> None:
    plan = "# P\n\n## Phase 1 — Audit\n\nList the hosts.\n\n## Phase 2 — Patch\n\nPatch the kernel.\n"
    assert list(items_of(imported_with(plan, None))) == ["PHASE-1", "PHASE-2"]
    assert list(items_of(imported_with(plan, '[ids]\n"PHASE-" = ""\n'))) == ["1", "2"]
    recipe = ids_entry(Recipe(), "PHASE-", "")
    assert recipe.ids == {"PHASE-": ""} and relabel_count(recipe, None) == 1
    assert parse_recipe(recipe.to_toml()) == recipe
    assert ids_entry(recipe, "PHASE-", "PHASE-").ids == {}
    with pytest.raises(RecipeError, match="one word each"):
        parse_recipe('[ids]\n"" = ""\n', "r.toml")


#: Two lists the import numbers each its own way (A1.., T1..), and a table whose ids the plan writes.
_LISTS = (
    "# P\n\n## Next actions\n\n1. Call the vendor\n2. Book the room\n\n## Tasks\n\n- Write the runbook\n"
    "- Test the export\n\n## Tracked\n\n| ID | Task | Owner |\n|---|---|---|\n| T-2 | Ship it | Bo |\n"
)


def test_every_id_the_import_made_is_numbered_in_one_sequence_in_the_plans_order() -> None:
    assert list(items_of(imported_with(_LISTS, None))) == ["A1", "A2", "T1", "T2", "T-2"]
    result = imported_with(_LISTS, '[ids]\n"*" = "T-"\n')
    items = items_of(result)
    # T-2 is the plan's own: it stays, and the sequence passes over its number.
    assert list(items) == ["T-1", "T-3", "T-4", "T-5", "T-2"]
    assert items["T-4"].title == "Write the runbook"
    assert result.numbered == {"T-1": "A1", "T-3": "A2", "T-4": "T1", "T-5": "T2"}
    assert import_id(Recipe(), "T-4", result.numbered) == "T1"


def test_corrections_name_a_numbered_item_by_the_imports_id() -> None:
    recipe = '[ids]\n"*" = "W-"\n[items."T1"]\nowner = "Kim"\n[items."T-2"]\ndepends_on = ["W-3"]\n'
    items = items_of(imported_with(_LISTS, recipe))
    assert items["W-3"].owner == "Kim"
    assert items["T-2"].depends_on == ["W-3"]  # what a person types names the new ids


def test_the_screens_entry_for_every_id_refuses_a_star_in_what_is_typed() -> None:
    assert ids_entry(Recipe(), "*", "W-").ids == {"*": "W-"}
    with pytest.raises(ValueError, match="before the number"):
        ids_entry(Recipe(), "*", "*T-")


def test_a_sequence_that_gives_a_made_id_another_made_id_holds_moves_it_aside_first() -> None:
    # "*" = "T": A1 -> T1 while the list under "Tasks" still holds T1 (it becomes T3 in its turn).
    result = imported_with(_LISTS, '[ids]\n"*" = "T"\n')
    assert {i.id: i.title for i in items_of(result).values()} == {
        "T1": "Call the vendor",
        "T2": "Book the room",
        "T3": "Write the runbook",
        "T4": "Test the export",
        "T-2": "Ship it",
    }
    assert result.numbered == {"T1": "A1", "T2": "A2", "T3": "T1", "T4": "T2"}


def test_an_id_the_import_made_is_numbered_though_another_cell_writes_the_same_word() -> None:
    # The rows have no ids (the import makes T1, T2 …); "T1/T2" in the tier column names customer tiers.
    md = (
        "# P\n\n| Task | Owner | Tier |\n|---|---|---|\n| Discovery | Ana | T1/T2 |\n| Pricing | Bo | All |\n"
        "| Messaging | Cy | T1/T2 |\n"
    )
    result = imported_with(md, '[ids]\n"*" = "T-"\n')
    assert {i.id: i.title for i in items_of(result).values()} == {
        "T-1": "Discovery",
        "T-2": "Pricing",
        "T-3": "Messaging",
    }


def test_numbering_every_made_id_keeps_the_issue_numbers_the_plan_writes() -> None:
    md = (
        "# Release\n\n## Steps\n\n- [ ] Freeze the code\n- [ ] Tag the release\n\n## Issues\n\n"
        "| Issue | Title | Status |\n|---|---|---|\n| #49 | Fix the login | Open |\n| #50 | Fix the export | Closed |\n"
    )
    items = items_of(imported_with(md, '[ids]\n"*" = "T-"\n'))
    assert list(items) == ["T-1", "T-2", "#49", "#50"]


def test_a_numeronym_opening_a_heading_or_a_box_is_a_word_not_an_id() -> None:
    md = (
        "# Mushroom map\n\n## Phase 4: Polish\n\n### i18n - Irish Language\n- [ ] Set up next-intl routing\n"
        "- [ ] Translate UI strings to Irish\n\n### Accessibility\n- [ ] a11y: keyboard pass\n- [ ] T1a: fix the tab order\n"
        "- [ ] **B2B Platform**\n"
    )
    _, items = imported(md)
    # Before: "i18n" was the heading's ticket id, its boxes that item's description; "a11y" the box's id.
    assert [(i.id, i.title) for i in items.values()][:2] == [
        ("IIL-1", "Set up next-intl routing"),
        ("IIL-2", "Translate UI strings to Irish"),
    ]
    titles = {i.id: i.title for i in items.values()}
    assert "a11y: keyboard pass" in titles.values()
    assert titles["T1a"] == "fix the tab order"
    assert "B2B Platform" in titles.values()  # "to" between two letters: a word, not ticket B2B
