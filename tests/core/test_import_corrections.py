"""Per-entry corrections and plan-wide options in an import recipe (``[items."ID"]``, ``[risks."ID"]``,
``[options]``): their shapes, applying each kind, what the report says, and the way back to TOML."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from readiness_tui.cli import cli
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.importers import ImportResult, import_markdown
from readiness_tui.core.importers.guided.corrections import correct_entry, drop_entry, first_named, set_option
from readiness_tui.core.importers.guided.guide import relabel_count, relabel_section
from readiness_tui.core.importers.guided.recipe import (
    COLUMN_FIELDS,
    GROUP_FIELDS,
    ITEM_FIELDS,
    LIST_FIELDS,
    OPTIONS,
    SECTION_ROLES,
    Recipe,
    RecipeError,
)
from readiness_tui.core.importers.guided.recipe_file import parse_recipe
from readiness_tui.core.model.statuses import STATUSES
from tests.core.import_plan import imported_with, items_of, report_of

PLAN = (Path(__file__).parents[1] / "fixtures" / "recipes" / "corrections.md").read_text(encoding="utf-8")


def _import(recipe: str | None) -> ImportResult:
    return imported_with(PLAN, recipe)


_items, _report = items_of, report_of


# ---------------------------------------------------------------------- shapes
def test_a_recipe_reads_items_risks_and_options() -> None:
    recipe = parse_recipe(
        '[items."C2"]\ndepends_on = ["B4", "C1"]\nowner = "Xavier"\nestimate = 3\n[items."1.0"]\ndrop = true\n'
        '[risks."R-3"]\nmitigated_by = ["T-07"]\n[options]\nowner = "first"\n',
        "r.toml",
    )
    assert recipe.items == {
        "C2": {"depends_on": ["B4", "C1"], "owner": "Xavier", "estimate": "3"},
        "1.0": {"drop": True},
    }
    assert (recipe.risks, recipe.options) == ({"R-3": {"mitigated_by": ["T-07"]}}, {"owner": "first"})
    assert (recipe.where("items", "C2", "owner"), recipe.where("items", "1.0"), recipe.where("options", "owner")) == (
        "r.toml:3",
        "r.toml:5",
        "r.toml:10",
    )


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('[items."C2"]\ncolour = "red"\n', 'r.toml:2: [items."C2"] colour: unknown field; expected one of title'),
        ('[items."C2"]\ndepends_on = "B4"\n', "r.toml:2: [items.\"C2\"] depends_on = 'B4': expected a list of ids"),
        ('[items."C2"]\nowner = 3\n', 'r.toml:2: [items."C2"] owner = 3: expected words in quotes'),
        ('[items."C2"]\ndrop = false\n', 'r.toml:2: [items."C2"] drop = False: drop takes only true'),
        ('[items."C2"]\ndrop = true\nowner = "x"\n', 'r.toml:2: [items."C2"] drop: a dropped item has no other'),
        ('[items."C2"]\n', 'r.toml:1: [items."C2"] must set one or more of title'),
        ("[items]\nC2 = 3\n", 'r.toml:2: [items."C2"] must set one or more'),
        ('[risks."R-1"]\nowner = "x"\n', 'r.toml:2: [risks."R-1"] owner: unknown field; expected one of mitigated_by'),
        ('[risks."R-1"]\nmitigated_by = ["A", 3]\n', "r.toml:2: [risks.\"R-1\"] mitigated_by = ['A', 3]"),
        ('[options]\nowner = "last"\n', "r.toml:2: [options] owner = 'last': expected one of split, first, whole"),
        ('[options]\ncolour = "red"\n', "r.toml:2: [options] 'colour': unknown option"),
        ("items = 3\n", "r.toml:1: [items] must be a table per id"),
    ],
)
def test_a_bad_shape_is_refused_naming_file_line_and_entry(text: str, words: str) -> None:
    with pytest.raises(RecipeError) as err:
        parse_recipe(text, "r.toml")
    assert words in str(err.value)


# ---------------------------------------------------------------------- applying each kind
def test_without_a_recipe_the_plan_reads_as_written() -> None:
    items = _items(_import(None))
    assert set(items) == {"1.0", "1.1", "1.2", "1.3", "1.4"}
    assert items["1.3"].status == "cancelled"  # type: ignore[attr-defined]
    assert items["1.1"].owner == "Legal+BizDev"  # type: ignore[attr-defined]


def test_drop_takes_the_item_out_and_reports_each_reference_to_it() -> None:
    result = _import('[items."1.0"]\ndrop = true\n')
    items = _items(result)
    assert "1.0" not in items and items["1.1"].depends_on == []  # type: ignore[attr-defined]
    report = _report(result)
    assert "used: r.toml:2: [items.\"1.0\"] drop = true applied: 1.0 ('Set-up', line 7) is not an item" in report
    assert "note: item 1.1: depends_on '1.0' removed: 1.0 is dropped by the recipe" in report
    assert "'1.0', which names no item" not in report  # nothing left dangling


@pytest.mark.parametrize(
    ("entry", "field", "value"),
    [
        ('title = "Open the drive"', "title", "Open the drive"),
        ('owner = "Kim"', "owner", "Kim"),
        ('status = "in progress"', "status", "in_progress"),
        ('priority = "p1"', "priority", "P1"),
        ('estimate = "2w"', "estimate_days", 10.0),
        ('target = "2026-W09"', "target", "2026-W09"),
        ('depends_on = ["1.0", "1.4"]', "depends_on", ["1.0", "1.4"]),
    ],
)
def test_each_field_of_an_item_can_be_corrected(entry: str, field: str, value: object) -> None:
    result = _import(f'[items."1.1"]\n{entry}\n')
    assert getattr(_items(result)["1.1"], field) == value
    assert f'used: r.toml:2: [items."1.1"] {entry.split(" =")[0]} = ' in _report(result)


def test_a_corrected_status_and_dependencies_are_written_to_the_board(tmp_path: Path) -> None:
    plan, recipe, board = tmp_path / "plan.md", tmp_path / "r.toml", tmp_path / "board.toml"
    plan.write_text(PLAN, encoding="utf-8")
    recipe.write_text('[items."1.2"]\nstatus = "in_progress"\ndepends_on = ["1.1"]\n', encoding="utf-8")
    res = CliRunner().invoke(cli, ["import", str(plan), "-o", str(board), "--recipe", str(recipe), "--no-guide"])
    assert res.exit_code == 0, res.stderr
    item = {i.id: i for i in BoardStore.load(board).board.items}["1.2"]
    assert (item.status, item.depends_on) == ("in_progress", ["1.1"])
    assert f"{recipe}:2: [items.\"1.2\"] status = 'in_progress' applied (was 'todo')" in res.stderr
    # --merge of the revised plan applies the saved corrections again (the recipe was saved beside the board).
    plan.write_text(PLAN.replace("Move the templates", "Move all templates"), encoding="utf-8")
    res = CliRunner().invoke(cli, ["import", str(plan), "--merge", str(board)])
    assert res.exit_code == 0, res.stderr
    item = {i.id: i for i in BoardStore.load(board).board.items}["1.2"]
    assert (item.title, item.status, item.depends_on) == ("Move all templates", "in_progress", ["1.1"])


@pytest.mark.parametrize(
    ("recipe", "words"),
    [
        ('[items."9.9"]\nowner = "x"\n', 'warning: r.toml:1: [items."9.9"] names no item of this import; not applied'),
        ('[items."9.9"]\ndrop = true\n', 'warning: r.toml:2: [items."9.9"] drop = true: names no item of this import'),
        ('[risks."R-9"]\nmitigated_by = ["1.1"]\n', 'warning: r.toml:1: [risks."R-9"] names no risk of this import'),
        (
            '[items."1.1"]\nstatus = "nope"\n',
            "warning: r.toml:2: [items.\"1.1\"] status = 'nope': unknown status 'nope'",
        ),
        ('[items."1.1"]\ndepends_on = ["Z-1"]\n', "[items.\"1.1\"] depends_on = ['Z-1']: 'Z-1' names no item of this"),
        ('[items."1.1"]\ndepends_on = ["1.1"]\n', "[items.\"1.1\"] depends_on = ['1.1']: 1.1 cannot depend on itself"),
        ('[items."1.1"]\npriority = "urgent"\n', "[items.\"1.1\"] priority = 'urgent': expected a priority P0"),
        ('[items."1.1"]\nestimate = "soon"\n', "[items.\"1.1\"] estimate = 'soon': 'soon' is no estimate"),
        ('[items."1.1"]\ntarget = "Friday"\n', "[items.\"1.1\"] target = 'Friday': expected an ISO week"),
        ('[items."1.1"]\ntitle = " "\n', "[items.\"1.1\"] title = ' ': a title cannot be empty; not applied"),
    ],
)
def test_an_entry_that_cannot_apply_is_a_warning_naming_file_line_and_entry(recipe: str, words: str) -> None:
    result = _import(recipe)
    assert words in _report(result)
    assert _items(result)["1.1"].status == "todo"  # type: ignore[attr-defined]


def test_a_field_the_plan_left_empty_is_reported_as_not_set() -> None:
    result = _import('[items."1.1"]\ntarget = "2026-W09"\n')
    assert "[items.\"1.1\"] target = '2026-W09' applied (was not set)" in _report(result)


def test_a_risk_gets_the_items_that_mitigate_it_or_is_dropped() -> None:
    result = _import('[risks."R-1"]\nmitigated_by = ["1.1", "1.2"]\n')
    assert result.board is not None and result.board.risks[0].mitigated_by == ["1.1", "1.2"]
    assert "[risks.\"R-1\"] mitigated_by = ['1.1', '1.2'] applied (was [])" in _report(result)
    result = _import('[risks."R-1"]\ndrop = true\n')
    assert result.board is not None and result.board.risks == []


@pytest.mark.parametrize(
    ("cell", "owner", "others"),
    [
        ("Legal / BizDev", "Legal", ["BizDev"]),
        ("FinOps/Operations", "FinOps", ["Operations"]),
        ("Xavier (seed par Jean-Paul)", "Xavier", []),
        ("Ana, Luis", "Ana", ["Luis"]),
        ("R&D", "R&D", []),
        ("Kim", "Kim", []),
    ],
)
def test_first_named(cell: str, owner: str, others: list[str]) -> None:
    assert first_named(cell) == (owner, others)


def test_owner_first_keeps_the_first_named_and_the_cell_as_written() -> None:
    # Tight "+" is one name, and so is a slash inside a cell that parts its names with "+".
    plain = _items(_import(None))
    assert (plain["1.2"].owner, plain["1.2"].contributors) == ("FinOps/Operations", ["Data"])  # type: ignore[attr-defined]
    result = _import('[options]\nowner = "first"\n')
    items = _items(result)
    assert (items["1.1"].owner, items["1.1"].contributors) == ("Legal", ["BizDev"])  # type: ignore[attr-defined]
    assert (items["1.2"].owner, items["1.2"].contributors) == ("FinOps", ["Data", "Operations"])  # type: ignore[attr-defined]
    assert items["1.2"].custom["owner_as_written"] == "FinOps/Operations"  # type: ignore[attr-defined]
    assert "used: r.toml:2: [options] owner = 'first' applied: 2 owner cells keep the first named" in _report(result)


def test_an_items_own_owner_beats_owner_first() -> None:
    result = _import('[items."1.1"]\nowner = "BizDev"\n[options]\nowner = "first"\n')
    assert _items(result)["1.1"].owner == "BizDev"  # type: ignore[attr-defined]


def test_outside_ids_drop_takes_dependencies_on_other_boards_out() -> None:
    assert _items(_import(None))["1.2"].depends_on == ["1.1", "X-9"]  # type: ignore[attr-defined]
    result = _import('[options]\noutside_ids = "drop"\n')
    assert _items(result)["1.2"].depends_on == ["1.1"]  # type: ignore[attr-defined]
    report = _report(result)
    assert "note: 1.2: depends_on 'X-9' not on this board; dropped" in report
    assert "used: r.toml:2: [options] outside_ids = 'drop' applied: 1 dependencies" in report
    assert "names no item" not in report


def test_struck_done_reads_a_struck_id_as_done() -> None:
    result = _import('[options]\nstruck = "done"\n')
    assert _items(result)["1.3"].status == "done"  # type: ignore[attr-defined]
    report = _report(result)
    assert "plan.md:10: note: 1.3: its id is struck through: done" in report
    assert "used: r.toml:2: [options] struck = 'done' applied" in report
    plain = "# P\n\n| ID | Task |\n|---|---|\n| A-1 | x |\n| A-2 | y |\n"
    other = import_markdown(plain, "p.md", recipe=parse_recipe('[options]\nstruck = "done"\n', "r.toml"))
    assert "[options] struck = 'done' matches no struck-through id or row of the plan; not applied" in _report(other)


_GROUP_WAIT = """# P

## Phase 1: Build

| ID | Task | Depends on |
|---|---|---|
| B-1 | Schema | |
| B-2 | API | B-1 |

## Phase 2: Launch (blocked until Phase 1)

| ID | Task | Depends on |
|---|---|---|
| L-1 | Docs | |
| L-2 | Release | L-1, B-2 |
"""


def test_group_waits_none_keeps_a_group_wait_said_of_the_group() -> None:
    plain = import_markdown(_GROUP_WAIT, "p.md")
    assert _items(plain)["L-1"].depends_on == ["B-1", "B-2"]  # type: ignore[attr-defined]
    result = import_markdown(_GROUP_WAIT, "p.md", recipe=parse_recipe('[options]\ngroup_waits = "none"\n', "r.toml"))
    deps = {i: d.depends_on for i, d in _items(result).items()}  # type: ignore[attr-defined]
    # The wait the plan wrote on L-2 itself stays; what the heading said of the group is taken back.
    assert deps == {"B-1": [], "B-2": ["B-1"], "L-1": [], "L-2": ["L-1", "B-2"]}
    report = _report(result)
    assert "L-1: waits on a group's items taken back: B-1, B-2" in report
    assert "[options] group_waits = 'none' applied: 3 dependencies on a group's items taken back" in report
    other = import_markdown(
        "# P\n\n- [ ] A-1 x\n", "p.md", recipe=parse_recipe('[options]\ngroup_waits = "none"\n', "r")
    )
    assert "group_waits = 'none' matches no wait on a group of items; not applied" in _report(other)


_SAYS_ALL = """# P

| ID | Task | Risk addressed |
|---|---|---|
| T-1 | Lock the API | — |
| T-2 | Review the protocol | All |
| T-3 | Write the tests | — |

## Risks

| Risk | Mitigation | Ticket |
|---|---|---|
| API breakage | Signature kept | T-1 |
| Scope creep | Protocol enforcement | ALL |
"""


def test_all_in_a_cell_where_ids_go_links_nothing_unless_the_recipe_says_every() -> None:
    def links(result: ImportResult) -> dict[str, list[str]]:
        return {r.title: r.mitigated_by for r in result.board.risks}

    # The Ticket column names the tickets, not the risks: the rows are numbered, its "ALL" none of them.
    plain = import_markdown(_SAYS_ALL, "plan.md")
    assert links(plain) == {"API breakage": ["T-1"], "Scope creep": []}
    assert [r.id for r in plain.board.risks] == ["R-1", "R-2"]
    report = _report(plain)
    assert "note: risk R-2: mitigated by 'ALL', no item in particular: none linked ([options] all)" in report
    assert "note: T-2: its row addresses 'All' risks, not one of them: no risk linked ([options] all)" in report
    every = import_markdown(_SAYS_ALL, "plan.md", recipe=parse_recipe('[options]\nall = "every"\n', "r.toml"))
    assert links(every) == {"API breakage": ["T-1", "T-2"], "Scope creep": ["T-1", "T-2", "T-3"]}
    assert "used: r.toml:2: [options] all = 'every' applied: 4 links from cells saying 'All'" in _report(every)
    nothing = "# P\n\n| ID | Task |\n|---|---|\n| A-1 | x |\n"
    other = import_markdown(nothing, "p.md", recipe=parse_recipe('[options]\nall = "every"\n', "r.toml"))
    assert "[options] all = 'every' matches no cell saying 'All' where ids go; not applied" in _report(other)


# ---------------------------------------------------------------------- what the screen adds to a recipe
def test_the_screens_edits_make_entries_and_count_as_relabels() -> None:
    known = {"1.1", "1.2"}
    recipe = correct_entry(Recipe(), "items", "1.2", "depends_on", "1.1", known)
    recipe = correct_entry(recipe, "items", "1.2", "status", "done", known)
    recipe = drop_entry(recipe, "items", "1.0")
    recipe = correct_entry(recipe, "risks", "R-1", "mitigated_by", "1.1, 1.2", known)
    recipe = set_option(recipe, "owner", "first")
    assert recipe.items == {"1.2": {"depends_on": ["1.1"], "status": "done"}, "1.0": {"drop": True}}
    assert (recipe.risks, recipe.options) == ({"R-1": {"mitigated_by": ["1.1", "1.2"]}}, {"owner": "first"})
    assert relabel_count(recipe, None) == 5
    assert relabel_count(set_option(recipe, "owner", "split"), None) == 4  # the default takes the entry out
    with pytest.raises(ValueError, match="'Z-1' names no item"):
        correct_entry(recipe, "items", "1.2", "depends_on", "Z-1", known)
    with pytest.raises(ValueError, match="unknown status"):
        correct_entry(recipe, "items", "1.2", "status", "nope", known)
    assert recipe.where("items", "1.0", "drop") == "recipe:8"  # where to_toml writes it
    assert parse_recipe(recipe.to_toml()) == recipe


# ---------------------------------------------------------------------- the way back to TOML
_words = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=12).filter(lambda t: t.strip())
_ids = _words.map(str.strip)
_fields = st.dictionaries(st.sampled_from([f for f in ITEM_FIELDS if f not in ("drop", "add")]), _words, min_size=1)
_item_fix = st.one_of(
    st.just({"drop": True}),
    _fields.map(lambda d: {k: ([v.strip()] if k == "depends_on" else v) for k, v in d.items()}),
    st.builds(lambda title, owner: {"add": True, "title": title, "owner": owner}, _words, _words),
)
_group_fix = st.fixed_dictionaries(
    {}, optional={f: st.lists(_ids, min_size=1, max_size=3) if f in LIST_FIELDS else _words for f in GROUP_FIELDS}
).filter(bool)
_risk_fix = st.one_of(st.just({"drop": True}), st.lists(_ids, max_size=3).map(lambda ids: {"mitigated_by": ids}))
_recipes = st.builds(
    Recipe,
    columns=st.dictionaries(st.from_regex(r"[a-z]{1,8}( [a-z]{1,8})?", fullmatch=True), st.sampled_from(COLUMN_FIELDS)),
    sections=st.dictionaries(st.from_regex(r"[a-z]{1,8}( \*)?", fullmatch=True), st.sampled_from(tuple(SECTION_ROLES))),
    statuses=st.dictionaries(st.from_regex(r"[a-z]{1,8}", fullmatch=True), st.sampled_from(STATUSES)),
    items=st.dictionaries(_ids, _item_fix, max_size=4),
    risks=st.dictionaries(_ids, _risk_fix, max_size=3),
    options=st.fixed_dictionaries({}, optional={k: st.sampled_from(v) for k, v in OPTIONS.items()}),
    groups=st.dictionaries(st.from_regex(r"[a-z]{1,8}( \*)?", fullmatch=True), _group_fix, max_size=3),
    ids=st.dictionaries(
        st.from_regex(r"([A-Z]{1,4}-?)?", fullmatch=True), st.from_regex(r"[a-z.]{1,4}-", fullmatch=True)
    ),
)


@settings(max_examples=150, deadline=None)
@given(_recipes)
def test_to_toml_reads_back_as_the_same_recipe(recipe: Recipe) -> None:
    assert parse_recipe(recipe.to_toml()) == recipe


def test_a_section_relabel_on_a_recipe_read_from_a_file_is_counted_from_it() -> None:
    start = parse_recipe('[items."1.0"]\ndrop = true\n', "r.toml")
    assert relabel_count(relabel_section(start, "Risks", "risks"), start) == 1


# ---------------------------------------------------------------------- ids
def test_an_item_renamed_takes_every_reference_with_it() -> None:
    result = _import('[items."1.1"]\nid = "OPEN-1"\nowner = "Kim"\n[items."1.4"]\ndepends_on = ["OPEN-1"]\n')
    items = _items(result)
    assert "1.1" not in items and items["OPEN-1"].owner == "Kim"  # type: ignore[attr-defined]
    assert items["1.2"].depends_on == ["OPEN-1", "X-9"]  # type: ignore[attr-defined]
    assert items["1.4"].depends_on == ["OPEN-1"]  # type: ignore[attr-defined]
    report = _report(result)
    assert "used: r.toml:2: [items.\"1.1\"] id = 'OPEN-1' applied: 1.1 is OPEN-1, and so is every reference" in report
    assert "names no item" not in report.replace("'X-9', which names no item", "")


def test_a_rename_onto_another_items_id_is_refused() -> None:
    result = _import('[items."1.1"]\nid = "1.2"\n')
    assert {"1.1", "1.2"} <= set(_items(result))
    assert "[items.\"1.1\"] id = '1.2': '1.2' is already the id of another item; not applied" in _report(result)
    with pytest.raises(ValueError, match="one word"):
        correct_entry(parse_recipe("", "r.toml"), "items", "1.1", "id", "OPEN 1", {"1.1", "1.2"})


def test_owner_whole_keeps_an_owner_cell_naming_several_as_written() -> None:
    md = "# P\n\n| ID | Task | Owner |\n|---|---|---|\n| T-1 | A | Eng + Founder |\n| T-2 | B | CTO |\n"
    md += "| T-3 | C | Sabatino (Pienissimo) |\n"
    split = {i.id: (i.owner, i.contributors) for i in import_markdown(md, "p.md").board.items}  # type: ignore[union-attr]
    assert split == {"T-1": ("Eng", ["Founder"]), "T-2": ("CTO", []), "T-3": ("Sabatino", [])}
    whole = import_markdown(md, "p.md", recipe=parse_recipe('[options]\nowner = "whole"\n', "r.toml"))
    assert {i.id: (i.owner, i.contributors) for i in whole.board.items} == {  # type: ignore[union-attr]
        "T-1": ("Eng + Founder", []),
        "T-2": ("CTO", []),
        "T-3": ("Sabatino (Pienissimo)", []),  # the aside the import cut is kept too: the cell as written
    }
    assert "used: r.toml:2: [options] owner = 'whole' applied: 2 owner cells kept as written" in (_report(whole))


_LEDGER = "# Ledger\n\n| Task | Owner | Status |\n|---|---|---|\n| F1 bootstrap/env/auth | Luna | implemented |\n"
_LEDGER += "| F2 schema/RLS | controller | pending |\n| Whole V1 review | reviewer | pending |\n"


def test_a_title_column_relabelled_as_the_id_gives_the_id_its_cells_open_with() -> None:
    made = import_markdown(_LEDGER, "p.md")
    # Unlabelled, the rows that open with ids keep them and the third is numbered; labelled, only ids count.
    assert [i.id for i in made.board.items] == ["F1", "F2", "T3"]  # type: ignore[union-attr]
    result = import_markdown(_LEDGER, "p.md", recipe=parse_recipe('[columns]\n"Task" = "id"\n', "r.toml"))
    assert {i.id: (i.title, i.owner) for i in result.board.items} == {  # type: ignore[union-attr]
        "F1": ("bootstrap/env/auth", "Luna"),
        "F2": ("schema/RLS", "controller"),
    }
    report = _report(result)
    assert "note: table: the id column 'Task' opens each cell with the id; the rest is words" in report
    assert "p.md:7: skipped: table row without an id ('| Whole V1 review | reviewer | pending')" in report


def test_an_id_column_relabelled_as_the_id_reads_its_cells_as_before() -> None:
    md = "# Q\n\n| ID | Status |\n|---|---|\n| DQ-1 identity model | resolved |\n| DQ-2 root authority | open |\n"
    plain = import_markdown(md, "p.md")
    said = import_markdown(md, "p.md", recipe=parse_recipe('[columns]\n"ID" = "id"\n', "r.toml"))
    assert [i.id for i in said.board.items] == [i.id for i in plain.board.items]  # type: ignore[union-attr]


def test_a_later_level_one_heading_is_a_section_a_recipe_can_label() -> None:
    md = "# Plan\n\n## Week 1\n\n- [ ] T-1 Build\n- [ ] T-2 Test\n\n# Fixes made\n\n- [x] FIX-1 Crash\n- [x] FIX-2 Leak\n"
    assert list(_items(import_markdown(md, "p.md"))) == ["T-1", "T-2", "FIX-1", "FIX-2"]
    result = import_markdown(md, "p.md", recipe=parse_recipe('[sections]\n"Fixes made" = "text"\n', "r.toml"))
    assert list(_items(result)) == ["T-1", "T-2"]
    assert "[sections] 'fixes made' = 'text' applied" in _report(result)
    # The first level-1 heading is the board's title: its label is for the blocks right under it (none here), and
    # the sections under it are read as ever.
    title = import_markdown(md, "p.md", recipe=parse_recipe('[sections]\n"Plan" = "text"\n', "r.toml"))
    assert list(_items(title)) == ["T-1", "T-2", "FIX-1", "FIX-2"]
    assert "[sections] 'plan' = 'text' applied" in _report(title)


_TASK_STEPS = """# Plan

### Task 1: Add the tests

- [x] **Step 1: Write the failing test**
- [ ] **Step 2: Run it**

### Task 2: Ship

- [ ] **Step 1: Commit**
"""


def test_steps_items_makes_an_items_boxes_items_of_their_own_that_follow_its_id() -> None:
    plain = import_markdown(_TASK_STEPS, "p.md")
    assert list(_items(plain)) == ["TASK-1", "TASK-2"]
    result = import_markdown(_TASK_STEPS, "p.md", recipe=parse_recipe('[options]\nsteps = "items"\n', "r.toml"))
    items = _items(result)
    assert [(i, items[i].parent, items[i].status) for i in items] == [  # type: ignore[attr-defined]
        ("TASK-1", None, "in_progress"),
        ("TASK-1.1", "TASK-1", "done"),
        ("TASK-1.2", "TASK-1", "todo"),
        ("TASK-2", None, "todo"),
        ("TASK-2.1", "TASK-2", "todo"),
    ]
    assert items["TASK-1.2"].title == "Run it"  # type: ignore[attr-defined]
    renamed = import_markdown(
        _TASK_STEPS, "p.md", recipe=parse_recipe('[options]\nsteps = "items"\n[ids]\n"TASK-" = ""\n', "r.toml")
    )
    assert list(_items(renamed)) == ["1", "1.1", "1.2", "2", "2.1"]
    assert _items(renamed)["1.2"].parent == "1"  # type: ignore[attr-defined]


_NESTED_STEPS = """# Plan

#### 4.1.1 Migration Framework Backend

**Priority**: High
**Assigned To**: Ana

- [ ] Design migration data model
  - [x] Migrations table
  - [ ] MigrationLogs table
- [ ] Write migration framework tests

#### 4.1.2 Jira API Integration

**Priority**: High
**Assigned To**: Ben

- [ ] Create the Jira client
"""


def test_steps_items_makes_boxes_nested_under_a_step_that_steps_children() -> None:
    result = import_markdown(_NESTED_STEPS, "p.md", recipe=parse_recipe('[options]\nsteps = "items"\n', "r.toml"))
    items = _items(result)
    assert [(i, items[i].parent, items[i].title) for i in items] == [  # type: ignore[attr-defined]
        ("4.1.1", None, "Migration Framework Backend"),
        ("4.1.1.1", "4.1.1", "Design migration data model"),
        ("4.1.1.1.1", "4.1.1.1", "Migrations table"),
        ("4.1.1.1.2", "4.1.1.1", "MigrationLogs table"),
        ("4.1.1.2", "4.1.1", "Write migration framework tests"),
        ("4.1.2", None, "Jira API Integration"),
        ("4.1.2.1", "4.1.2", "Create the Jira client"),
    ]
    assert items["4.1.1.1.1"].status == "done"  # type: ignore[attr-defined]


def test_steps_items_says_whether_it_found_any_steps() -> None:
    result = import_markdown(_TASK_STEPS, "p.md", recipe=parse_recipe('[options]\nsteps = "items"\n', "r.toml"))
    assert "[options] steps = 'items' applied: the boxes under an item are items of their own" in _report(result)
    plain = "# P\n\n| ID | Task |\n|---|---|\n| A-1 | x |\n"
    other = import_markdown(plain, "p.md", recipe=parse_recipe('[options]\nsteps = "items"\n', "r.toml"))
    assert "[options] steps = 'items' matches no box under an item of the plan; not applied" in _report(other)


def test_steps_items_of_an_item_written_twice_are_kept() -> None:
    md = "# Plan\n\n| ID | Task |\n|---|---|\n| T-1 | Add the tests |\n\n" + _TASK_STEPS.split("\n", 2)[2].replace(
        "### Task 1: Add the tests", "### T-1: Add the tests"
    )
    result = import_markdown(md, "p.md", recipe=parse_recipe('[options]\nsteps = "items"\n', "r.toml"))
    assert {"T-1.1", "T-1.2"} <= set(_items(result))


def test_a_wildcard_key_ending_in_chinese_matches_inside_the_word() -> None:
    md = "# 计划\n\n## 实施步骤\n\n### 阶段一：提示词\n\n正文。\n\n### 阶段二：关键词\n\n正文。\n"
    result = import_markdown(md, "p.md", recipe=parse_recipe('[sections]\n"阶段*" = "item"\n', "r.toml"))
    assert len(_items(result)) == 2
    assert "matches no section" not in _report(result)


def test_mentions_joined_at_an_entrys_end_share_it_and_owner_whole_keeps_them_together() -> None:
    md = "# TODO\n\n## Work\n\n- [x] 1. research the models @pedro + @bruno\n- [ ] 2. set up the rig @zach\n"
    split = import_markdown(md, "p.md")
    assert {i.id: (i.owner, i.contributors) for i in split.board.items} == {  # type: ignore[union-attr]
        "1": ("@pedro", ["@bruno"]),
        "2": ("@zach", []),
    }
    whole = import_markdown(md, "p.md", recipe=parse_recipe('[options]\nowner = "whole"\n', "r.toml"))
    assert {i.id: (i.owner, i.contributors) for i in whole.board.items} == {  # type: ignore[union-attr]
        "1": ("@pedro + @bruno", []),
        "2": ("@zach", []),
    }
