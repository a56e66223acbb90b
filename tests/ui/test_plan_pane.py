"""The plan pane, mounted alone in the test host."""

from __future__ import annotations

from ui_helpers import PaneHost, mounted, pane_board, wait_for

from readiness_tui.core.board.store import BoardStore
from readiness_tui.ui.panes.plan import PlanPane

SIZE = (120, 40)


def all_lines(pane: PlanPane) -> list[str]:
    return [pane.line_text(i).plain.rstrip() for i in range(len(pane.rows))]


async def test_critical_path_with_total_days_and_slack() -> None:
    async with mounted(PlanPane(id="pane")) as (app, pilot):
        pane = app.pane
        lines = all_lines(pane)
        assert lines[0].startswith("Plan · Payments API launch   today 2026-02-20 · 7 open of 9 items")
        assert "2/9" in lines[0]
        assert lines[2] == "Critical path · 8 days · 3 items · 1 open unestimated (counted as 0 days)"
        cp = lines[3:6]
        assert [line.split()[1] for line in cp] == ["INF-2", "SEC-1", "GO-1"]
        assert cp[1].endswith("2.    5d  ES 2     EF 7     slack 0")
        # The cursor starts on the first item of the critical path.
        assert pane.cursor_key == "cp:INF-2"


async def test_waves_ready_and_blocked_with_root_causes() -> None:
    async with mounted(PlanPane(id="pane")) as (app, pilot):
        lines = all_lines(app.pane)
        text = "\n".join(lines)
        assert "Execution waves · 4 waves · 7 open items" in text
        assert "  Wave 1 · ready now · 2 items · 4d longest" in text
        assert "  Wave 3 · after wave 2 · 1 item · — longest" in text
        db1 = next(line for line in lines if line.startswith("    ✖ DB-1") and "slack" in line)
        assert db1.endswith("P0    2d  slack 3")
        assert "Ready now (1)" in text
        assert "Blocked (1) · status blocked" in text  # DB-1's status
        assert "Waiting (5) · on open dependencies" in text
        rel = next(line for line in lines if "REL-1" in line and "waits on" in line)
        assert rel.endswith("waits on OBS-1, DB-1 · root INF-2")


async def test_phases_and_milestones_with_progress() -> None:
    async with mounted(PlanPane(id="pane")) as (app, pilot):
        lines = all_lines(app.pane)
        build = next(line for line in lines if line.startswith("  build "))
        assert "Build · weeks 1-2" in build and build.endswith("1/3  33%")
        assert "      entrance: Budget approved" in lines
        assert "      exit: Restore drill passed" in lines
        m1 = next(line for line in lines if line.startswith("  M1 "))
        assert "due 2026-02-18 (2 days overdue)" in m1 and m1.endswith("1/2  50%")
        m2 = next(line for line in lines if line.startswith("  M2 "))
        assert "(in 14 days)" in m2 and "0/4" in m2
        m3 = next(line for line in lines if line.startswith("  M3 "))
        assert "end of week 5" in m3 and "0/1" in m3


async def test_cycle_items_get_no_wave() -> None:
    async with mounted(PlanPane(id="pane"), pane_board("recorded.toml")) as (app, pilot):
        text = "\n".join(all_lines(app.pane))
        assert "Execution waves · 1 wave · 2 open items · 2 with no wave (cycle or unknown dependency)" in text
        assert "    C  on a dependency cycle" in text and "    E  on a dependency cycle" in text
        assert "this board has no phases" in text
        assert "this board has no milestones" in text


async def test_navigation_enter_and_focus_item() -> None:
    async with mounted(PlanPane(id="pane")) as (app, pilot):
        pane = app.pane
        await pilot.press("j", "down")
        assert pane.cursor_key == "cp:GO-1"
        await pilot.press("down")
        assert pane.cursor_key == "wave:INF-2"  # headings are skipped
        await pilot.press("enter")
        await pilot.press("k")
        assert pane.cursor_key == "cp:GO-1"
        await pilot.press("G")
        assert pane.cursor_key == "ms:M3"
        assert pane.scroll_y > 0
        await pilot.press("enter")  # a milestone is not an item
        await pilot.press("g")
        assert pane.cursor_key == "cp:INF-2" and pane.scroll_y == 0
        await pilot.press("pagedown")
        assert pane.cursor_line >= 30
        await pilot.pause()
        assert app.messages[:4] == [
            ("highlight", "SEC-1"),
            ("highlight", "GO-1"),
            ("highlight", "INF-2"),
            ("open", "INF-2"),
        ]
        assert [m for m in app.messages if m[0] == "open"] == [("open", "INF-2")]
        app.messages.clear()
        pane.focus_item("LOAD-1")
        assert pane.cursor_key == "wave:LOAD-1"
        assert not app.messages


async def test_hidden_pane_builds_when_shown() -> None:
    store = pane_board()
    async with mounted(PlanPane(id="pane"), store) as (app, pilot):
        pane = app.pane
        box = app.query_one("#host")
        box.display = False
        await pilot.pause()
        store.set_status("SEC-1", "done")
        app.show()
        pane.focus_item("GO-1")
        assert "Waiting (5) · on open dependencies" in all_lines(pane)  # deferred while hidden
        box.display = True
        await wait_for(pilot, lambda: "Waiting (4) · on open dependencies" in all_lines(pane), what="built when shown")
        assert pane.cursor_key == "cp:GO-1"


def test_snapshot(snap_compare) -> None:
    assert snap_compare(PaneHost(PlanPane(id="pane"), pane_board()), press=("down", "down", "down"), terminal_size=SIZE)


async def test_a_theme_switch_restyles_the_lines() -> None:
    async with mounted(PlanPane(id="pane")) as (app, pilot):
        pane = app.pane
        app.theme = "textual-dark"
        await pilot.pause()
        before = pane.render_line(2)  # "Critical path" heading
        app.theme = "textual-light"
        await pilot.pause()
        after = pane.render_line(2)
        assert before.text == after.text
        assert list(before)[0].style != list(after)[0].style


async def test_critical_path_without_estimates_counts_its_items_once() -> None:
    store = BoardStore.from_text(
        '[board]\ntitle = "No estimates"\n\n[[items]]\nid = "A"\ntitle = "First"\n\n'
        '[[items]]\nid = "B"\ntitle = "Second"\ndepends_on = ["A"]\n'
    )
    async with mounted(PlanPane(id="pane"), store) as (app, pilot):
        lines = all_lines(app.pane)
        assert lines[2] == "Critical path · 2 items (no estimates: each open item counts as one unit)"
