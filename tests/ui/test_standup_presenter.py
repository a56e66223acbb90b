"""Presenter mode on the standup screen (``ui.presenting.PresenterLink``, owned by the screen):
the presenter's moves are written to the state file, a follower in another app shows them, the
follower's own keys do not move it, and the presenter's end ends it for the follower."""

from __future__ import annotations

from pathlib import Path

from ui_helpers import StandupApp, standup_running, wait_for

from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.standup.deck import OVERVIEW, StandupDeck, slide_filename
from readiness_tui.core.standup.presenter import read_state, state_path

SIZE = (100, 30)


class FollowerApp(StandupApp):
    """A host with the app's presenter-mode state (``ui.presenting.ViewerRoles``)."""

    following = False
    presenter_role: str | None = None


async def test_a_follower_shows_the_presenters_slide_and_cannot_move_it(launch: Path) -> None:
    presenter, follower = StandupApp(launch, presenter="present"), FollowerApp(launch, presenter="follow")
    async with standup_running(presenter, SIZE) as (p, shown), standup_running(follower, SIZE) as (f, follows):
        assert shown.presenter_role == "present"
        await p.press("right", "right")
        assert shown.current_key == "bob"
        state = read_state(state_path(launch))
        assert state is not None and (state.slide, state.group_by) == ("bob", "owner")
        await wait_for(f, lambda: follows.current_key == "bob", timeout=10, what="the follower on bob")
        assert follows.presenter_role == "follow" and follower.following and follower.presenter_role == "follow"
        await f.press("left")  # a follower's keys do not move the presentation
        assert follows.current_key == "bob"
        await p.press("w")  # the grouping follows too
        await wait_for(f, lambda: follows.group_by == "workstream", timeout=10, what="the follower regrouped")
        await p.press("escape")
        await wait_for(f, lambda: follows.followed is not None and follows.followed.ended, timeout=10, what="ended")


async def test_the_deck_is_the_screens_slides(launch: Path) -> None:
    async with standup_running(StandupApp(launch)) as (pilot, screen):
        deck = StandupDeck.build(BoardStore.load(launch), group_by="owner")
        assert screen.slide_keys == deck.slide_keys == [OVERVIEW, "ada", "bob", "cy"]
        assert deck.choices()[0] == (OVERVIEW, "Overview") and deck.key_at(99) == "cy"
        await pilot.press("right")
        assert screen.export_filename() == slide_filename(screen.store, "ada")
        assert screen.export_filename().endswith("-ada.svg")


def position(screen) -> str:  # type: ignore[no-untyped-def]
    from textual.widgets import Static

    return str(screen.query_one("#standup-pos", Static).content)


async def test_both_screens_say_who_presents_and_who_follows(launch: Path, tmp_path: Path, monkeypatch) -> None:
    # Issue 41: in presenter mode neither screen said who presented and who followed.
    config = tmp_path / "gitconfig"
    config.write_text("[user]\n\tname = Ana Presenter\n", encoding="utf-8")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(config))
    presenter, follower = StandupApp(launch, presenter="present"), FollowerApp(launch, presenter="follow")
    async with standup_running(presenter, SIZE) as (p, shown), standup_running(follower, SIZE) as (f, follows):
        assert position(shown).endswith("· Presenting")
        await wait_for(f, lambda: follows.followed is not None, timeout=10, what="the follower")
        assert position(follows).endswith("· Following Ana Presenter")
        await p.press("right")  # stays said on every slide
        await wait_for(f, lambda: follows.current_key == "ada", timeout=10, what="the follower on ada")
        assert position(shown) == "2/4 · owners · Presenting"
        assert position(follows) == "2/4 · owners · Following Ana Presenter"
        await p.press("escape")
        await wait_for(f, lambda: follows.followed is not None and follows.followed.ended, timeout=10, what="ended")
        assert position(follows).endswith("· Ana Presenter ended")


async def test_outside_presenter_mode_the_position_says_no_role(launch: Path) -> None:
    async with standup_running(StandupApp(launch)) as (_pilot, screen):
        assert position(screen) == "1/4 · owners"
