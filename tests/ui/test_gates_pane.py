"""The Gates pane and the trust prompt, in a small app that plays the app's part: it runs gates
through a GateSession when the pane asks, and records every message."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Static

from readiness_tui.core.analysis import Analysis
from readiness_tui.core.gates import GateSession
from readiness_tui.core.store import BoardStore
from readiness_tui.ui.messages import ItemHighlighted, OpenItem
from readiness_tui.ui.panes.gates import (
    CancelGates,
    GatesPane,
    RunGates,
    ToggleAutoRun,
    TrustBoard,
    format_age,
)
from readiness_tui.ui.screens.trust import TrustScreen

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "gates"
FAKE_GH = "ghp_" + "Zx9Qw3Er5Ty7Ui1Op4As6Df8Gh2Jk0Lm3Nb5V"
SIZE = (140, 40)


@pytest.fixture
def board(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(FIXTURES / "repo", root)
    (root / ".git").mkdir()
    text = (
        (FIXTURES / "board.toml")
        .read_text()
        .replace("echo all good", f"echo all good; echo token={FAKE_GH[:4]}$(echo {FAKE_GH[4:]})")
    )
    (root / "board.toml").write_text(text)
    return root / "board.toml"


class GatesApp(App[None]):
    def __init__(self, path: Path) -> None:
        super().__init__()
        self.store = BoardStore.load(path)
        self.session = GateSession(self.store.path, self.store.board)
        self.messages: list[object] = []
        self.trust_answer: bool | None = None

    def compose(self) -> ComposeResult:
        yield GatesPane(id="pane")

    def on_mount(self) -> None:
        pane = self.query_one(GatesPane)
        pane.attach_session(self.session)
        pane.show_board(self.store, Analysis(self.store.board))
        pane.table.focus()

    def on_run_gates(self, msg: RunGates) -> None:
        self.messages.append(msg)
        pane = self.query_one(GatesPane)
        self.session.start(msg.ids, on_done=lambda _r: self.call_from_thread(pane.refresh_gates))
        pane.refresh_gates()

    def on_cancel_gates(self, msg: CancelGates) -> None:
        self.messages.append(msg)

    def on_trust_board(self, msg: TrustBoard) -> None:
        self.messages.append(msg)

        def answered(ok: bool | None) -> None:
            self.trust_answer = ok
            if ok:
                self.session.trust()
                self.query_one(GatesPane).refresh_gates()

        self.push_screen(TrustScreen(self.store.path, self.session.root, self.session.commands()), answered)

    def on_toggle_auto_run(self, msg: ToggleAutoRun) -> None:
        self.messages.append(msg)

    def on_item_highlighted(self, msg: ItemHighlighted) -> None:
        self.messages.append(msg)

    def on_open_item(self, msg: OpenItem) -> None:
        self.messages.append(msg)


def cell(pane: GatesPane, item_id: str, col: str) -> str:
    return str(pane.table.get_cell(item_id, col))


def summary(pane: GatesPane) -> str:
    return str(pane.query_one("#gates-summary", Static).render())


def detail(pane: GatesPane) -> str:
    return pane.detail_text(pane._selected).plain


async def wait_for(pilot, pred, tries: int = 200) -> None:  # type: ignore[no-untyped-def]
    for _ in range(tries):
        if pred():
            return
        await pilot.pause(0.02)
    raise AssertionError("condition not reached")


async def test_untrusted_board_shows_untrusted_and_the_prompt_trusts(board: Path) -> None:
    app = GatesApp(board)
    async with app.run_test(size=SIZE) as pilot:
        pane = app.query_one(GatesPane)
        assert pane.table.row_count == 6
        assert "untrusted" in cell(pane, "G-PASS", "status")
        assert "pass" in cell(pane, "G-EVIDENCE", "status")  # evidence needs no trust
        assert "error" in cell(pane, "G-ESCAPE", "status")
        assert "not trusted" in summary(pane)
        await pilot.press("t")
        await wait_for(pilot, lambda: isinstance(app.screen, TrustScreen))
        listing = str(app.screen.query_one("#trust-list", Static).render())
        assert "test -f docs/runbook.md" in listing and "G-FAIL" in listing
        await pilot.press("y")
        await wait_for(pilot, lambda: app.trust_answer is True)
        assert app.session.trusted and "not-run" in cell(pane, "G-PASS", "status")


async def test_trust_prompt_declined(board: Path) -> None:
    app = GatesApp(board)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        await wait_for(pilot, lambda: isinstance(app.screen, TrustScreen))
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.trust_answer is False)
        assert not app.session.trusted


async def test_run_one_and_all_show_results_output_and_drift(board: Path) -> None:
    app = GatesApp(board)
    app.session.trust()
    async with app.run_test(size=SIZE) as pilot:
        pane = app.query_one(GatesPane)
        pane.focus_item("G-PASS")
        await pilot.press("r")
        await wait_for(pilot, lambda: "pass" in cell(pane, "G-PASS", "status"))
        assert isinstance(app.messages[-1], RunGates) and app.messages[-1].ids == ["G-PASS"]
        text = detail(pane)
        assert "all good" in text and FAKE_GH not in text and "[REDACTED:" in text
        assert "ago" in cell(pane, "G-PASS", "age") and cell(pane, "G-PASS", "evidence") == "1/1"
        await pilot.press("R")
        await wait_for(pilot, lambda: "fail" in cell(pane, "G-FAIL", "status"))
        assert [m.ids for m in app.messages if isinstance(m, RunGates)][-1] is None
        assert "claimed done, not verified" in cell(pane, "G-FAIL", "drift")
        assert "gate passes, not marked done" in cell(pane, "G-EVIDENCE", "drift")
        await wait_for(pilot, lambda: "waived" in cell(pane, "G-WAIVED", "status"))
        assert "2026-02-25" in cell(pane, "G-WAIVED", "waiver")
        assert "drift" in summary(pane)


async def test_cancel_trust_and_auto_run_post_messages(board: Path) -> None:
    app = GatesApp(board)
    async with app.run_test(size=SIZE) as pilot:
        pane = app.query_one(GatesPane)
        pane.focus_item("G-FAIL")
        await pilot.press("x")
        await pilot.press("X")
        await pilot.press("a")
        await pilot.pause()
        cancels = [m.ids for m in app.messages if isinstance(m, CancelGates)]
        assert cancels == [["G-FAIL"], None]
        assert any(isinstance(m, ToggleAutoRun) for m in app.messages)
        pane.set_auto_run(True)
        assert "auto-run on" in summary(pane)


async def test_cursor_posts_highlight_and_enter_opens(board: Path) -> None:
    app = GatesApp(board)
    async with app.run_test(size=SIZE) as pilot:
        pane = app.query_one(GatesPane)
        pane.focus_item("G-PASS")
        await pilot.press("down")
        await pilot.pause()
        assert any(isinstance(m, ItemHighlighted) and m.item_id == "G-FAIL" for m in app.messages)
        assert "echo 'lint: 3 problems'" in detail(pane)
        await pilot.press("enter")
        await pilot.pause()
        assert any(isinstance(m, OpenItem) and m.item_id == "G-FAIL" for m in app.messages)


async def test_show_board_without_a_session_reads_last_results(board: Path) -> None:
    session = GateSession(board, BoardStore.load(board).board)
    session.trust()
    session.run(["G-FAIL"])

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield GatesPane()

    app = Bare()
    async with app.run_test(size=SIZE) as pilot:
        pane = app.query_one(GatesPane)
        store = BoardStore.load(board)
        pane.show_board(store, Analysis(store.board))
        await pilot.pause()
        assert "fail" in cell(pane, "G-FAIL", "status")
        assert pane.table.row_count == 6


def test_format_age() -> None:
    assert format_age(None) == "never"
    assert format_age(5) == "5s ago" and format_age(125) == "2m ago"
    assert format_age(7200) == "2h ago" and format_age(3 * 86400) == "3d ago"
