"""``n`` in any pane: the go/no-go verdict and every reason for it (``core.gonogo.evaluate``), the
same list the header counts, the report and ``check --json`` give. A reason that names an item
jumps to it (enter); the screen dismisses with that item's id."""

from __future__ import annotations

import re

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...core.gonogo import Decision
from ..binding_ids import with_ids

_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]*[A-Za-z0-9]|[A-Za-z0-9]")


def named_item(reason: str, ids: set[str]) -> str | None:
    """The first item id a reason names (None: it names none, e.g. a risk or a milestone)."""
    for word in _WORD.findall(reason):
        if word in ids:
            return word
    return None


class GoNoGoScreen(ModalScreen[str | None]):
    BINDINGS = with_ids(
        "gonogo",
        [
            Binding("enter", "jump", "Jump to the item"),
            Binding("escape,q,n", "close", "Close"),
        ],
    )

    def __init__(self, decision: Decision, ids: set[str]) -> None:
        super().__init__(classes="dialog")
        self.decision = decision
        self.targets = [named_item(r, ids) for r in decision.reasons]

    def compose(self) -> ComposeResult:
        d = self.decision
        n = len(d.reasons)
        with Vertical(classes="dialog-box dialog-wide", id="gonogo-box"):
            yield Static(
                Content.assemble(
                    f"{d.label} for {d.scope or 'the board'}  ",
                    (f"{n} reason{'s' if n != 1 else ''} · enter jumps · escape closes", "dim"),
                ),
                classes="dialog-title",
                id="gonogo-title",
            )
            yield OptionList(
                *(
                    Option(Content.assemble(reason, (f"  → {target}" if target else "", "dim")), id=str(k))
                    for k, (reason, target) in enumerate(zip(d.reasons, self.targets, strict=True))
                ),
                id="gonogo-reasons",
            )

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self._jump(event.option_index)

    def action_jump(self) -> None:
        index = self.query_one(OptionList).highlighted
        if index is not None:
            self._jump(index)

    def _jump(self, index: int) -> None:
        target = self.targets[index]
        if target is None:
            self.notify("This reason names no item.", timeout=3)
            return
        self.dismiss(target)

    def action_close(self) -> None:
        self.dismiss(None)
