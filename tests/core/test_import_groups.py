"""Recipe entries for a whole heading (``[sections."words"]`` fields), items added by a person
(``[items."ID"] add = true``), and owners joined by a bare ``+``: shapes, what each does to the board, what the
report says, and that ``import --recipe`` then ``--merge`` repeat them."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from readiness_tui.cli import cli
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.importers import ImportResult, import_markdown
from readiness_tui.core.importers.guided.additions import add_entry
from readiness_tui.core.importers.guided.corrections import correct_entry, drop_entry, first_named
from readiness_tui.core.importers.guided.groups import group_entry
from readiness_tui.core.importers.guided.guide import relabel_count, relabel_section
from readiness_tui.core.importers.guided.recipe import Recipe, RecipeError
from readiness_tui.core.importers.guided.recipe_file import parse_recipe
from tests.core.import_plan import imported_with, items_of, report_of

PLAN = (Path(__file__).parents[1] / "fixtures" / "recipes" / "groups.md").read_text(encoding="utf-8")
WAVE0, WAVE1 = "Wave 0 — Security", "Wave 1 — Stabilisation"
KNOWN = {"W0-1", "W0-2", "W1-1", "W1-2", "W2-1"}


def _import(recipe: str | None) -> ImportResult:
    return imported_with(PLAN, recipe)


_items, _report = items_of, report_of


# ---------------------------------------------------------------------- a heading's items
def test_a_heading_gives_its_items_a_dependency_on_top_of_their_own() -> None:
    result = _import('[sections."wave 2 *"]\ndepends_on = ["W1-2"]\n[items."W2-1"]\nowner = "Kim"\n')
    items = _items(result)
    assert items["W2-1"].depends_on == ["W1-2"]  # type: ignore[attr-defined]
    assert items["W2-1"].owner == "Kim"  # type: ignore[attr-defined]
    assert items["W1-1"].depends_on == []  # type: ignore[attr-defined]
    assert "used: r.toml:2: [sections.\"wave 2 *\"] depends_on = ['W1-2'] applied to 1 items: W2-1" in _report(result)


def test_after_makes_every_item_wait_on_every_item_under_the_other_heading() -> None:
    result = _import(f'[sections."{WAVE1}"]\nafter = ["{WAVE0}"]\nowner = "agent"\nstatus = "blocked"\n')
    items = _items(result)
    for i in ("W1-1", "W1-2"):
        assert items[i].depends_on == ["W0-1", "W0-2"]  # type: ignore[attr-defined]
        assert (items[i].owner, items[i].status) == ("agent", "blocked")  # type: ignore[attr-defined]
    assert (items["W0-1"].owner, items["W2-1"].depends_on) == ("Ana", [])  # type: ignore[attr-defined]
    report = _report(result)
    assert "used: r.toml:2: [sections.\"wave 1 stabilisation\"] after = ['Wave 0 — Security'] applied to 2" in report
    assert (
        "used: r.toml:3: [sections.\"wave 1 stabilisation\"] owner = 'agent' applied to 2 items: W1-1, W1-2" in report
    )


def test_the_title_gives_every_item_of_the_plan_a_field() -> None:
    # "# Rollout" is the title: a field stated once for the whole plan reaches every item through it.
    result = _import('[sections."Rollout"]\npriority = "P1"\n')
    items = _items(result)
    assert {i.priority for i in items.values()} == {"P1"}  # type: ignore[attr-defined]
    assert f"priority = 'P1' applied to {len(items)} items" in _report(result)


def test_an_items_own_entry_beats_its_headings() -> None:
    result = _import('[sections."wave 1 *"]\nowner = "agent"\n[items."W1-2"]\nowner = "Kim"\n')
    items = _items(result)
    assert (items["W1-1"].owner, items["W1-2"].owner) == ("agent", "Kim")  # type: ignore[attr-defined]


def test_a_wave_waits_on_the_wave_before_it_in_one_entry_each_wildcard_included() -> None:
    # "Wave *" names every wave; Wave 0's items are what the others wait on, never each other (no cycle).
    result = _import('[sections."wave *"]\nafter = ["Wave 0 *"]\n')
    items = _items(result)
    assert (items["W0-1"].depends_on, items["W0-2"].depends_on) == ([], [])  # type: ignore[attr-defined]
    assert items["W2-1"].depends_on == ["W0-1", "W0-2"]  # type: ignore[attr-defined]
    assert "[sections.\"wave *\"] after = ['Wave 0 *'] applied to 3 items: W1-1, W1-2, W2-1" in _report(result)


def test_a_label_and_fields_on_one_heading_share_its_table() -> None:
    recipe = parse_recipe('[sections."Risks"]\nlabel = "text"\n[sections."wave 1 *"]\npriority = "P1"\n', "r.toml")
    assert recipe.sections == {"risks": "text"}
    assert recipe.groups == {"wave 1 *": {"priority": "P1"}}
    assert parse_recipe(recipe.to_toml(), "r.toml") == recipe
    both = relabel_section(group_entry(recipe, WAVE1, "owner", "agent", KNOWN), WAVE1, "items")
    assert '[sections."wave 1 stabilisation"]\nlabel = "items"\nowner = "agent"' in both.to_toml()
    assert parse_recipe(both.to_toml(), "r.toml") == both
    result = _import(recipe.to_toml())
    assert _items(result)["W1-1"].priority == "P1"  # type: ignore[attr-defined]
    assert result.board is not None and result.board.risks == []


@pytest.mark.parametrize(
    ("recipe", "words"),
    [
        ('[sections."Wave 9"]\nowner = "x"\n', 'warning: r.toml:1: [sections."wave 9"] names no heading of the plan'),
        ('[sections."Rollouts"]\nowner = "x"\n', '[sections."rollouts"] names no heading of the plan; not applied'),
        ('[sections."Risks"]\nowner = "x"\n', 'warning: r.toml:1: [sections."risks"] holds no item of this import'),
        ('[sections."wave 1 *"]\nstatus = "nope"\n', "r.toml:2: [sections.\"wave 1 *\"] status = 'nope': unknown"),
        ('[sections."wave 1 *"]\ndepends_on = ["Z-1"]\n', "depends_on = ['Z-1']: 'Z-1' names no item of this import"),
        ('[sections."wave 1 *"]\nafter = ["Wave 8"]\n', "after = ['Wave 8']: no item is under 'wave 8'; not applied"),
    ],
)
def test_a_heading_entry_that_cannot_apply_is_a_warning_naming_file_line_and_entry(recipe: str, words: str) -> None:
    result = _import(recipe)
    assert words in _report(result)
    assert _items(result)["W1-1"].status == "todo"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('[sections."Wave 1"]\ncolour = "red"\n', 'r.toml:2: [sections."Wave 1"] colour: unknown field; expected one'),
        ('[sections."Wave 1"]\ndepends_on = "W0-1"\n', "r.toml:2: [sections.\"Wave 1\"] depends_on = 'W0-1': expected"),
        ('[sections."Wave 1"]\nlabel = "nope"\n', "r.toml:2: [sections.\"Wave 1\"] label = 'nope': expected one of"),
        ('[sections."Wave 1"]\n', 'r.toml:1: [sections."Wave 1"] must set one or more of depends_on'),
        ('[sections."—"]\nowner = "x"\n', None),
        ('[sections." "]\nowner = "x"\n', 'r.toml:1: [sections." "]: the key has no words to match'),
        ('[sections."Wave 1"]\ndrop = true\n', 'r.toml:2: [sections."Wave 1"] drop: unknown field'),
    ],
)
def test_a_bad_heading_entry_is_refused_naming_file_line_and_entry(text: str, words: str | None) -> None:
    if words is None:  # a mark is a key too, as it is for a label
        assert parse_recipe(text, "r.toml").groups == {"—": {"owner": "x"}}
        return
    with pytest.raises(RecipeError) as err:
        parse_recipe(text, "r.toml")
    assert words in str(err.value)


# ---------------------------------------------------------------------- items the import did not make
def test_an_added_item_resolves_the_references_the_plan_made_to_it() -> None:
    assert "fails lint (unknown-item)" in _report(_import(None))
    result = _import(
        '[items."NUL-7"]\nadd = true\ntitle = "Rotate the keys twice"\nowner = "Ana"\n'
        '[items."W1-1"]\ndepends_on = ["NUL-7"]\n'
    )
    items = _items(result)
    assert (items["NUL-7"].title, items["NUL-7"].owner) == ("Rotate the keys twice", "Ana")  # type: ignore[attr-defined]
    assert items["W1-1"].depends_on == ["NUL-7"]  # type: ignore[attr-defined]
    assert result.board is not None and result.board.risks[0].mitigated_by == ["NUL-7"]
    report = _report(result)
    assert "used: r.toml:2: [items.\"NUL-7\"] add = true applied: NUL-7 ('Rotate the keys twice') is an item" in report
    assert "title = 'Rotate the keys twice' applied" not in report  # said once, by the add line
    assert "fails lint" not in report


def test_adding_an_item_the_import_made_corrects_it_and_warns() -> None:
    result = _import('[items."W0-1"]\nadd = true\ntitle = "Rotate"\n')
    assert _items(result)["W0-1"].title == "Rotate"  # type: ignore[attr-defined]
    assert 'warning: r.toml:2: [items."W0-1"] add = true: W0-1 is already an item of this import' in _report(result)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('[items."N-1"]\nadd = true\n', 'r.toml:2: [items."N-1"] add: an added item needs a title'),
        ('[items."N-1"]\nadd = "yes"\ntitle = "x"\n', "r.toml:2: [items.\"N-1\"] add = 'yes': add takes only true"),
        ('[items."N-1"]\nadd = true\ntitle = "x"\nid = "N-2"\n', "its id is the key (no id field)"),
    ],
)
def test_a_bad_added_item_is_refused(text: str, words: str) -> None:
    with pytest.raises(RecipeError) as err:
        parse_recipe(text, "r.toml")
    assert words in str(err.value)


# ---------------------------------------------------------------------- owners joined by a bare +
@pytest.mark.parametrize(
    ("cell", "owner", "others"),
    [("docs+SE", "docs", ["SE"]), ("手動+Claude Code", "手動", ["Claude Code"]), ("QA + Dev", "QA", ["Dev"])],
)
def test_first_named_splits_at_a_plus_with_or_without_spaces(cell: str, owner: str, others: list[str]) -> None:
    assert first_named(cell) == (owner, others)


def test_owner_first_splits_a_bare_plus_on_the_board() -> None:
    assert _items(_import(None))["W0-2"].owner == "docs+SE"  # type: ignore[attr-defined]
    result = _import('[options]\nowner = "first"\n')
    assert (_items(result)["W0-2"].owner, _items(result)["W0-2"].contributors) == ("docs", ["SE"])  # type: ignore[attr-defined]


# ---------------------------------------------------------------------- what the screen writes, counted
def test_the_screens_heading_and_add_entries_check_values_and_count_one_each() -> None:
    recipe = group_entry(Recipe(), WAVE1, "after", WAVE0, KNOWN)
    recipe = group_entry(recipe, WAVE1, "owner", "agent", KNOWN)
    recipe = add_entry(recipe, "NUL-7", "Rotate the keys twice", KNOWN)
    assert recipe.groups == {"wave 1 stabilisation": {"after": [WAVE0], "owner": "agent"}}
    assert recipe.items == {"NUL-7": {"add": True, "title": "Rotate the keys twice"}}
    assert relabel_count(recipe, None) == 3
    assert parse_recipe(recipe.to_toml()) == recipe
    with pytest.raises(ValueError, match="'Z-1' names no item"):
        group_entry(recipe, WAVE1, "depends_on", "Z-1", KNOWN)
    with pytest.raises(ValueError, match="unknown status"):
        group_entry(recipe, WAVE1, "status", "nope", KNOWN)
    with pytest.raises(ValueError, match="under no heading"):
        group_entry(recipe, "", "owner", "x", KNOWN)
    with pytest.raises(ValueError, match="already the id"):
        add_entry(recipe, "W0-1", "x", KNOWN)
    with pytest.raises(ValueError, match="one word"):
        add_entry(recipe, "NUL 8", "x", KNOWN)
    with pytest.raises(ValueError, match="title cannot be empty"):
        add_entry(recipe, "NUL-8", " ", KNOWN)


def test_an_added_item_renamed_or_dropped_on_screen_changes_its_own_entry() -> None:
    recipe = add_entry(Recipe(), "NUL-7", "Rotate the keys twice", KNOWN)
    renamed = correct_entry(recipe, "items", "NUL-7", "id", "NUL-8", KNOWN | {"NUL-7"})
    assert renamed.items == {"NUL-8": {"add": True, "title": "Rotate the keys twice"}}
    assert parse_recipe(renamed.to_toml()) == renamed
    assert drop_entry(renamed, "items", "NUL-8").items == {}
    with pytest.raises(ValueError, match="'add' is not a field of \\[items\\]"):
        correct_entry(recipe, "items", "W0-1", "add", "true", KNOWN)


def test_recipe_then_merge_repeat_heading_entries_and_added_items(tmp_path: Path) -> None:
    plan, recipe, board = tmp_path / "plan.md", tmp_path / "r.toml", tmp_path / "board.toml"
    plan.write_text(PLAN, encoding="utf-8")
    recipe.write_text(
        f'[sections."{WAVE1}"]\nafter = ["{WAVE0}"]\n[items."NUL-7"]\nadd = true\ntitle = "Rotate twice"\n',
        encoding="utf-8",
    )
    res = CliRunner().invoke(cli, ["import", str(plan), "-o", str(board), "--recipe", str(recipe), "--no-guide"])
    assert res.exit_code == 0, res.stderr
    items = {i.id: i for i in BoardStore.load(board).board.items}
    assert (items["W1-2"].depends_on, items["NUL-7"].title) == (["W0-1", "W0-2"], "Rotate twice")
    plan.write_text(PLAN.replace("Add error tracking", "Add error tracking and alerts"), encoding="utf-8")
    res = CliRunner().invoke(cli, ["import", str(plan), "--merge", str(board)])
    assert res.exit_code == 0, res.stderr
    items = {i.id: i for i in BoardStore.load(board).board.items}
    assert (items["W1-2"].title, items["W1-2"].depends_on) == ("Add error tracking and alerts", ["W0-1", "W0-2"])
    assert "NUL-7" in items


# ---------------------------------------------------------------------- an id column a person chose
SLUGS = (
    "# Backlog\n\n## Queue\n\n| # | Entry | P | Depends on |\n|---|---|---|---|\n"
    "| 1 | [volume-nan](p2-volume-nan.md) | P2 | — |\n| 2 | [log-rotation](p2-log-rotation.md) | P2 | volume-nan |\n"
    "| 3 | two words | P3 | — |\n"
)


def test_a_column_relabelled_id_takes_its_one_word_cells_as_written() -> None:
    plain = import_markdown(SLUGS, "p.md")
    assert plain.board is not None and "volume-nan" not in {i.id for i in plain.board.items}
    result = import_markdown(SLUGS, "p.md", recipe=parse_recipe('[columns]\n"Entry" = "id"\n', "r.toml"))
    items = _items(result)
    assert set(items) == {"volume-nan", "log-rotation"}
    assert items["log-rotation"].depends_on == ["volume-nan"]  # type: ignore[attr-defined]
    report = _report(result)
    assert "skipped: table row without an id ('3 | two words | P3" in report
    assert "used: r.toml:2: [columns] 'entry' = 'id' applied" in report


def test_a_risk_the_import_did_not_read_is_added_with_its_links() -> None:
    result = _import('[risks."R-9"]\nadd = true\ntitle = "Vendor outage"\nmitigated_by = ["W1-1"]\n')
    assert result.board is not None
    risks = {r.id: (r.title, r.mitigated_by) for r in result.board.risks}
    assert risks["R-9"] == ("Vendor outage", ["W1-1"])
    report = _report(result)
    assert "[risks.\"R-9\"] add = true applied: R-9 ('Vendor outage') is a risk the import did not read" in report
    assert relabel_count(parse_recipe('[risks."R-9"]\nadd = true\ntitle = "x"\nmitigated_by = ["W1-1"]\n'), None) == 2
    assert add_entry(Recipe(), "R-10", "Key leak", {"R-9"}, "risks").risks == {
        "R-10": {"add": True, "title": "Key leak"}
    }
    with pytest.raises(RecipeError, match=r"an added risk needs a title"):
        parse_recipe('[risks."R-9"]\nadd = true\n', "r.toml")
