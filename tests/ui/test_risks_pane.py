"""The risk map pane, mounted alone in the test host."""

from __future__ import annotations

from ui_helpers import PANE_FIXTURES, PaneHost, drawn_lines, mounted, pane_board

from readiness_tui.core.board.store import BoardStore
from readiness_tui.ui.panes.risks import RiskPane

SIZE = (120, 40)


def screen_lines(pane: RiskPane) -> list[str]:
    return [line.rstrip() for line in drawn_lines(pane)]


async def test_uncovered_risks_and_unknown_references_come_first() -> None:
    async with mounted(RiskPane(id="pane")) as (app, pilot):
        pane = app.pane
        lines = screen_lines(pane)
        assert lines[0] == "Risk map · Payments API launch"
        assert lines[1].startswith("6 risks · 2 uncovered · 1 open · 2 in progress · 1 mitigated")
        assert "1 naming items the board lacks" in lines[1]
        assert lines[3] == "Needs attention (2)"
        assert lines[4].startswith("  ✗ R4") and lines[4].endswith("no live mitigating item")
        assert lines[5].startswith("  ✗ R5") and "names unknown OPS-9" in lines[5]
        assert "every mitigating item cancelled" in lines[5]
        # The cursor starts on the first risk that needs attention.
        assert pane.cursor_key == "att:R4"


async def test_each_risk_shows_its_items_statuses_and_roll_up() -> None:
    async with mounted(RiskPane(id="pane")) as (app, pilot):
        pane = app.pane
        text = "\n".join(screen_lines(pane))
        r1 = next(line for line in text.splitlines() if "R1 " in line)
        assert "in progress" in r1 and "0/2" in r1
        r3 = next(line for line in text.splitlines() if "  ◐ R3 " in line)
        assert "1/2" in r3 and "50%" in r3
        r6 = next(line for line in text.splitlines() if "R6 " in line)
        assert "mitigated" in r6 and "1/1 100%" in r6
        assert "      ◐ INF-2  Secrets in the vault, rotated" in text
        assert "      ⊘ DOC-1  Public API reference" in text
        assert "      ? OPS-9  names no item" in text
        # P0 work that no risk names stands out at the end.
        assert "P0 items no risk names (1)" in text
        assert "      ○ GO-1   Go/no-go review" in text


async def test_cursor_moves_over_risks_and_items_and_enter_opens_items() -> None:
    async with mounted(RiskPane(id="pane")) as (app, pilot):
        pane = app.pane
        await pilot.press("j", "down")
        assert pane.cursor_key == "risk:R1"
        await pilot.press("enter")  # a risk is not an item: nothing to open
        await pilot.press("down")
        assert (pane.cursor_key, pane.cursor_item) == ("risk:R1/INF-2", "INF-2")
        await pilot.press("enter")
        await pilot.press("k", "up")
        assert pane.cursor_key == "att:R5"
        await pilot.press("G")
        assert pane.cursor_item == "GO-1"
        await pilot.press("g")
        assert pane.cursor_key == "att:R4"
        await pilot.press("pagedown")
        assert pane.cursor_line > 20
        await pilot.pause()
        assert app.messages[:2] == [("highlight", "INF-2"), ("open", "INF-2")]
        assert ("highlight", "GO-1") in app.messages


async def test_focus_item_and_mouse() -> None:
    async with mounted(RiskPane(id="pane")) as (app, pilot):
        pane = app.pane
        pane.focus_item("DB-1")
        assert pane.cursor_item == "DB-1"
        assert not app.messages
        line = next(i for i, row in enumerate(pane.rows) if row[1] == "LOAD-1")
        await pilot.click(RiskPane, offset=(10, line))
        assert pane.cursor_item == "LOAD-1"
        await pilot.double_click(RiskPane, offset=(10, line))
        await pilot.pause()
        assert ("open", "LOAD-1") in app.messages


async def test_board_without_risks_expects_no_coverage() -> None:
    text = (PANE_FIXTURES / "recorded.toml").read_text()
    async with mounted(RiskPane(id="pane"), BoardStore.from_text(text)) as (app, pilot):
        lines = screen_lines(app.pane)
        assert "This board records no risks." in lines
        assert not any("P0 items" in line for line in lines)


async def test_show_board_keeps_the_cursor_and_follows_status_changes() -> None:
    store = pane_board()
    async with mounted(RiskPane(id="pane"), store) as (app, pilot):
        pane = app.pane
        pane.focus_item("SEC-1")
        store.set_status("SEC-1", "done")
        store.set_status("INF-2", "done")
        app.show()
        await pilot.pause()
        assert pane.cursor_key == "risk:R1/SEC-1"
        r1 = next(line for line in screen_lines(pane) if "R1 " in line)
        assert "mitigated" in r1 and "2/2" in r1


def test_snapshot(snap_compare) -> None:
    assert snap_compare(PaneHost(RiskPane(id="pane"), pane_board()), press=("down", "down", "down"), terminal_size=SIZE)


async def test_a_finished_p0_item_is_not_listed_as_unnamed() -> None:
    # "P0 items no risk names" is about open work: a done P0 item needs no risk any more.
    store = BoardStore.from_text(
        '[board]\ntitle = "t"\n\n[[items]]\nid = "A"\npriority = "P0"\nstatus = "done"\n\n'
        '[[items]]\nid = "B"\npriority = "P0"\n\n[[items]]\nid = "C"\n\n'
        '[[risks]]\nid = "R1"\ntitle = "r"\nmitigated_by = ["C"]\n'
    )
    async with mounted(RiskPane(id="pane"), store) as (app, pilot):
        text = "\n".join(screen_lines(app.pane))
        assert "P0 items no risk names (1)" in text
        assert "○ B" in text and "✓ A" not in text


def test_every_state_core_gives_has_a_mark_and_a_style() -> None:
    # The pane only presents the states the analysis works out (``core.analysis.coverage.RISK_STATES``), and the
    # item text the statuses of the model: a state added in core must get its mark here, not a KeyError on screen.
    from readiness_tui.core.analysis.coverage import RISK_STATES
    from readiness_tui.core.model.statuses import STATUSES
    from readiness_tui.ui.panes.risks import STATE_GLYPH, STATE_LABEL, STATE_STYLE
    from readiness_tui.ui.widgets.item_text import STATUS_STYLE

    assert set(STATE_STYLE) == set(STATE_GLYPH) == set(STATE_LABEL) == set(RISK_STATES)
    assert set(STATUS_STYLE) == set(STATUSES)
