"""The guided import's board side: correct one field of an item or a risk, say a row is not an item, set the
plan-wide options, map a long status cell; each re-imports at once, counts as a relabel, and is saved in the
recipe beside the board that ``ctrl+s`` writes."""

from __future__ import annotations

import tomllib
from pathlib import Path

from textual.widgets import Input, Static
from ui_helpers import guide_status, open_guide, settle_guide, type_in

from readiness_tui.core.importers.guided.recipe_file import load_recipe
from readiness_tui.ui.screens.dialogs import PromptScreen
from readiness_tui.ui.screens.import_guide import ImportGuideApp, ImportGuideScreen
from readiness_tui.ui.widgets.import_board import ImportBoard

PLAN = Path(__file__).parents[1] / "fixtures" / "recipes" / "corrections.md"
SIZE = (120, 40)
LONG_STATE = "partial: the templates of the first two teams are in, the others wait for the drive quota"


def _guide(tmp_path: Path) -> tuple[ImportGuideApp, ImportGuideScreen, Path]:
    return open_guide(PLAN, tmp_path)  # type: ignore[no-any-return]


_settle = settle_guide


async def _to_row(screen: ImportGuideScreen, pilot, key: str) -> None:  # type: ignore[no-untyped-def]
    board = screen.query_one("#board", ImportBoard)
    ids = [str(k.value) for k in board.rows]
    assert key in ids, f"no row {key}"
    while board.current_id != key:
        await pilot.press("down" if ids.index(key) > board.cursor_row else "up")


async def test_edits_drops_and_options_re_import_and_are_saved(tmp_path: Path) -> None:
    app, screen, board = _guide(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await _settle(app, pilot)
        assert not screen.check_action("edit", ())  # the plan side has the focus: e is not its key
        await pilot.press("tab")
        assert screen.check_action("edit", ()) and not screen.check_action("column", ())
        # 1.2 waits for 1.1 only (the plan also names X-9, on another board).
        await _to_row(screen, pilot, "1.2")
        await pilot.press("e", "7")  # title, owner, status, priority, estimate, target, depends_on
        await pilot.pause()
        assert isinstance(app.screen, PromptScreen) and app.screen.query_one(Input).value == "1.1, X-9"
        await type_in(pilot, "1.1")
        await _settle(app, pilot)
        # The group row 1.0 is not an item.
        await _to_row(screen, pilot, "1.0")
        await pilot.press("d")
        await _settle(app, pilot)
        assert screen.query_one("#board", ImportBoard).current_id == "1.1"  # the row that took its place
        # Owners: the first named.
        await pilot.press("p", "1")  # owner
        await pilot.pause()
        await pilot.press("2")  # first
        await _settle(app, pilot)
        # The risk is mitigated by 1.1.
        await pilot.press("v")
        await pilot.pause()
        assert screen.query_one("#board", ImportBoard).current_id == "R-1"
        await pilot.press("e")
        await pilot.pause()
        await type_in(pilot, "1.1")
        await _settle(app, pilot)
        assert "4 relabels" in guide_status(screen)
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.return_value is not None and f"wrote {board} (4 items)" in app.return_value
    data = tomllib.loads(board.read_text(encoding="utf-8"))
    items = {i["id"]: i for i in data["items"]}
    assert "1.0" not in items and items["1.1"]["depends_on"] == []
    assert items["1.2"]["depends_on"] == ["1.1"]
    assert (items["1.1"]["owner"], items["1.2"]["owner"]) == ("Legal", "FinOps")
    assert data["risks"][0]["mitigated_by"] == ["1.1"]
    recipe = load_recipe(tmp_path / "board.import.toml")
    assert recipe.items == {"1.2": {"depends_on": ["1.1"]}, "1.0": {"drop": True}}
    assert (recipe.risks, recipe.options) == ({"R-1": {"mitigated_by": ["1.1"]}}, {"owner": "first"})


async def test_a_value_the_board_refuses_is_said_in_the_dialog_and_not_kept(tmp_path: Path) -> None:
    app, screen, board = _guide(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await _settle(app, pilot)
        await pilot.press("tab")
        await _to_row(screen, pilot, "1.1")
        await pilot.press("e", "7")
        await pilot.pause()
        await type_in(pilot, "1.0, Z-1")
        await pilot.pause()
        assert isinstance(app.screen, PromptScreen)
        assert "'Z-1' names no item of this import" in str(app.screen.query_one("#prompt-error", Static).render())
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and screen.recipe.items == {}
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert not (tmp_path / "board.import.toml").exists()  # no relabel, no recipe
    assert {i["id"]: i for i in tomllib.loads(board.read_text(encoding="utf-8"))["items"]}["1.1"]["depends_on"] == [
        "1.0"
    ]


async def test_struck_done_from_the_options(tmp_path: Path) -> None:
    app, screen, board = _guide(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await _settle(app, pilot)
        await pilot.press("p", "3")  # struck
        await pilot.pause()
        await pilot.press("2")  # done
        await _settle(app, pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert {i["id"]: i["status"] for i in tomllib.loads(board.read_text(encoding="utf-8"))["items"]}["1.3"] == "done"
    assert load_recipe(tmp_path / "board.import.toml").options == {"struck": "done"}


async def test_a_long_status_cell_is_offered_and_mapped(tmp_path: Path) -> None:
    app, screen, board = _guide(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await _settle(app, pilot)
        for _ in range(len(screen.marks)):
            if screen.current is not None and screen.current.line == 5:
                break
            await pilot.press("down")
        await pilot.press("s", "2")  # todo, the long cell
        await pilot.pause()
        await pilot.press("2")  # in_progress
        await _settle(app, pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
    items = {i["id"]: i for i in tomllib.loads(board.read_text(encoding="utf-8"))["items"]}
    assert items["1.2"]["status"] == "in_progress"
    statuses = load_recipe(tmp_path / "board.import.toml").statuses
    assert list(statuses.values()) == ["in_progress"] and len(next(iter(statuses))) > 40


async def test_an_item_renamed_on_screen_keeps_its_corrections_under_the_import_id(tmp_path: Path) -> None:
    app, screen, board = _guide(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await _settle(app, pilot)
        await pilot.press("tab")
        await _to_row(screen, pilot, "1.1")
        await pilot.press("e", "8")  # ... target, depends_on, id
        await pilot.pause()
        await type_in(pilot, "OPEN-1")
        await _settle(app, pilot)
        assert screen.query_one("#board", ImportBoard).current_id == "OPEN-1"
        await pilot.press("e", "2")  # owner, of the row as renamed
        await pilot.pause()
        await type_in(pilot, "Kim")
        await _settle(app, pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.return_value is not None
    items = {i["id"]: i for i in tomllib.loads(board.read_text(encoding="utf-8"))["items"]}
    assert "1.1" not in items and items["OPEN-1"]["owner"] == "Kim"
    assert items["1.2"]["depends_on"] == ["OPEN-1", "X-9"]
    recipe = load_recipe(board.with_name("board.import.toml"))
    assert recipe.items == {"1.1": {"id": "OPEN-1", "owner": "Kim"}}


async def test_n_numbers_the_imports_ids_the_plans_way_in_one_entry(tmp_path: Path) -> None:
    app, screen, board = open_guide(PLAN.with_name("numbered.md"), tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await _settle(app, pilot)
        assert not screen.check_action("number_ids", ())  # a key of the board side
        await pilot.press("tab")
        await _to_row(screen, pilot, "T2")  # a done row whose id cell is a mark: the import numbered it
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, PromptScreen) and app.screen.query_one(Input).value == "T"
        await type_in(pilot, "D 1")
        await pilot.pause()
        assert isinstance(app.screen, PromptScreen)  # refused in the dialog: one word
        await type_in(pilot, "D-")
        await _settle(app, pilot)
        ids = [str(k.value) for k in screen.query_one("#board", ImportBoard).rows]
        assert ids == ["T-1", "T-2", "D-1", "D-2", "D-3"]
        assert "1 relabel ·" in guide_status(screen)
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert load_recipe(board.with_name("board.import.toml")).ids == {"T": "D-"}


async def test_shift_n_numbers_every_id_the_import_made_in_one_sequence(tmp_path: Path) -> None:
    app, screen, board = open_guide(PLAN.with_name("numbered.md"), tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await _settle(app, pilot)
        await pilot.press("tab", "N")
        await pilot.pause()
        assert isinstance(app.screen, PromptScreen) and app.screen.query_one(Input).value == "T-"
        await type_in(pilot, "P-")
        await _settle(app, pilot)
        ids = [str(k.value) for k in screen.query_one("#board", ImportBoard).rows]
        assert ids == ["T-1", "T-2", "P-1", "P-2", "P-3"]  # the ids the plan writes stay
        await _to_row(screen, pilot, "P-2")
        await pilot.press("e", "2")  # owner, of the row as numbered
        await pilot.pause()
        await type_in(pilot, "Kim")
        await _settle(app, pilot)
        assert "2 relabels" in guide_status(screen)
        await pilot.press("ctrl+s")
        await pilot.pause()
    items = {i["id"]: i for i in tomllib.loads(board.read_text(encoding="utf-8"))["items"]}
    assert items["P-2"]["owner"] == "Kim" and "T2" not in items
    recipe = load_recipe(board.with_name("board.import.toml"))
    assert recipe.ids == {"*": "P-"} and recipe.items == {"T2": {"owner": "Kim"}}
