"""Where the app's parts meet, as Protocols: what the live board needs from the app and from the
main screen, and what the main screen needs from the app. Each side is typed against these, so a
reader sees the contract here instead of in ``type: ignore`` comments."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from pathlib import Path

    from readiness_tui.core.analysis.analyze import Analysis
    from readiness_tui.core.board.store import BoardStore
    from readiness_tui.core.edits.editor import EditController, SaveState
    from readiness_tui.core.model.board import Board
    from readiness_tui.core.settings.config import Config
    from readiness_tui.ui.live_board import LiveBoard
    from readiness_tui.ui.sample_copy import SampleCopy


class BoardView(Protocol):
    """What shows the board (the main screen), as the live board and the app call it."""

    def board_loaded(self, changes: list | None = None) -> None:
        """A new or reloaded store: titles, panes, the current item (``changes``: a reloaded
        store's item changes, followed like an edit's)."""

    def refresh_panes(self, focus: str | None = None, changes: list | None = None, state: bool = True) -> None:
        """The board changed: show it again."""

    def show_state(self, dirty: bool | None = None) -> None:
        """The top bar's saved / unsaved / missing state."""

    def show_conflict(self, missing: bool) -> None:
        """The board file changed on disk while there are unsaved edits."""

    def report_save(self, saved: SaveState, label: str) -> None:
        """Show the outcome of a save (``EditController.save``)."""


class BoardOwner(Protocol):
    """What the main screen reads from the app: the one store, its analysis and the live board."""

    editor: EditController
    live: LiveBoard
    #: ``readiness serve --read-only``: nothing the user does writes or runs.
    read_only: bool
    #: "present", "follow" or None (see ``ReadinessApp``).
    presenter_role: str | None
    following: bool
    #: The effective settings (``core.config``): standup, output directory, theme, keymap.
    settings: Config
    #: Offers to copy a sample board before it is edited for good (``ui.sample_copy``).
    samples: SampleCopy

    @property
    def on_sample(self) -> bool:
        """The open board is a sample shipped with readiness: edits stay in memory until copied."""

    def output_dir(self) -> Path | None:
        """Where files the app writes go (the ``output_dir`` setting); None: beside the board."""

    @property
    def store(self) -> BoardStore: ...

    @property
    def analysis(self) -> Analysis | None: ...

    def board_changed(self) -> None:
        """The store's board was replaced: the next read of ``analysis`` makes it again."""

    def new_analysis(self, board: Board) -> Analysis:
        """An analysis of ``board`` sharing what it can of the one the last edit made stale."""

    def analysis_made(self) -> Analysis | None:
        """The analysis of the board as it is now if it is already made (None: not made yet);
        never builds one (``analysis`` does)."""

    @property
    def board_version(self) -> int:
        """Counts ``board_changed``: what a worker notes when it starts from the board."""

    def adopt_analysis(self, version: int, analysis: Analysis) -> Analysis:
        """``analysis`` was made elsewhere (a worker) from the board at ``version``: keep it as the
        current one if the board has not changed since and none was made meanwhile. Returns the
        one kept for that board (another worker's, made first), else ``analysis``."""
