"""Standup mode: a full-screen slide show of the board for a shared screen.

How the app uses it::

    from readiness_tui.ui.screens.standup import StandupScreen

    def apply_edit(item_id: str, values: dict) -> object:
        ...  # the app's own edit path: store.set_fields, undo, save, audit.append, refresh panes
        # raise (e.g. EditError) to refuse; the screen shows the message

    self.push_screen(
        StandupScreen(store, apply_edit, gate_status=session.gate_status()),
        callback=on_standup_done,  # gets a summary dict when the standup ends
    )
    # after a reload from disk, or any edit made elsewhere while the standup is open:
    await screen.show_board(new_store)

The screen never edits the board itself: ``s`` calls ``apply_edit(item_id, {"status": new})`` so
the change is saved, undoable and recorded in the audit trail like any other edit; it then re-reads
``store.board``. ``apply_edit`` may be a coroutine function (it is awaited). If it only posts a
message (``EditFields``) and the edit lands later, the app calls ``screen.show_board()`` when it has.

Leaving (``escape``/``q``, or the app quitting) appends a ``standup`` record to the board's history
(``core.audit.record_standup``): the next standup's "done since the last standup" starts there.
The screen switches to the ``readiness-contrast`` theme when the app has it, and back on leaving.
``show_board`` is a coroutine; from sync code use ``self.call_later(screen.show_board, store)``.

The weekly update is ``readiness_tui.ui.screens.report.ReportScreen``.

Keys: ``right``/``space``/``pagedown`` next slide, ``left``/``pageup`` previous, ``up``/``down``
move on a slide, ``s`` cycle the highlighted item's status, ``j`` jump to an owner, ``w`` owners /
workstreams, ``t`` restart the speaker timer, ``p`` pause it, ``e`` save the screen as SVG,
``escape``/``q`` end the standup.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import inspect
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.widgets import Footer, Static

from readiness_tui.core import audit
from readiness_tui.core.analysis.analyze import Analysis
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.model.board import next_status
from readiness_tui.core.standup.deck import OVERVIEW, StandupDeck, slide_filename
from readiness_tui.core.standup.log import SpeakerLog
from readiness_tui.core.standup.presenter import PresenterState
from readiness_tui.core.standup.slides import GroupSlide, Overview
from readiness_tui.ui.binding_ids import with_ids
from readiness_tui.ui.presenting import PresenterLink
from readiness_tui.ui.readonly import allowed
from readiness_tui.ui.screens.standup_jump import JumpScreen
from readiness_tui.ui.widgets.standup_stage import SlideStage
from readiness_tui.ui.widgets.standup_timer import DEFAULT_SPEAKER_SECONDS, SpeakerTimer

ApplyEdit = Callable[[str, dict[str, Any]], Any]
__all__ = ["OVERVIEW", "ApplyEdit", "JumpScreen", "StandupScreen"]


class StandupScreen(Screen[dict[str, Any]]):
    """Overview slide, then one slide per owner (or workstream); see the module docs."""

    DEFAULT_CSS = """
    StandupScreen { background: $background; }
    StandupScreen #standup-top { height: 3; background: $panel; }
    StandupScreen #standup-title {
        width: 1fr; height: 3; padding: 0 2; content-align-vertical: middle; text-style: bold;
        text-wrap: nowrap; text-overflow: ellipsis;
    }
    StandupScreen #standup-pos { width: auto; height: 3; padding: 0 2; content-align-vertical: middle; }
    StandupScreen #standup-slide { height: 1fr; }
    """

    BINDINGS = with_ids(
        "standup",
        [
            Binding("right,space,pagedown", "next", "Next", priority=True),
            Binding("left,pageup", "previous", "Prev", priority=True),
            Binding("s", "cycle_status", "Status"),
            Binding("j", "jump", "Jump"),
            Binding("w", "toggle_group", "Owner/stream"),
            Binding("t", "restart_timer", "Timer", show=False),
            Binding("p", "pause_timer", "Pause", show=False),
            Binding("e", "export_svg", "SVG"),
            Binding("escape,q", "leave", "End"),
            Binding("P", "present", "Present", show=False),
            Binding("F", "follow", "Follow presenter", show=False),
        ],
    )

    def __init__(
        self,
        store: BoardStore,
        apply_edit: ApplyEdit,
        *,
        gate_status: dict[str, str] | None = None,
        speaker_seconds: float = DEFAULT_SPEAKER_SECONDS,
        group_by: str = "owner",
        clock: Callable[[], float] = time.monotonic,
        now: Callable[[], dt.datetime] | None = None,
        export_dir: Path | str | None = None,
        record_on_leave: bool = True,
        actor: str | None = None,
        theme: str | None = "readiness-contrast",
        presenter: str | None = None,
        name: str | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id)
        self.store = store
        self.apply_edit = apply_edit
        self.gate_status = gate_status
        self.speaker_seconds = speaker_seconds
        self.group_by = group_by
        self.clock = clock
        self.now = now or (lambda: dt.datetime.now().astimezone())
        self.export_dir = Path(export_dir) if export_dir else None
        self.record_on_leave = record_on_leave
        self.actor = actor
        self.index = 0
        #: Slides shown and the time each was on screen, for the "standup held" record.
        self.speakers = SpeakerLog(clock, self.now())
        self._left = False
        self.theme_name = theme
        self._previous_theme: str | None = None
        #: "present" or "follow" (presenter mode, ``ui.presenting``), taken once mounted.
        self._wanted_role = presenter
        self.presenter = PresenterLink(self)
        self._render_lock = asyncio.Lock()
        self.deck = self._build(None, None)

    # ------------------------------------------------------------------ data
    def _build(self, analysis: Analysis | None, since: dt.datetime | None) -> StandupDeck:
        """The slides of the board now (``since``: the start of "done since", fixed on opening)."""
        return StandupDeck.build(
            self.store, group_by=self.group_by, gate_status=self.gate_status, analysis=analysis, since=since
        )

    @property
    def overview(self) -> Overview:
        return self.deck.overview

    @property
    def slide_keys(self) -> list[str]:
        return self.deck.slide_keys

    @property
    def current_key(self) -> str:
        return self.deck.key_at(self.index)

    def group(self, key: str) -> GroupSlide | None:
        return self.deck.group(key)

    @property
    def timer(self) -> SpeakerTimer:
        return self.query_one(SpeakerTimer)

    @property
    def presenter_role(self) -> str | None:
        """ "present" or "follow" once presenter mode started (``ui.presenting``)."""
        return self.presenter.role

    @property
    def followed(self) -> PresenterState | None:
        return self.presenter.followed

    # ------------------------------------------------------------------ layout
    def compose(self) -> ComposeResult:
        with Horizontal(id="standup-top"):
            yield Static("", id="standup-title")
            yield Static("", id="standup-pos")
            yield SpeakerTimer(self.speaker_seconds, clock=self.clock, id="standup-timer")
        yield SlideStage(id="standup-slide")
        # Compact: the keys fit on one line from 80 columns up.
        yield Footer(compact=True)

    async def on_mount(self) -> None:
        # A shared screen wants the high-contrast theme, when the app has it; restored on leaving.
        if self.theme_name and self.theme_name in self.app.available_themes and self.app.theme != self.theme_name:
            self._previous_theme = self.app.theme
            self.app.theme = self.theme_name
        await self._render_slide()
        if self._wanted_role == "present":
            self.presenter.start_presenting()
        elif self._wanted_role == "follow":
            self.presenter.start_following()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return allowed(self.app, action) and not (action == "present" and getattr(self.app, "read_only", False))

    def action_present(self) -> None:
        """Followers (``F``, or ``readiness serve --present``) see this standup's slide and timer."""
        self.presenter.start_presenting()
        path = self.presenter.state_file
        self.notify(f"Presenting: followers read {path.name if path else '-'}", timeout=4)

    def action_follow(self) -> None:
        self.presenter.start_following()
        self.refresh_bindings()

    async def _render_slide(self, keep_highlight: str | None = None) -> None:
        # One render at a time: a follower's worker and the app's redraw can both ask for one, and
        # two interleaved renders would remove each other's slide.
        async with self._render_lock:
            await self._render_slide_now(keep_highlight)

    async def _render_slide_now(self, keep_highlight: str | None = None) -> None:
        key = self.current_key
        self.speakers.visit(key)
        board = self.board_title()
        self.show_position()
        group = self.group(key)
        if group is None:  # the overview
            self.query_one("#standup-title", Static).update(f"STANDUP · {board}")
        else:
            title = Text()
            title.append(f" {group.label} ", "bold reverse")
            title.append(f"   {board}", "not bold")
            self.query_one("#standup-title", Static).update(title)
        await self.query_one(SlideStage).show(self.deck, key, keep_highlight)

    def show_position(self) -> None:
        """The slide's number and grouping, and in presenter mode who presents (on both screens)."""
        try:
            shown = self.query_one("#standup-pos", Static)
        except NoMatches:  # not composed yet: the first render shows it
            return
        keys = self.slide_keys
        what = "owners" if self.group_by == "owner" else "workstreams"
        text = f"{keys.index(self.current_key) + 1}/{len(keys)} · {what}"
        role = self.presenter.label()
        shown.update(f"{text} · {role}" if role else text)

    def board_title(self) -> str:
        return self.store.board.board.title

    # ------------------------------------------------------------------ app interface
    async def show_board(self, store: BoardStore | None = None, analysis: Analysis | None = None) -> None:
        """Show the board again (after a reload, or an edit made outside the standup)."""
        if store is not None:
            self.store = store
        current = self.current_key
        highlighted = self.highlighted_item()
        self.deck = self._build(analysis, self.deck.since)
        keys = self.slide_keys
        if current in keys:
            self.index = keys.index(current)
        else:
            self.index = min(self.index, len(keys) - 1)
        if self.is_mounted:
            await self._render_slide(keep_highlight=highlighted)

    def highlighted_item(self) -> str | None:
        return self.query_one(SlideStage).highlighted_item()

    # ------------------------------------------------------------------ actions
    def _account_time(self) -> None:
        self.speakers.account(self.current_key)

    async def go_to(self, index: int) -> None:
        keys = self.slide_keys
        index = max(0, min(index, len(keys) - 1))
        if index == self.index:
            return
        self._account_time()
        self.index = index
        self.timer.restart()
        await self._render_slide()
        self.presenter.publish()

    async def action_next(self) -> None:
        await self.go_to(self.index + 1)

    async def action_previous(self) -> None:
        await self.go_to(self.index - 1)

    def action_jump(self) -> None:
        choices = self.deck.choices()

        def picked(key: str | None) -> None:
            # Change slides once this screen is active again (after it restored its focus), not
            # inside the jump list's dismissal.
            if key is not None and key in self.slide_keys:
                self.call_after_refresh(self.go_to, self.slide_keys.index(key))

        self.app.push_screen(JumpScreen(choices, self.current_key), picked)

    async def action_toggle_group(self) -> None:
        await self.set_grouping("workstream" if self.group_by == "owner" else "owner")
        self.presenter.publish()

    async def set_grouping(self, group_by: str) -> None:
        self._account_time()
        self.group_by = group_by
        self.index = 0
        self.deck = self._build(self.deck.analysis, self.deck.since)
        self.timer.restart()
        await self._render_slide()

    async def action_cycle_status(self) -> None:
        item_id = self.highlighted_item()
        if item_id is None:
            self.notify("Highlight an item on an owner's slide to change its status", severity="warning")
            return
        item = self.store.board.item_map().get(item_id)
        if item is None:
            return
        new = next_status(item.status)
        try:
            result = self.apply_edit(item_id, {"status": new})
            if inspect.isawaitable(result):
                await result
        except Exception as exc:  # noqa: BLE001 - the app refused the edit; say why and carry on
            self.notify(str(exc), title="Status not changed", severity="error")
            return
        await self.show_board()

    def action_restart_timer(self) -> None:
        self.timer.restart()
        self.presenter.publish()

    def action_pause_timer(self) -> None:
        self.timer.toggle_pause()
        self.presenter.publish()

    def export_filename(self) -> str:
        return slide_filename(self.store, self.current_key)

    def action_export_svg(self) -> str:
        directory = self.export_dir or (self.store.path.parent if self.store.path else Path.cwd())
        try:  # the output directory may not exist yet, or not be writable: said, never a crash
            directory.mkdir(parents=True, exist_ok=True)
            path = self.app.save_screenshot(filename=self.export_filename(), path=str(directory))
        except OSError as exc:
            self.notify(f"Could not save the SVG in {directory}: {exc.strerror or exc}", severity="error")
            return ""
        self.notify(f"Saved {path}", title="Screenshot")
        return path

    def summary(self) -> dict[str, Any]:
        return self.speakers.summary(self.group_by)

    def _record(self) -> dict[str, Any]:
        """Append the "standup held" record (once), and return the summary."""
        self._left = True
        self._account_time()
        summary = self.summary()
        if self.record_on_leave and self.store.path is not None:
            audit.record_standup(self.store.path, actor=self.actor, now=self.now(), **summary)
        return summary

    def on_unmount(self) -> None:
        # The app quit during the standup: it was held all the same.
        if not self._left:
            try:
                self._record()
            except OSError as exc:  # nowhere left to show it; the next standup counts from an earlier one
                self.log.error(f"could not record the standup: {exc}")

    def action_leave(self) -> None:
        if self._left:
            return
        try:
            summary = self._record()
        except OSError as exc:
            summary = self.summary()
            self.app.notify(f"Could not record the standup: {exc}", severity="error")
        self.presenter.publish(ended=True)
        if self._previous_theme is not None:
            self.app.theme = self._previous_theme
        self.dismiss(summary)
