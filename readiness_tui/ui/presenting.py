"""The standup's side of presenter mode (a mixin of ``StandupScreen``); the file is ``core.presenter``.

A presenter publishes its slide, grouping and timer after each move; a follower runs a worker
over ``core.presenter.follow`` and shows each state it yields (its own moves are refused by
``ui.readonly``). A presenter that ends the standup ends it for its followers too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..core.presenter import Presenter, PresenterState, follow
from .widgets.standup_timer import SpeakerTimer


class PresenterLink:
    """Expects ``store``, ``current_key``, ``slide_keys``, ``group_by``, ``go_to``, ``query_one``."""

    presenter_role: str | None = None
    _presenter: Presenter | None = None
    #: The last state shown on a follower (tests and the benchmark read it).
    followed: PresenterState | None = None

    if TYPE_CHECKING:  # provided by the screen this is mixed into (StandupScreen)

        @property
        def current_key(self) -> str: ...

    def start_presenting(self) -> None:
        store = self.store  # type: ignore[attr-defined]
        if store.path is None:
            return
        self.presenter_role = "present"
        self._presenter = Presenter(store.path)
        self.publish()

    def publish(self, ended: bool = False) -> None:
        """Tell followers where the standup is (after every move of the presenter)."""
        if self._presenter is None:
            return
        timer = self.query_one(SpeakerTimer)  # type: ignore[attr-defined]
        try:
            self._presenter.publish(
                self.current_key,
                self.group_by,  # type: ignore[attr-defined]
                timer.elapsed,
                timer.paused,
                ended=ended,
            )
        except OSError as exc:
            self.notify(f"Followers cannot see this slide: {exc}", severity="error")  # type: ignore[attr-defined]

    def start_following(self) -> None:
        store = self.store  # type: ignore[attr-defined]
        if store.path is None:
            return
        self.presenter_role = "follow"
        self.run_worker(self._follow(store.path), group="presenter", exclusive=True)  # type: ignore[attr-defined]

    async def _follow(self, board_path: Any) -> None:
        async for state in follow(board_path):
            await self.show_presenter_state(state)

    async def show_presenter_state(self, state: PresenterState) -> None:
        if state.ended:
            self.followed = state
            self.notify("The presenter ended the standup.", timeout=4)  # type: ignore[attr-defined]
            return
        if state.group_by != self.group_by and state.group_by in ("owner", "workstream"):  # type: ignore[attr-defined]
            await self.set_grouping(state.group_by)  # type: ignore[attr-defined]
        keys = self.slide_keys  # type: ignore[attr-defined]
        if state.slide in keys:
            await self.go_to(keys.index(state.slide))  # type: ignore[attr-defined]
        self.query_one(SpeakerTimer).set_elapsed(state.elapsed_now(), state.timer_paused)  # type: ignore[attr-defined]
        self.followed = state
