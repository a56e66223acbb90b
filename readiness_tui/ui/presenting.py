"""The standup's side of presenter mode, owned by the standup screen (``StandupScreen.presenter``);
the file is ``core.presenter``.

A presenter publishes its slide, grouping and timer after each move; a follower runs a worker
over ``core.presenter.follow`` and shows each state it yields (its own moves are refused by
``ui.readonly``). A presenter that ends the standup ends it for its followers too.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from readiness_tui.core.standup.deck import GROUPINGS
from readiness_tui.core.standup.presenter import Presenter, PresenterState, follow

if TYPE_CHECKING:
    from readiness_tui.ui.screens.standup import StandupScreen


@runtime_checkable
class ViewerRoles(Protocol):
    """The app's presenter-mode state, as ``ui.readonly`` reads it (``ReadinessApp`` has it; a
    bare test host may not)."""

    following: bool
    presenter_role: str | None


class PresenterLink:
    """Presenting or following one standup screen."""

    def __init__(self, screen: StandupScreen) -> None:
        self.screen = screen
        #: "present", "follow" or None.
        self.role: str | None = None
        self._presenter: Presenter | None = None
        #: The last state shown on a follower (tests and the benchmark read it).
        self.followed: PresenterState | None = None

    @property
    def state_file(self) -> Path | None:
        """The file followers read (None until presenting)."""
        return self._presenter.path if self._presenter is not None else None

    def start_presenting(self) -> None:
        path = self.screen.store.path
        if path is None:
            return
        from readiness_tui.core.audit import default_actor

        self.role = "present"
        self._presenter = Presenter(path, by=default_actor(path))
        self.publish()
        self.screen.show_position()

    def publish(self, ended: bool = False) -> None:
        """Tell followers where the standup is (after every move of the presenter)."""
        if self._presenter is None:
            return
        screen = self.screen
        timer = screen.timer
        try:
            self._presenter.publish(screen.current_key, screen.group_by, timer.elapsed, timer.paused, ended=ended)
        except OSError as exc:
            screen.notify(f"Followers cannot see this slide: {exc}", severity="error")

    def start_following(self) -> None:
        path = self.screen.store.path
        if path is None:
            return
        self.role = "follow"
        app = self.screen.app
        if isinstance(app, ViewerRoles):  # the app's keys stop moving the standup too
            app.following = True
            app.presenter_role = "follow"
        self.screen.show_position()
        self.screen.run_worker(self._follow(path), group="presenter", exclusive=True)

    def label(self) -> str:
        """Who presents, as both screens say it: "Presenting", "Following ana" ("" outside
        presenter mode)."""
        if self.role == "present":
            return "Presenting"
        if self.role == "follow":
            by = self.followed.by if self.followed is not None else ""
            if self.followed is not None and self.followed.ended:
                return f"{by or 'The presenter'} ended"
            return f"Following {by}" if by else "Following the presenter"
        return ""

    async def _follow(self, board_path: Path) -> None:
        async for state in follow(board_path):
            await self.show_state(state)

    async def show_state(self, state: PresenterState) -> None:
        screen = self.screen
        if state.ended:
            self.followed = state
            screen.show_position()
            screen.notify("The presenter ended the standup.", timeout=4)
            return
        if state.group_by != screen.group_by and state.group_by in GROUPINGS:
            await screen.set_grouping(state.group_by)
        keys = screen.slide_keys
        if state.slide in keys:
            await screen.go_to(keys.index(state.slide))
        screen.timer.set_elapsed(state.elapsed_now(), state.timer_paused)
        self.followed = state
        screen.show_position()
