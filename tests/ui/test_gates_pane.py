"""The Gates pane and the trust prompt, in the test host playing the app's part: it runs gates
through a GateSession when the pane asks, and records every message."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Static
from ui_helpers import PaneHost, drawn_lines, wait_for

from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.gates import GateSession
from readiness_tui.ui.messages import RunGates, TrustBoard
from readiness_tui.ui.panes.gates import GatesPane
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


class GatesHost(PaneHost):
    """A GatesPane over the board, playing the app's part: runs gates through a GateSession when
    the pane asks, and shows the trust prompt."""

    def __init__(self, path: Path, clock: Callable[[], float] = time.time) -> None:
        store = BoardStore.load(path)
        super().__init__(
            GatesPane(id="pane", clock=clock),
            store,
            setup=lambda host: self.pane.attach_session(self.session),
            react={RunGates: GatesHost.run_gates, TrustBoard: GatesHost.ask_trust},
        )
        self.session = GateSession(store.path, store.board)
        self.trust_answer: bool | None = None

    def run_gates(self, msg: RunGates) -> None:
        pane = self.query_one(GatesPane)
        self.session.start(msg.ids, on_done=lambda _r: self.call_from_thread(pane.refresh_gates))
        pane.refresh_gates()

    def ask_trust(self, msg: TrustBoard) -> None:
        def answered(ok: bool | None) -> None:
            self.trust_answer = ok
            if ok:
                self.session.trust()
                self.query_one(GatesPane).refresh_gates()

        self.push_screen(TrustScreen(self.store.path, self.session.root, self.session.commands()), answered)


@asynccontextmanager
async def running(app: PaneHost, size: tuple[int, int] = SIZE) -> AsyncIterator[tuple[Any, GatesPane]]:
    """``app`` running: its pilot and its Gates pane."""
    async with app.run_test(size=size) as pilot:
        yield pilot, app.query_one(GatesPane)


def cell(pane: GatesPane, item_id: str, col: str) -> str:
    return str(pane.table.get_cell(item_id, col))


async def run_gate(pilot, pane: GatesPane, item_id: str, status: str) -> None:  # type: ignore[no-untyped-def]
    """Select a gate, press r, and wait for its run to end with ``status``."""
    pane.focus_item(item_id)
    await pilot.press("r")
    await wait_for(pilot, lambda: status in cell(pane, item_id, "status"), what=f"{item_id} ran")


def summary(pane: GatesPane) -> str:
    return str(pane.query_one("#gates-summary", Static).render())


def detail(pane: GatesPane) -> str:
    """The detail of the gate under the cursor, as the pane shows it."""
    return str(pane.query_one("#gates-detail", Static).render())


def selected(pane: GatesPane) -> str | None:
    """The gate under the table's cursor."""
    return pane.table.cursor_key


async def test_untrusted_board_shows_untrusted_and_the_prompt_trusts(board: Path) -> None:
    app = GatesHost(board)
    async with running(app) as (pilot, pane):
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
    app = GatesHost(board)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        await wait_for(pilot, lambda: isinstance(app.screen, TrustScreen))
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.trust_answer is False)
        assert not app.session.trusted


async def test_run_one_and_all_show_results_output_and_drift(board: Path) -> None:
    app = GatesHost(board)
    app.session.trust()
    async with running(app) as (pilot, pane):
        await run_gate(pilot, pane, "G-PASS", "pass")
        assert app.messages[-1] == ("run", ["G-PASS"])
        text = detail(pane)
        assert "all good" in text and FAKE_GH not in text and "[REDACTED:" in text
        assert "ago" in cell(pane, "G-PASS", "age") and cell(pane, "G-PASS", "evidence") == "1/1"
        await pilot.press("R")
        await wait_for(pilot, lambda: "fail" in cell(pane, "G-FAIL", "status"))
        assert app.seen("run")[-1] == ("run", None)
        assert "claimed done, not verified" in cell(pane, "G-FAIL", "drift")
        assert "gate passes, not marked done" in cell(pane, "G-EVIDENCE", "drift")
        await wait_for(pilot, lambda: "waived" in cell(pane, "G-WAIVED", "status"))
        assert "2026-02-25" in cell(pane, "G-WAIVED", "waiver")
        assert "drift" in summary(pane)


async def test_cancel_trust_and_auto_run_post_messages(board: Path) -> None:
    app = GatesHost(board)
    async with running(app) as (pilot, pane):
        pane.focus_item("G-FAIL")
        await pilot.press("x")
        await pilot.press("X")
        await pilot.press("a")
        await pilot.pause()
        assert app.seen("cancel") == [("cancel", ["G-FAIL"]), ("cancel", None)]
        assert app.seen("auto-run") == [("auto-run",)]
        pane.set_auto_run(True)
        assert "auto-run on" in summary(pane)


async def test_cursor_posts_highlight_and_enter_opens(board: Path) -> None:
    app = GatesHost(board)
    async with running(app) as (pilot, pane):
        pane.focus_item("G-PASS")
        await pilot.press("down")
        await pilot.pause()
        assert ("highlight", "G-FAIL") in app.messages
        assert "echo 'lint: 3 problems'" in detail(pane)
        await pilot.press("enter")
        await pilot.pause()
        assert ("open", "G-FAIL") in app.messages


async def test_show_board_without_a_session_reads_last_results(board: Path) -> None:
    session = GateSession(board, BoardStore.load(board).board)
    session.trust()
    session.run(["G-FAIL"])

    app = PaneHost(GatesPane(), BoardStore.load(board))
    async with running(app) as (pilot, pane):
        await pilot.pause()
        assert "fail" in cell(pane, "G-FAIL", "status")
        assert pane.table.row_count == 6


async def test_j_k_g_and_shift_g_move_through_the_gates(board: Path) -> None:
    app = GatesHost(board)
    async with running(app) as (pilot, pane):
        assert pane.table.has_focus and pane.table.cursor_row == 0
        await pilot.press("j")
        await wait_for(pilot, lambda: selected(pane) == "G-FAIL", what="j moves down")
        assert ("highlight", "G-FAIL") in app.messages
        assert "echo 'lint: 3 problems'" in detail(pane)
        await pilot.press("j", "j", "k")
        await wait_for(pilot, lambda: selected(pane) == "G-WAIVED", what="k moves up")
        await pilot.press("G")
        await wait_for(pilot, lambda: selected(pane) == "G-MANUAL", what="G: the last gate")
        await pilot.press("g")
        await wait_for(pilot, lambda: selected(pane) == "G-PASS", what="g: the first gate")


async def test_one_clock_for_every_age_and_units_on_durations(board: Path) -> None:
    now = [time.time()]
    app = GatesHost(board, clock=lambda: now[0])
    app.session.trust()
    async with running(app) as (pilot, pane):
        await run_gate(pilot, pane, "G-FAIL", "fail")
        finished = pane.views["G-FAIL"].result.finished_at
        took = cell(pane, "G-FAIL", "dur")
        assert took.endswith(("ms", "s")) and took[0].isdigit()
        assert f"took {took}, exit 2" in detail(pane)
        # 75 s later both the table and the detail say so, read off the same clock.
        now[0] = finished + 75
        await wait_for(pilot, lambda: cell(pane, "G-FAIL", "age") == "1m ago", what="the tick moves the table")
        assert "last run 1m ago" in detail(pane)
        now[0] = finished + 7
        await wait_for(pilot, lambda: cell(pane, "G-FAIL", "age") == "7s ago", what="seconds")
        assert "last run 7s ago" in detail(pane)
        assert "never" == cell(pane, "G-PASS", "age")


async def test_drift_reads_in_full_at_120_columns(board: Path) -> None:
    app = GatesHost(board)
    app.session.trust()
    async with running(app, (120, 40)) as (pilot, pane):
        await pilot.press("R")
        await wait_for(pilot, lambda: "fail" in cell(pane, "G-FAIL", "status"), what="the runs end")
        await pilot.pause()
        shown = "\n".join(drawn_lines(pane.table))
        assert "⚠ claimed done, not verified" in shown
        assert "⚠ gate passes, not marked done" in shown


async def test_a_stale_gate_says_which_file_changed(board: Path) -> None:
    app = GatesHost(board)
    app.session.trust()
    async with running(app) as (pilot, pane):
        await run_gate(pilot, pane, "G-PASS", "pass")
        src = board.parent / "app.py"
        src.write_text("print(1)\n")
        later = pane.views["G-PASS"].result.finished_at + 90
        os.utime(src, (later, later))
        app.session.note_changes([str(src)])
        pane.refresh_gates()
        await wait_for(pilot, lambda: "stale" in cell(pane, "G-PASS", "status"), what="stale")
        first = detail(pane).splitlines()[0]
        assert "app.py changed 1m 30s after the last run (watching the whole repo)" in first


def test_snapshot(board: Path, snap_compare) -> None:  # type: ignore[no-untyped-def]
    app = GatesHost(board)
    app.session.trust()
    assert snap_compare(app, press=("j",), terminal_size=(120, 40))


async def test_a_redraw_of_every_gate_repaints_only_the_lines_that_changed(board: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A run finishing redraws every gate through the session; on a board of thousands of gates
    only the lines that read differently are repainted."""
    app = GatesHost(board)
    app.session.trust()
    async with running(app) as (pilot, pane):
        table = pane.table
        repainted: list[int] = []
        real = table._refresh_line

        def counted(row: int) -> None:
            repainted.append(row)
            real(row)

        monkeypatch.setattr(table, "_refresh_line", counted)
        pane.refresh_gates()
        assert repainted == []  # nothing changed: nothing repainted
        app.session.run(["G-FAIL"])
        pane.refresh_gates()
        assert repainted == [table.row_index("G-FAIL")]
        assert "fail" in cell(pane, "G-FAIL", "status") and "never" not in cell(pane, "G-FAIL", "age")
        await pilot.pause()
        line = drawn_lines(table)[1 + table.row_index("G-FAIL")]
        assert "G-FAIL" in line and "✘ fail" in line and "s ago" in line


async def test_moving_between_gates_whose_detail_fits_its_box_needs_no_layout(board: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A layout pass repaints the whole screen (half a cursor move on a big board): the detail
    keeps its size while each gate's detail fits the box, and grows and shrinks when one does not."""
    from rich.text import Text

    app = GatesHost(board)
    async with running(app) as (pilot, pane):
        box = pane.query_one("#gates-detail-box")
        shown = pane.query_one("#gates-detail", Static)
        layouts: list[bool] = []
        real = shown.update

        def update(content: Any = "", *, layout: bool = True) -> None:
            layouts.append(layout)
            real(content, layout=layout)

        monkeypatch.setattr(shown, "update", update)
        await pilot.press("j", "j")
        await wait_for(pilot, lambda: selected(pane) == "G-WAIVED", what="two gates down")
        assert layouts == [False, False] and shown.size.height == box.content_size.height
        long = Text("\n".join(f"output line {n}" for n in range(60)))
        real_text = pane.detail_text
        monkeypatch.setattr(
            pane, "detail_text", lambda item_id: long if item_id == "G-EVIDENCE" else real_text(item_id)
        )
        await pilot.press("j")
        await wait_for(pilot, lambda: shown.size.height == 60, what="the long detail laid out")
        assert layouts[-1] is True
        await pilot.press("k")
        await wait_for(pilot, lambda: shown.size.height == box.content_size.height, what="back to the box")
        assert layouts[-1] is True and "G-WAIVED" in detail(pane)
