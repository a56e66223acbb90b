"""The guided import's keys for a heading's items (``g``) and for an item the import did not make (``a``): each
re-imports at once, counts as one relabel, is checked as typed, and is saved in the recipe beside the board."""

from __future__ import annotations

import tomllib
from pathlib import Path

from textual.widgets import Input, OptionList, Static
from ui_helpers import guide_status, open_guide, settle_guide, type_in

from readiness_tui.core.importers.guided.recipe_file import load_recipe
from readiness_tui.ui.screens.dialogs import ChoiceScreen, PromptScreen
from readiness_tui.ui.screens.import_guide import ImportGuideApp, ImportGuideScreen
from readiness_tui.ui.widgets.import_board import ImportBoard

PLAN = Path(__file__).parents[1] / "fixtures" / "recipes" / "groups.md"
SIZE = (120, 40)
WAVE1 = "Wave 1 — Stabilisation"


def _guide(tmp_path: Path) -> tuple[ImportGuideApp, ImportGuideScreen, Path]:
    return open_guide(PLAN, tmp_path)  # type: ignore[no-any-return]


async def _to_heading(screen: ImportGuideScreen, pilot, words: str) -> None:  # type: ignore[no-untyped-def]
    for _ in range(len(screen.marks)):
        mark = screen.current
        if mark is not None and mark.is_heading and mark.section == words:
            return
        await pilot.press("down")
    raise AssertionError(f"no heading {words!r}")


def _row(screen: ImportGuideScreen, key: str) -> list[str]:
    board = screen.query_one("#board", ImportBoard)
    return [str(c) for c in board.get_row(key)]


async def test_a_heading_field_and_an_added_item_re_import_and_are_saved(tmp_path: Path) -> None:
    app, screen, board = _guide(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle_guide(app, pilot)
        await _to_heading(screen, pilot, WAVE1)
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("2")  # depends_on, after, owner, status, priority
        await pilot.pause()
        await type_in(pilot, "Wave 0 Security")  # the heading's words, its dash aside
        await settle_guide(app, pilot)
        assert _row(screen, "W1-1")[3] == "W0-1, W0-2" and _row(screen, "W1-2")[3] == "W0-1, W0-2"
        assert _row(screen, "W2-1")[3] == ""
        await pilot.press("g", "3")  # owner, the same heading
        await pilot.pause()
        await type_in(pilot, "agent")
        await settle_guide(app, pilot)
        assert (_row(screen, "W1-1")[2], _row(screen, "W1-2")[2]) == ("agent", "agent")
        shown = str(
            screen.query_one("#plan", OptionList).get_option_at_index(screen.marks.index(screen.current)).prompt
        )
        assert "⇒ every item under it: after = Wave 0 Security, owner = agent" in shown
        # The risk names NUL-7, an item the plan never lists: add it.
        await pilot.press("tab", "a")
        await pilot.pause()
        await type_in(pilot, "NUL-7")
        await pilot.pause()
        await type_in(pilot, "Rotate the keys twice")
        await settle_guide(app, pilot)
        assert _row(screen, "NUL-7")[4] == "Rotate the keys twice"
        assert "3 relabels" in guide_status(screen)
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.return_value is not None
    data = tomllib.loads(board.read_text(encoding="utf-8"))
    items = {i["id"]: i for i in data["items"]}
    assert (items["W1-2"]["depends_on"], items["W1-2"]["owner"]) == (["W0-1", "W0-2"], "agent")
    assert items["NUL-7"]["title"] == "Rotate the keys twice" and data["risks"][0]["mitigated_by"] == ["NUL-7"]
    recipe = load_recipe(tmp_path / "board.import.toml")
    assert recipe.groups == {"wave 1 stabilisation": {"after": ["Wave 0 Security"], "owner": "agent"}}
    assert recipe.items == {"NUL-7": {"add": True, "title": "Rotate the keys twice"}}


async def test_a_refused_value_or_id_is_said_in_the_dialog_and_not_kept(tmp_path: Path) -> None:
    app, screen, board = _guide(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle_guide(app, pilot)
        await _to_heading(screen, pilot, WAVE1)
        await pilot.press("g", "1")  # depends_on
        await pilot.pause()
        await type_in(pilot, "Z-9")
        await pilot.pause()
        assert isinstance(app.screen, PromptScreen)
        assert "'Z-9' names no item of this import" in str(app.screen.query_one("#prompt-error", Static).render())
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("a")  # the board side's key
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("tab", "a")
        await pilot.pause()
        await type_in(pilot, "W0-1")
        await pilot.pause()
        assert isinstance(app.screen, PromptScreen) and app.screen.query_one(Input).value == "W0-1"
        assert "already the id" in str(app.screen.query_one("#prompt-error", Static).render())
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and screen.recipe.is_empty()
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert not (tmp_path / "board.import.toml").exists()


async def test_g_on_the_title_gives_every_item_of_the_plan_a_field(tmp_path: Path) -> None:
    # A field stated once for the whole plan ("Owner: agent" at the top) reaches every item: g on the title is
    # that entry.
    app, screen, board = _guide(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle_guide(app, pilot)
        assert screen.current is not None and screen.current.section == "Rollout"  # the title
        await pilot.press("g", "3")  # owner
        await pilot.pause()
        await type_in(pilot, "agent")
        await settle_guide(app, pilot)
        assert {_row(screen, key)[2] for key in ("W0-1", "W1-1", "W2-1")} == {"agent"}
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.return_value is not None
    assert load_recipe(tmp_path / "board.import.toml").groups == {"rollout": {"owner": "agent"}}
    data = tomllib.loads(board.read_text(encoding="utf-8"))
    assert {i["owner"] for i in data["items"]} == {"agent"}


async def test_a_risk_the_import_did_not_read_is_added_on_the_risks_side(tmp_path: Path) -> None:
    app, screen, board = _guide(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle_guide(app, pilot)
        await pilot.press("tab", "v", "a")  # the board side, its risks, add
        await pilot.pause()
        assert isinstance(app.screen, PromptScreen)
        assert "Add a risk" in str(app.screen.query_one(".dialog-title", Static).render())
        await type_in(pilot, "R-9")
        await pilot.pause()
        await type_in(pilot, "Vendor outage")
        await settle_guide(app, pilot)
        assert _row(screen, "R-9")[3] == "Vendor outage"  # id, mitigated_by, owner, title
        assert "1 relabel ·" in guide_status(screen)
        await pilot.press("ctrl+s")
        await pilot.pause()
    data = tomllib.loads(board.read_text(encoding="utf-8"))
    assert {r["id"]: r["title"] for r in data["risks"]}["R-9"] == "Vendor outage"
    assert load_recipe(tmp_path / "board.import.toml").risks == {"R-9": {"add": True, "title": "Vendor outage"}}
