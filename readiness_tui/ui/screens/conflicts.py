"""Merge conflicts a git merge left in the board (``[[conflicts]]``): list them, pick a side per conflict.

Each pick is an edit through the app's ``EditController``: ``core.gitmerge.resolve.resolve_conflict``
applied by ``editor.apply``, so it is saved through the one write path, recorded in the history and
undoable like any other edit. The screen dismisses with the number of conflicts it resolved; the
caller refreshes its panes when that is non-zero.

Open it with ``app.push_screen(ConflictsScreen(editor), callback)``.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from readiness_tui.core.edits.editor import EditController
from readiness_tui.core.gitmerge.resolve import conflicts, resolve_conflict
from readiness_tui.ui.binding_ids import with_ids


class ConflictsScreen(ModalScreen[int]):
    BINDINGS = with_ids(
        "conflicts",
        [
            Binding("o", "take('ours')", "Take ours"),
            Binding("t", "take('theirs')", "Take theirs"),
            Binding("b", "take('base')", "Take base"),
            Binding("escape,q", "done", "Done"),
        ],
    )

    def __init__(self, editor: EditController) -> None:
        super().__init__(classes="dialog")
        self._editor = editor
        self._resolved = 0

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box dialog-wide", id="conflicts-box"):
            yield Static("Merge conflicts", classes="dialog-title")
            yield Static(
                "Both branches changed these fields differently. Pick the value to keep for each: "
                "o ours, t theirs, b the value before both.",
                classes="dialog-message",
            )
            yield OptionList(id="conflicts-list")
            yield Static("", id="conflicts-status")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Ours (o)", id="ours", variant="primary")
                yield Button("Theirs (t)", id="theirs")
                yield Button("Base (b)", id="base")
                yield Button("Done (esc)", id="done")

    def on_mount(self) -> None:
        self._refresh()
        self.query_one(OptionList).focus()

    def _refresh(self) -> None:
        rows = conflicts(self._editor.store)
        ol = self.query_one(OptionList)
        keep = ol.highlighted or 0
        ol.clear_options()
        ol.add_options([Option(f"{n}. {c.describe()}", id=str(n - 1)) for n, c in enumerate(rows, 1)])
        if rows:
            ol.highlighted = min(keep, len(rows) - 1)
        self.query_one("#conflicts-status", Static).update(
            f"{len(rows)} conflict(s) left" if rows else "No conflicts left: esc to save and close"
        )

    def action_take(self, side: str) -> None:
        ol = self.query_one(OptionList)
        n = ol.highlighted
        if n is None or not conflicts(self._editor.store):
            return
        result = self._editor.apply(f"resolve conflict {n + 1}", lambda s: resolve_conflict(s, n, side))
        if result.error:
            # Shown, not swallowed: the conflict stays listed for another pick or a hand edit.
            self.query_one("#conflicts-status", Static).update(f"Not applied: {result.error}")
            return
        self._resolved += 1
        self._refresh()
        if result.saved.failed:
            self.query_one("#conflicts-status", Static).update(
                f"Picked, but not saved ({result.saved}): {self._editor.last_save_error}"
            )

    def action_done(self) -> None:
        self.dismiss(self._resolved)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        bid = event.button.id or ""
        if bid == "done":
            self.action_done()
        else:
            self.action_take(bid)
