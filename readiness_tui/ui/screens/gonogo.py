"""``n`` in any pane: the go/no-go verdict and every reason for it (``core.gonogo.evaluate``), the
same list the header counts, the report and ``check --json`` give. A reason that names an item
jumps to it (enter); the screen dismisses with that item's id.

The list is live: while it is open, the go/no-go slot hands it each new verdict (gate results
arriving, a reload), and a line under the title says what changed, so a lead never acts on the
reasons from when ``n`` was pressed."""

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

from readiness_tui.core.analysis.gonogo import Decision
from readiness_tui.ui.binding_ids import with_ids

_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]*[A-Za-z0-9]|[A-Za-z0-9]")


def named_item(reason: str, ids: set[str]) -> str | None:
    """The first item id a reason names (None: it names none, e.g. a risk or a milestone)."""
    for word in _WORD.findall(reason):
        if word in ids:
            return word
    return None


def change_line(before: Decision, now: Decision) -> str:
    """``Updated since opened: was NO-GO with 5 reasons; 2 gone; 1 new.``"""
    gone = len(set(before.reasons) - set(now.reasons))
    new = len(set(now.reasons) - set(before.reasons))
    n = len(before.reasons)
    parts = [f"Updated since opened: was {before.label} with {n} reason{'s' if n != 1 else ''}"]
    if gone:
        parts.append(f"{gone} gone")
    if new:
        parts.append(f"{new} new")
    return "; ".join(parts) + "."


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
        #: The verdict as first shown: what "new" and the change line compare with.
        self.opened: Decision | None = None
        #: What the line under the title says of the verdict's changes (None: it changed never).
        self._changed: Content | None = None
        #: That line says the verdict is not current (an evaluation failed).
        self._stale = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box dialog-wide", id="gonogo-box"):
            yield Static(self._title(), classes="dialog-title", id="gonogo-title")
            # Shown once the verdict changed while open.
            yield Static("", id="gonogo-change").set_styles("display: none;")
            yield OptionList(*self._options(), id="gonogo-reasons")

    def _title(self) -> Content:
        d = self.decision
        n = len(d.reasons)
        return Content.assemble(
            f"{d.label} for {d.scope or 'the board'}  ",
            (f"{n} reason{'s' if n != 1 else ''} · live · enter jumps · escape closes", "dim"),
        )

    def _options(self) -> list[Option]:
        seen = set(self.opened.reasons) if self.opened is not None else None
        pairs = zip(self.decision.reasons, self.targets, strict=True)
        return [
            Option(
                Content.assemble(
                    reason,
                    (f"  → {target}" if target else "", "dim"),
                    ("  new" if seen is not None and reason not in seen else "", "bold"),
                ),
                id=str(k),
            )
            for k, (reason, target) in enumerate(pairs)
        ]

    def show(self, decision: Decision, ids: set[str]) -> None:
        """A new verdict while open: the list, the title and a line saying what changed; the
        highlight stays on the same reason when it is still there."""
        if decision == self.decision:
            if self._stale:  # evaluated again after a failure: what is shown is current again
                self._show_change()
            return
        before = self.decision
        if not self.is_mounted:  # pushed, not composed yet: compose shows it
            self.decision, self.targets = decision, [named_item(r, ids) for r in decision.reasons]
            return
        reasons = self.query_one(OptionList)
        index = reasons.highlighted
        kept = before.reasons[index] if index is not None and index < len(before.reasons) else None
        kept_item = self.targets[index] if index is not None and index < len(self.targets) else None
        self.decision = decision
        self.targets = [named_item(r, ids) for r in decision.reasons]
        reasons.clear_options()
        reasons.add_options(self._options())
        if decision.reasons:
            reasons.highlighted = self._same_place(kept, kept_item, index or 0)
        self.query_one("#gonogo-title", Static).update(self._title())
        if self.opened is not None:
            self._changed = Content.styled(change_line(self.opened, decision), "italic")
        self._show_change()

    def _show_change(self) -> None:
        """The line under the title: what changed since the list was opened (no line before)."""
        self._stale = False
        if self._changed is not None:
            self._note(self._changed)
        else:
            self.query_one("#gonogo-change", Static).display = False

    def _same_place(self, reason: str | None, item: str | None, index: int) -> int:
        """Where the highlight goes in a new list: the same reason, else one about the same
        item, else the same row (or the last)."""
        if reason in self.decision.reasons:
            return self.decision.reasons.index(reason)
        if item is not None and item in self.targets:
            return self.targets.index(item)
        return min(index, len(self.decision.reasons) - 1)

    def stale(self, why: str) -> None:
        """The verdict could not be re-evaluated: say so, keeping the last one on screen."""
        if not self.is_mounted:
            return
        note = f"Not current: {why}. Showing the last verdict."
        self._note(Content.styled(note, "bold"))
        self._stale = True

    def _note(self, text: Content) -> None:
        line = self.query_one("#gonogo-change", Static)
        line.update(text)
        line.display = True

    def on_mount(self) -> None:
        self.opened = self.decision
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
