"""Standup mode driven with Pilot in a tiny app, snapshots at 100x30, and the burndown pane."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.widgets import Digits, OptionList
from ui_helpers import SNAPSHOT_GATES, PaneHost, StandupApp, option_texts, standup_running, wait_for

from readiness_tui.core import audit
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.model.board import next_status
from readiness_tui.ui.panes.burndown import BurndownPane
from readiness_tui.ui.screens.standup import OVERVIEW, JumpScreen, StandupScreen
from readiness_tui.ui.widgets.standup_timer import SpeakerTimer, format_clock

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "reports"
SIZE = (100, 30)


def _options(screen: StandupScreen) -> list[str]:
    return option_texts(screen.query_one("#standup-items", OptionList))


def _section(screen: StandupScreen, title: str) -> list[str]:
    """Item ids listed under a section header of the current slide."""
    ol = screen.query_one("#standup-items", OptionList)
    out: list[str] = []
    inside = False
    for i in range(ol.option_count):
        opt = ol.get_option_at_index(i)
        if opt.disabled:
            inside = title in str(opt.prompt)
        elif inside and opt.id:
            out.append(opt.id)
    return out


async def test_overview_to_last_owner_with_a_status_change(launch: Path) -> None:
    app = StandupApp(launch, gate_status={"M-03": "fail"})
    async with standup_running(app) as (pilot, screen):
        assert screen.current_key == OVERVIEW
        assert screen.slide_keys == [OVERVIEW, "ada", "bob", "cy"]
        assert not screen.overview.decision.go
        assert screen.overview.gates == {"pass": 0, "waived": 0, "fail": 1, "stale": 0, "unknown": 0}
        assert [i.id for i in screen.overview.overdue] == ["M-03"]
        assert screen.overview.uncovered == [("R-2", "Replay drifts from live decisions")]

        await pilot.press("right")
        assert screen.current_key == "ada"
        assert _section(screen, "READY NEXT") == ["M-05"]

        await pilot.press("space")
        assert screen.current_key == "bob"
        assert _section(screen, "IN PROGRESS") == ["M-03"]
        # M-06 is in progress while M-04 is open: waiting, not blocked (its status is not blocked).
        assert _section(screen, "BLOCKED") == []
        assert _section(screen, "WAITING") == ["M-06"]
        assert any("waiting on M-04 (cy) ← M-03 (bob)" in o for o in _options(screen))
        assert screen.highlighted_item() == "M-03"

        await pilot.press("s")
        await pilot.pause()
        # One status cycle (core.model.STATUS_CYCLE) for the backlog and the standup.
        assert app.calls == [("M-03", {"status": next_status("in_progress")})] == [("M-03", {"status": "review"})]
        assert app.store.item("M-03").status == "review"
        assert _section(screen, "IN PROGRESS") == ["M-03"]
        assert screen.highlighted_item() == "M-03"  # the highlight follows the item
        last = audit.read(launch)[-1]
        assert (last.item, last.field, last.old, last.new, last.actor) == (
            "M-03",
            "status",
            "in_progress",
            "review",
            "tester",
        )

        await pilot.press("right")
        assert screen.current_key == "cy"
        assert _section(screen, "DONE SINCE LAST STANDUP") == ["M-09"]
        assert _section(screen, "BLOCKED") == ["M-04"]
        assert _section(screen, "READY NEXT") == ["M-07"]
        await pilot.press("right")
        assert screen.current_key == "cy"  # the last slide stays

        await pilot.press("left", "left")
        assert screen.current_key == "ada"

        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, StandupScreen)
    recs = audit.read(launch)
    assert recs[-1].type == "standup" and recs[-1].actor == "tester"
    assert [r.type for r in recs].count("standup") == 3  # recorded once, not again on unmount
    assert recs[-1].data["details"]["slides"] == [OVERVIEW, "ada", "bob", "cy"]
    assert app.results and app.results[0]["group_by"] == "owner"
    assert audit.verify(launch).ok


async def test_done_since_last_standup_moves_after_a_standup(launch: Path) -> None:
    audit.record_standup(launch, actor="dana")  # now: after every record of the fixture
    app = StandupApp(launch)
    async with standup_running(app) as (pilot, screen):
        await screen.go_to(screen.slide_keys.index("cy"))
        assert _section(screen, "DONE SINCE LAST STANDUP") == []
        await screen.go_to(screen.slide_keys.index("bob"))
        await pilot.press("down", "s")  # M-06: in_progress -> review (still waiting on M-04)
        await pilot.press("up", "s")  # M-03: in_progress -> review
        await pilot.press("s")  # review -> done: recorded, so done since the last standup
        await pilot.pause()
        assert app.calls[-1] == ("M-03", {"status": "done"})
        assert _section(screen, "DONE SINCE LAST STANDUP") == ["M-03"]


async def test_jump_and_group_by_workstream(launch: Path) -> None:
    app = StandupApp(launch)
    async with standup_running(app) as (pilot, screen):
        await pilot.press("j")
        await pilot.pause()
        assert isinstance(app.screen, JumpScreen)
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert app.screen is screen and screen.current_key == "bob"

        await pilot.press("w")
        await pilot.pause()
        assert screen.group_by == "workstream"
        assert screen.current_key == OVERVIEW
        assert screen.slide_keys == [OVERVIEW, "Operations", "Reliability", "Security"]
        await pilot.press("j")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and screen.current_key == OVERVIEW


async def test_status_on_overview_and_refused_edit(launch: Path) -> None:
    app = StandupApp(launch)

    def refuse(item_id: str, values: dict) -> None:
        raise ValueError("the board changed on disk; reload first")

    said: list[str] = []
    async with standup_running(app) as (pilot, screen):
        app.notify = lambda message, **kw: said.append(str(message))  # type: ignore[method-assign]
        await pilot.press("s")  # nothing highlighted on the overview: a hint, no edit
        assert app.calls == []
        screen.apply_edit = refuse
        await pilot.press("right", "s")
        await pilot.pause()
        assert app.store.item("M-05").status == "todo"
        assert "Highlight an item" in said[0]
        assert any("reload first" in m for m in said)


async def test_speaker_timer_turns_red_and_restarts_per_slide(launch: Path) -> None:
    app = StandupApp(launch, speaker_seconds=90)
    async with standup_running(app) as (pilot, screen):
        timer = screen.query_one(SpeakerTimer)
        assert str(timer.query_one(Digits).value) == "1:30"
        app.clock.t += 75
        timer.tick()
        assert timer.has_class("-warning") and not timer.has_class("-overtime")
        app.clock.t += 20
        timer.tick()
        assert timer.has_class("-overtime")
        assert timer.query_one(Digits).value == "+0:05"
        await pilot.press("right")
        assert not timer.has_class("-overtime") and timer.query_one(Digits).value == "1:30"
        await pilot.press("p")
        app.clock.t += 500
        timer.tick()
        assert timer.query_one(Digits).value == "1:30" and timer.paused
        await pilot.press("p", "t")
        assert timer.query_one(Digits).value == "1:30"
        await pilot.press("escape")
        await pilot.pause()
    details = audit.read(launch)[-1].data["details"]
    assert details["speaker_seconds"][OVERVIEW] == 95.0


def test_format_clock() -> None:
    assert [format_clock(s) for s in (120, 119.2, 61, 0, -0.4, -75)] == [
        "2:00",
        "2:00",
        "1:01",
        "0:00",
        "+0:00",
        "+1:15",
    ]


async def test_export_svg(launch: Path) -> None:
    app = StandupApp(launch)
    async with standup_running(app) as (pilot, _):
        await pilot.press("right", "e")
        await pilot.pause()
    svg = launch.parent / "standup-launch-2026-02-20-ada.svg"
    assert svg.exists() and svg.read_text(encoding="utf-8").startswith("<svg")


async def test_show_board_after_reload(launch: Path) -> None:
    app = StandupApp(launch)
    async with standup_running(app) as (pilot, screen):
        await screen.go_to(screen.slide_keys.index("cy"))
        text = launch.read_text(encoding="utf-8").replace('owner = "cy"', 'owner = "dee"')
        launch.write_text(text, encoding="utf-8")
        await screen.show_board(BoardStore.load(launch))
        await pilot.pause()
        assert screen.slide_keys == [OVERVIEW, "ada", "bob", "dee"]
        assert screen.current_key == "dee"  # cy's slide is gone: stay at the same place


async def test_quitting_the_app_during_a_standup_records_it(launch: Path) -> None:
    app = StandupApp(launch)
    async with standup_running(app) as (pilot, _):
        await pilot.press("right")
    recs = audit.read(launch)
    assert recs[-1].type == "standup" and recs[-1].data["details"]["slides"] == [OVERVIEW, "ada"]
    assert [r.type for r in recs].count("standup") == 3  # two in the fixture, one now


async def test_board_without_file_leaves_no_record() -> None:
    store = BoardStore.from_text('[[items]]\nid = "A"\nowner = "ada"\nstatus = "in_progress"\n')

    class Tiny(App):
        def on_mount(self) -> None:
            self.push_screen(StandupScreen(store, lambda i, v: store.set_fields(i, v), clock=lambda: 0.0))

    app = Tiny()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("right", "s", "escape")
        await pilot.pause()
    assert store.item("A").status == "review"


# ---------------------------------------------------------------------- snapshots
def _snap_app(board: Path) -> App:
    return StandupApp(board, gate_status=SNAPSHOT_GATES)


def test_snapshot_overview(launch: Path, snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(_snap_app(launch), terminal_size=SIZE)


def test_snapshot_owner_slide(launch: Path, snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(_snap_app(launch), terminal_size=SIZE, press=["right", "right"])


def test_snapshot_owner_slide_with_done_since(launch: Path, snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(_snap_app(launch), terminal_size=SIZE, press=["right", "right", "right"])


# ---------------------------------------------------------------------- burndown pane
def burn_host(store: BoardStore) -> PaneHost:
    return PaneHost(BurndownPane(), store)


async def test_burndown_pane_draws_series_and_milestones(launch: Path) -> None:
    app = burn_host(BoardStore.load(launch))
    async with app.run_test(size=SIZE) as pilot:
        pane = app.query_one(BurndownPane)
        await wait_for(pilot, lambda: pane.data is not None, what="the series computed")
        assert pane.data is not None and pane.data.open_items[-1] == 6
        summary = str(pane.query_one("#burndown-summary").render())
        assert "6 open items, 19 estimate-days open" in summary
        assert "MS-1 Beta due 2026-02-22" in summary and "MS-2 GA due 2026-03-13" in summary
        await pilot.press("v")
        assert pane.mode == "burnup"
        pane.focus_item("M-03")
        assert pane.focused_item == "M-03"


async def test_burndown_pane_without_history(tmp_path: Path) -> None:
    store = BoardStore.from_text('[[items]]\nid = "A"\nestimate_days = 2\n')
    app = burn_host(store)
    async with app.run_test(size=SIZE) as pilot:
        pane = app.query_one(BurndownPane)
        await wait_for(pilot, lambda: pane.data is not None, what="the series computed")
        assert "no history yet" in str(pane.query_one("#burndown-summary").render())


# ---------------------------------------------------------------------- weekly update screen
async def test_report_screen_copy_save_and_weeks(launch: Path) -> None:
    from readiness_tui.ui.screens.report import ReportScreen

    store = BoardStore.load(launch)
    copied: list[str] = []

    class R(App):
        def on_mount(self) -> None:
            self.push_screen(ReportScreen(store))

        def copy_to_clipboard(self, text: str) -> None:
            copied.append(text)

    app = R()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReportScreen)
        await wait_for(pilot, lambda: not screen.loading, what="the report made")
        assert screen.text == (FIXTURES / "launch-2026-W08.md").read_text(encoding="utf-8")
        await pilot.press("c", "s")
        assert copied == [screen.text]
        assert (launch.parent / "launch-2026-W08.md").read_text(encoding="utf-8") == screen.text
        await pilot.press("left_square_bracket")
        await wait_for(pilot, lambda: not screen.loading, what="the report made")
        assert screen.week == "2026-W07"
        assert screen.text == (FIXTURES / "launch-2026-W07.md").read_text(encoding="utf-8")
        await pilot.press("f")
        assert screen.text.startswith("{")
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ReportScreen)
