"""The standup on the terminals it meets: its keys fit from 80 columns up, and at 80x24 what is empty
gives way to titles (zero counts fold into one column, empty sections into one line, a title line is
cut rather than wrapped)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList, Static
from textual.widgets._footer import FooterKey
from ui_helpers import SNAPSHOT_GATES, StandupApp, open_standup, option_texts, standup_running

from readiness_tui.ui.screens.standup import StandupScreen
from readiness_tui.ui.widgets.standup_slides import GroupSlideView, OverviewSlide

SMALL = (80, 24)
MEDIUM = (100, 30)


def footer_keys(screen: StandupScreen) -> list[FooterKey]:
    return list(screen.query(FooterKey))


async def test_the_standup_keys_fit_from_80_columns_in_the_app(launch_board: Path, make_app) -> None:  # type: ignore[no-untyped-def]
    for size in (SMALL, MEDIUM):
        app = make_app(launch_board)
        async with app.run_test(size=size) as pilot:
            screen = await open_standup(pilot, app)
            await pilot.pause()
            keys = footer_keys(screen)
            labels = [key.description for key in keys]
            assert {"Next", "Prev", "Status", "Jump", "Owner/stream", "SVG", "End", "Keys"} <= set(labels)
            assert all(key.region.right <= size[0] for key in keys), (size, [(k.description, k.region) for k in keys])


async def test_overview_at_80x24_folds_zero_counts_and_keeps_each_title_on_one_line(launch: Path) -> None:
    app = StandupApp(launch, gate_status={"M-03": "fail"})
    async with standup_running(app, SMALL) as (pilot, screen):
        slide = screen.query_one(OverviewSlide)
        assert slide.has_class("-compact")
        counts = slide.data.counts
        zero = [w for w in ("todo", "in_progress", "blocked", "review", "done") if not counts.get(w, 0)]
        assert zero == ["review"], "the fixture board has one empty status"
        for box in slide.query(".count"):
            assert box.display == (not box.has_class("-zero"))
        folded = str(slide.query_one("#zero-counts", Static).render())
        assert folded == "0 REVIEW"
        # The verdict keeps three lines: two reasons, then how many more.
        reasons = str(slide.query_one("#verdict-reasons", Static).render()).splitlines()
        assert len(reasons) == 3 and reasons[-1].strip() == f"… and {len(slide.data.decision.reasons) - 2} more"
        facts = slide.query_one("#overview-facts", Static)
        lines = str(facts.render()).splitlines()
        # One screen line per fact line: nothing wrapped, and every fact is on screen.
        assert facts.region.height == len(lines)
        assert facts.region.bottom <= screen.query_one("#standup-slide").region.bottom
        assert any(line.startswith("OVERDUE    M-03 due 2026-02-15 · ") for line in lines)
        assert any(line.startswith("UNCOVERED  R-2") for line in lines)


async def test_overview_at_100x30_keeps_every_count(launch: Path) -> None:
    app = StandupApp(launch)
    async with standup_running(app, MEDIUM) as (pilot, screen):
        slide = screen.query_one(OverviewSlide)
        assert not slide.has_class("-compact")
        assert all(box.display for box in slide.query(".count"))


async def test_owner_slide_at_80x24_lists_empty_sections_on_one_line(launch: Path) -> None:
    app = StandupApp(launch)
    async with standup_running(app, SMALL) as (pilot, screen):
        await pilot.press("right")  # ada: one waiting and one ready item
        await pilot.pause()
        view = screen.query_one(GroupSlideView)
        assert view.compact
        prompts = option_texts(view.query_one(OptionList))
        assert prompts[-1] == "none done since last standup · in progress · blocked"
        assert not any(p.endswith("   none") for p in prompts)
        assert any(p.startswith("  M-05") for p in prompts)
        summary = str(view.query_one("#group-summary", Static).render())
        assert summary == "0 done · 0 in progress · 0 blocked · 1 waiting · 1 ready"
        # The highlight stays on an item: the one `s` changes.
        assert screen.highlighted_item() == "M-08"


@pytest.mark.parametrize(("size", "compact"), [(SMALL, True), (MEDIUM, False)])
async def test_a_slide_is_compact_or_not_as_it_is_shown_before_any_layout(
    launch: Path, size: tuple[int, int], compact: bool
) -> None:
    """A slide shown by a key is made at the size of the stage it fills. Waiting for its first
    Resize instead left the owner slide wide at 80x24 now and then: Textual sends none to a widget
    that a refresh during its mount had already put in the screen's map. With no layout at all
    (batch_update holds it back), the slides are already right."""
    app = StandupApp(launch)
    async with standup_running(app, size) as (pilot, screen):
        with app.batch_update():
            await screen.go_to(1)
            view = screen.query_one(GroupSlideView)
            assert view.compact is compact and view.has_class("-compact") is compact
            summary = str(view.query_one("#group-summary", Static).render())
            assert summary.startswith("0 done · " if compact else "0 done since last standup   ·   ")
            await screen.go_to(0)
            overview = screen.query_one(OverviewSlide)
            assert overview.has_class("-compact") is compact
            reasons = str(overview.query_one("#verdict-reasons", Static).render()).splitlines()
            # Compact: two reasons, then how many more; else every reason (there are fewer than 5).
            assert len(reasons) == (3 if compact else len(overview.data.decision.reasons))


def test_snapshot_overview_80x24(launch: Path, snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(StandupApp(launch, gate_status=SNAPSHOT_GATES), terminal_size=SMALL)


def test_snapshot_owner_slide_80x24(launch: Path, snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(StandupApp(launch), terminal_size=SMALL, press=["right", "right"])
