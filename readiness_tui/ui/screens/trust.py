"""The trust prompt: the board's verify commands, shown in full, before any of them may run."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Static

from readiness_tui.core.outputs.display import CONTROL_WARNING, has_control, printable
from readiness_tui.ui.binding_ids import with_ids
from readiness_tui.ui.screens.answer import AnswerScreen


class TrustScreen(AnswerScreen[bool]):
    """Shows every (item, command) and where they run; dismisses with True to trust, else False.

    The app records the answer: ``if await push_screen_wait(TrustScreen(...)): session.trust()``
    (or ``push_screen(TrustScreen(...), callback)``).
    """

    ANSWERS: ClassVar[dict[str, Any]] = {"yes": True, "no": False}

    DEFAULT_CSS = """
    TrustScreen { align: center middle; }
    TrustScreen > Vertical { width: 90%; max-width: 120; height: auto; max-height: 90%;
                             border: thick $warning; background: $surface; padding: 1 2; }
    TrustScreen #trust-commands { height: auto; max-height: 20; border: round $primary; }
    TrustScreen #trust-buttons { height: auto; align-horizontal: right; margin-top: 1; }
    TrustScreen Button { margin-left: 2; }
    """

    BINDINGS = with_ids(
        "trust",
        [
            Binding("escape,n", "answer(False)", "Don't trust"),
            Binding("y", "answer(True)", "Trust"),
        ],
    )

    def __init__(
        self, board_path: Path | str, root: Path | str, commands: list[tuple[str, str]], changed: bool = False
    ) -> None:
        super().__init__()
        self.board_path = str(board_path)
        self.root = str(root)
        self.commands = list(commands)
        self.changed = changed

    def compose(self) -> ComposeResult:
        with Vertical():
            head = Text()
            head.append("Trust this board's commands?\n", style="bold")
            if self.changed:
                head.append("Its commands changed since you last trusted it.\n", style="bold yellow")
            head.append(
                f"{printable(self.board_path)} asks to run {len(self.commands)} command(s) through the shell in "
            )
            head.append(printable(self.root), style="bold")
            head.append(". Only trust commands you have read.")
            yield Static(head, id="trust-head")
            body = Text()
            for item_id, cmd in self.commands:
                body.append(f"{printable(item_id)}: ", style="bold")
                body.append(printable(cmd) + "\n")
                if has_control(cmd):
                    body.append(f"  ‼ this command {CONTROL_WARNING}\n", style="bold red")
            with VerticalScroll(id="trust-commands"):
                yield Static(body, id="trust-list")
            with Horizontal(id="trust-buttons"):
                yield Button("Don't trust (n)", id="no")
                yield Button("Trust and allow (y)", id="yes", variant="warning")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()
