"""Merge conflicts a git merge left in the board (``[[conflicts]]``): list them, pick a side per conflict.

Each pick calls ``core.gitmerge.resolve.resolve_conflict`` on the store (in memory). The screen
dismisses with the list of store ``Change`` records it made (empty when nothing was picked); the
caller saves the store and records the changes in the history, as for any other edit.

Open it with ``app.push_screen(ConflictsScreen(store), callback)``.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from ...core.gitmerge.resolve import conflicts, resolve_conflict
from ...core.problems import EditError
from ...core.store import BoardStore, Change


class ConflictsScreen(ModalScreen[list[Change]]):
    BINDINGS = [
        Binding("o", "take('ours')", "Take ours"),
        Binding("t", "take('theirs')", "Take theirs"),
        Binding("b", "take('base')", "Take base"),
        Binding("escape,q", "done", "Done"),
    ]

    def __init__(self, store: BoardStore) -> None:
        super().__init__(classes="dialog")
        self._store = store
        self._changes: list[Change] = []

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
        rows = conflicts(self._store)
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
        if ol.highlighted is None or not conflicts(self._store):
            return
        try:
            self._changes += resolve_conflict(self._store, ol.highlighted, side)
        except EditError as exc:
            # Shown, not swallowed: the conflict stays listed for another pick or a hand edit.
            self.query_one("#conflicts-status", Static).update(f"[b]Not applied:[/b] {exc}")
            return
        self._refresh()

    def action_done(self) -> None:
        self.dismiss(self._changes)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        bid = event.button.id or ""
        if bid == "done":
            self.action_done()
        else:
            self.action_take(bid)
