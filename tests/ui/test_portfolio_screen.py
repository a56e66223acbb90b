"""The portfolio screen: rows from real git clones, the filter one level up, sorting, and the
drill-down into a board (read-only when read at a ref) and back."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable

from readiness_tui.core.portfolio import from_clones, from_directory, read_portfolio
from readiness_tui.ui.portfolio_app import PortfolioApp
from readiness_tui.ui.screens.portfolio import PortfolioScreen
from tests.core.portfolio_repos import Repos, board_text

SIZE = (130, 24)


@pytest.fixture
def clones(tmp_path: Path) -> list[Path]:
    repos = Repos(tmp_path / "repos")
    repos.root.mkdir()
    out = [
        repos.service("api", {"boards/plan.toml": board_text("api", ["done", "done", "done"], levels=True)}),
        repos.service("db", {"boards/plan.toml": board_text("db", ["done", "blocked", "todo"], levels=True)}),
        repos.service(
            "web",
            {
                "boards/plan.toml": board_text("web", ["todo"]),
                "boards/zbroken.toml": board_text("x", ["done"]).replace('"done"', '"nope"'),
            },
        ),
    ]
    # The work tree of db holds another branch: the screen still shows origin/main.
    repos.git(out[1], "checkout", "-q", "-b", "feature")
    return out


def _app(clones: list[Path]) -> PortfolioApp:
    entries = from_clones(clones)
    app = PortfolioApp("Platform", read_portfolio(entries), "", lambda: read_portfolio(entries), watch=False)
    app.animation_level = "none"
    return app


def _names(screen: PortfolioScreen) -> list[str]:
    return [r.name for r in screen.shown]


async def test_rows_filter_and_sort(clones: list[Path]) -> None:
    app = _app(clones)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PortfolioScreen)
        assert _names(screen) == ["api/plan", "db/plan", "web/plan", "web/zbroken"]
        table = screen.query_one(DataTable)
        assert [str(c) for c in table.get_row_at(1)[:6]] == ["db/plan", "GO", "bronze", "1/3", "1/0", "2/0"]
        await pilot.press("slash", *"blocked level:<silver", "enter")
        assert _names(screen) == ["db/plan"]
        # A mistake keeps the last good filter and says where it is.
        await pilot.press("slash", "ctrl+u", *"levle:gold", "enter")
        assert _names(screen) == ["db/plan"]
        assert "column 1: unknown field 'levle'" in str(screen.query_one("#portfolio-problem").render())
        await pilot.press("escape", "escape")
        assert len(screen.shown) == 4
        await pilot.press("o")  # by go/no-go: unreadable first, then no-go, then go
        assert _names(screen) == ["web/zbroken", "web/plan", "api/plan", "db/plan"]


async def test_enter_opens_the_board_read_only_and_escape_comes_back(clones: list[Path]) -> None:
    app = _app(clones)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down", "enter")  # db/plan
        await pilot.pause()
        assert app.screen is app.main
        assert app.store.board.board.title == "db"
        assert [it.status for it in app.store.board.items] == ["done", "blocked", "todo"]
        assert app.read_only and app.main.check_action("cycle_status", ()) is False
        before = (clones[1] / "boards" / "plan.toml").read_bytes()
        assert not app.editor.set_status("T-3", "done").ok
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PortfolioScreen)
        assert app.screen.selected().name == "db/plan"
        # A broken board is not opened: its error is said instead.
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PortfolioScreen)
        assert app.screen.selected().name == "web/zbroken"
    assert (clones[1] / "boards" / "plan.toml").read_bytes() == before


async def test_a_board_on_disk_opens_for_editing(tmp_path: Path) -> None:
    (tmp_path / "plan.toml").write_text(board_text("local", ["todo"]), encoding="utf-8")
    rows = read_portfolio(from_directory(tmp_path))
    app = PortfolioApp("Here", rows, watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is app.main and not app.read_only
        assert app.editor.set_status("T-1", "done").ok


def test_snapshot(clones: list[Path], snap_compare) -> None:
    app = _app(clones)
    # The last change dates come from the commits (dated in the test): the snapshot is stable.
    assert snap_compare(app, terminal_size=SIZE)
