"""Sample boards are never written: the bundled boards (inside the installed package, lost on the
next install) are edited in memory only, and the first edit offers to copy the board into
``./boards/`` (or a path the user types) and go on there.

The app opens a sample with autosave off (``ReadinessApp.on_sample``); ``EditingScreen.after_edit``
calls ``offer`` when an edit was kept in memory, and saving or quitting with unsaved edits asks here
too. The copy is the sample's file as shipped, and the edits made so far are applied to it through
the edit controller, so they are saved and recorded in the copy's history like any other edit.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from readiness_tui.ui.app import ReadinessApp


def default_copy_path(sample: Path) -> Path:
    return Path("boards") / sample.name


def copy_problem(text: str, sample: Path) -> str | None:
    """Why ``text`` is not a place to copy the sample to (None: it is)."""
    if not text.strip():
        return "type a path, e.g. boards/my-plan.toml"
    target = Path(text.strip()).expanduser()
    if target.suffix != ".toml":
        return "a board file ends in .toml"
    if target.exists():
        return f"{target} exists: pick another name (or open it with `readiness {target}`)"
    if target.resolve().parent == sample.resolve().parent:
        return "that is the samples' own directory, inside the installed package"
    return None


class SampleCopy:
    """Owned by the app (``ReadinessApp.samples``); acts when the open board is a sample."""

    def __init__(self, app: ReadinessApp) -> None:
        self.app = app
        #: The offer is on screen (edits made meanwhile do not ask again).
        self._asking = False
        #: The user said "not now": the next offer comes with ctrl+s or on quitting.
        self.declined = False

    def offer(self, then: Callable[[], None] | None = None, asked: bool = False) -> None:
        """Ask where to copy the sample (``asked``: the user asked for it, by saving or quitting)."""
        from readiness_tui.ui.screens.dialogs import PromptScreen

        app = self.app
        sample = app.store.path
        if sample is None or self._asking or (self.declined and not asked):
            return
        self._asking = True

        def answered(text: str | None) -> None:
            self._asking = False
            if text is None:
                self.declined = True
                app.notify(
                    "Your edits stay in memory only: the sample board inside the package is never "
                    "written. ctrl+s offers the copy again.",
                    title="Sample board",
                    severity="warning",
                    timeout=10,
                )
                return
            if self.copy_to(Path(text.strip()).expanduser()) and then is not None:
                then()

        app.push_screen(
            PromptScreen(
                f"{sample.name} is a sample board shipped with readiness",
                str(default_copy_path(sample)),
                "It is never written (it lives inside the installed package). Copy it to this path "
                "(from where readiness was started) and go on editing the copy; your edits so far "
                "come along. escape: keep editing in memory only.",
                lambda text: copy_problem(text, sample),
            ),
            answered,
        )

    def copy_to(self, target: Path) -> bool:
        """The sample as shipped at ``target``, the edits so far applied to it and saved there."""
        from readiness_tui.core.board.fsutil import atomic_write
        from readiness_tui.core.board.store import BoardStore
        from readiness_tui.core.model.problems import BoardError

        app = self.app
        editor = app.editor
        sample = app.store.path
        assert sample is not None  # offered only for a sample's file
        pending = editor.pending
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            # After an undo or redo the edits cannot be replayed: the copy takes the board as it is.
            atomic_write(target, sample.read_bytes() if pending is not None else app.store.text().encode("utf-8"))
            fresh = BoardStore.load(target)
        except (OSError, BoardError) as exc:
            app.notify(f"Could not copy the sample to {target}: {exc}", title="Sample board", severity="error")
            return False
        editor.replace_store(fresh)
        editor.autosave = True
        failed = [label for label, fn in pending or [] if not editor.apply(label, fn).ok]
        app.board_dir = target.parent
        app.main.board_loaded()
        app.main.show_state()
        note = f" Not applied: {', '.join(failed)}." if failed else ""
        app.notify(f"Copied the sample board to {target}; edits are saved there from now on.{note}", timeout=8)
        return True
