"""The main screen's side of the standup: open it with the user's settings, take its edits through
the app's edit path, and keep an open standup showing the board as it is now."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from readiness_tui.ui.screens.main import MainScreen
    from readiness_tui.ui.screens.standup import StandupScreen


class StandupLink:
    """Owned by the main screen (``MainScreen.standup``)."""

    def __init__(self, main: MainScreen) -> None:
        self.main = main
        #: An edit made from the standup is being applied (the standup shows it itself).
        self._editing = False
        #: A redraw is queued (one however many changes arrive before it runs).
        self._queued = False
        #: The standup screen ``open`` pushed (the only place one is made).
        self._screen: StandupScreen | None = None

    def screens(self) -> list[StandupScreen]:
        """The standup this link opened, while it is open (none: nothing to keep up to date)."""
        screen = self._screen
        return [screen] if screen is not None and screen in self.main.app.screen_stack else []

    def open(self) -> None:
        """Overview, then a slide per owner or workstream (``[standup]`` settings)."""
        from readiness_tui.ui.screens.standup import StandupScreen

        if self.screens():
            return
        main, owner = self.main, self.main.owner
        settings = owner.settings
        screen = StandupScreen(
            main.store,
            self.edit,
            gate_status=main.live.gate_status or None,
            group_by=settings.get("standup.group_by"),
            speaker_seconds=settings.get("standup.speaker_seconds"),
            export_dir=owner.output_dir(),
            # A sample board is never written, its history neither.
            record_on_leave=not (owner.read_only or owner.following or owner.on_sample),
            presenter=owner.presenter_role,
        )
        self._screen = screen
        main.app.push_screen(screen, self._done)

    def edit(self, item_id: str, values: dict[str, Any]) -> object:
        """``apply_edit`` of the standup: the edit controller (undo, save, audit); raises on refusal."""
        result = self.main.editor.set_fields(item_id, values)
        if not result.ok:
            raise ValueError(result.error)
        self._editing = True
        try:
            self.main.after_edit(result)
        finally:
            self._editing = False
        return result

    def _done(self, summary: dict[str, Any] | None) -> None:
        self._screen = None
        if summary:
            n = len(summary.get("slides", []))
            self.main.notify(f"Standup recorded ({n} slide{'s' if n != 1 else ''} shown).", timeout=4)

    def gates_changed(self, status: dict[str, str] | None) -> None:
        for screen in self.screens():
            screen.gate_status = status
        self.refresh()

    def refresh(self) -> None:
        """An open standup shows the board as it is now (unless the edit came from it)."""
        if self._editing or self._queued or not self.screens():
            return
        self._queued = True
        self.main.call_later(self._redraw)

    async def _redraw(self) -> None:
        self._queued = False
        main = self.main
        for screen in self.screens():
            screen.gate_status = main.live.gate_status or None
            analysis = main.owner.analysis
            await screen.show_board(
                main.store, analysis if analysis is not None and analysis.board is main.store.board else None
            )
