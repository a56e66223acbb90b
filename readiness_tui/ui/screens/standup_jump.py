"""The standup's jump list: pick a slide by name (``j``)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from readiness_tui.ui.binding_ids import with_ids


class JumpScreen(ModalScreen[str | None]):
    """Pick a slide by name."""

    DEFAULT_CSS = """
    JumpScreen { align: center middle; }
    JumpScreen > Vertical { width: 50; height: auto; max-height: 80%; border: thick $primary; background: $surface; }
    JumpScreen Static { padding: 0 1; text-style: bold; }
    JumpScreen OptionList { height: auto; max-height: 20; border: none; }
    """
    BINDINGS = with_ids("standup.jump", [Binding("escape", "cancel", "Cancel")])

    def __init__(self, choices: list[tuple[str, str]], current: str) -> None:
        super().__init__()
        self.choices = choices
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Jump to")
            yield OptionList(*[Option(label, id=key) for key, label in self.choices], id="jump-list")

    def on_mount(self) -> None:
        ol = self.query_one(OptionList)
        keys = [k for k, _ in self.choices]
        if self.current in keys:
            ol.highlighted = keys.index(self.current)
        ol.focus()

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
