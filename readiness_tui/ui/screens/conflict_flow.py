"""A save refused because the board changed on disk (or was deleted) under unsaved edits: what
the main screen asks (``ConflictScreen``) and what each answer does through the edit controller."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from readiness_tui.ui.screens.edit_actions import EditingScreen


def ask(screen: EditingScreen, missing: bool) -> None:
    """Show the fields both sides changed and the difference (worked out once the dialog shows);
    ``answer`` takes the choice."""
    from functools import partial

    from readiness_tui.core.board.file import diff_held_with_disk
    from readiness_tui.ui.screens.conflict import ConflictScreen

    editor = screen.editor
    fields = [
        f"{rec if kind == 'items' else kind + ':' + rec}.{name}: theirs {theirs!r}, mine {mine!r}"
        for kind, rec, name, theirs, mine in editor.conflicts
    ]
    # The version in memory as it is now (the segments the store holds, taken here on the UI
    # thread); the dialog compares it with the file in a thread.
    store = screen.store
    diff = partial(diff_held_with_disk, store.path, list(store.segments_now()))
    dialog = ConflictScreen(
        str(store.path), diff, missing=missing, replayable=editor.pending is not None, fields=fields
    )
    screen.app.push_screen(dialog, lambda choice: answer(screen, choice))


def answer(screen: EditingScreen, choice: str | None) -> None:
    editor = screen.editor
    if choice == "keep":
        screen.report_save(editor.keep_mine(), "kept my version")
        screen.board_loaded()
    elif choice == "reload" and editor.conflicts:
        screen.report_save(editor.take_theirs(), "took their values")
        screen.board_loaded()
    elif choice == "reload":
        res = editor.reload(reapply=True)
        screen.board_loaded()
        msg = "Reloaded the file from disk"
        if res.reapplied:
            msg += f"; re-applied {len(res.reapplied)} edit(s)"
        if res.failed:
            msg += f"; could not re-apply: {', '.join(res.failed)}"
        if res.backup:
            msg += f"; your version is in {res.backup.name}"
        screen.notify(msg, severity="warning" if res.failed else "information", timeout=10)
        if res.saved.failed:
            screen.report_save(res.saved, "re-applied edits")
    else:
        screen.notify("Your edits are kept in memory, not saved. ctrl+s tries again.", severity="warning")
        screen.refresh_panes()
