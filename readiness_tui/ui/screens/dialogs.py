"""Small modal dialogs: confirm, choose from a menu, prompt for one value, pick an item, unsaved changes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.markup import escape
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from readiness_tui.ui.binding_ids import with_ids
from readiness_tui.ui.screens.answer import AnswerScreen


class ConfirmScreen(AnswerScreen[bool]):
    """Yes or no. ``y``/``enter`` confirm, ``n``/``escape`` cancel."""

    ANSWERS: ClassVar[dict[str, Any]] = {"yes": True, "no": False}

    BINDINGS = with_ids(
        "confirm",
        [
            Binding("y", "answer(True)", "Yes"),
            Binding("n,escape", "answer(False)", "No"),
        ],
    )

    def __init__(self, title: str, message: str, yes: str = "Yes", no: str = "No", danger: bool = False) -> None:
        super().__init__(classes="dialog")
        self._title, self._message, self._yes, self._no, self._danger = title, message, yes, no, danger

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(self._title, classes="dialog-title")
            yield Static(self._message, classes="dialog-message")
            with Horizontal(classes="dialog-buttons"):
                yield Button(f"{self._yes} (y)", id="yes", variant="error" if self._danger else "primary")
                yield Button(f"{self._no} (n)", id="no")

    def on_mount(self) -> None:
        self.query_one("#yes", Button).focus()


class ChoiceScreen(ModalScreen[str | None]):
    """A small menu. Each choice is (value, label); the digit or letter shown selects it directly."""

    BINDINGS = with_ids(
        "choice",
        [Binding("escape", "cancel", "Cancel"), Binding("j", "down", show=False), Binding("k", "up", show=False)],
    )

    def __init__(
        self, title: str, choices: Sequence[tuple[str, str]], current: str | None = None, hotkeys: str = "123456789"
    ) -> None:
        super().__init__(classes="dialog")
        self._title = title
        self._choices = list(choices)
        self._current = current
        self._hotkeys = hotkeys

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(self._title, classes="dialog-title")
            options = []
            for n, (value, label) in enumerate(self._choices):
                key = self._hotkeys[n] if n < len(self._hotkeys) else " "
                mark = " ◀" if value == self._current else ""
                options.append(Option(f"[b]{key}[/]  {escape(label)}{mark}", id=f"choice-{n}"))
            yield OptionList(*options, id="choices")
            yield Static("[dim]enter or the key shown chooses · escape cancels[/]", classes="dialog-hint")

    def on_mount(self) -> None:
        ol = self.query_one(OptionList)
        ol.focus()
        values = [v for v, _ in self._choices]
        if self._current in values:
            ol.highlighted = values.index(self._current)

    def on_key(self, event: events.Key) -> None:
        if event.character and event.character in self._hotkeys:
            n = self._hotkeys.index(event.character)
            if n < len(self._choices):
                event.stop()
                self.dismiss(self._choices[n][0])

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self._choices[event.option_index][0])

    def action_down(self) -> None:
        self.query_one(OptionList).action_cursor_down()

    def action_up(self) -> None:
        self.query_one(OptionList).action_cursor_up()

    def action_cancel(self) -> None:
        self.dismiss(None)


class PromptScreen(ModalScreen[str | None]):
    """Ask for one value. ``validate(text)`` returns an error message or None."""

    BINDINGS = with_ids("prompt", [Binding("escape", "cancel", "Cancel")])

    def __init__(
        self,
        title: str,
        value: str = "",
        hint: str = "",
        validate: Callable[[str], str | None] | None = None,
        suggestions: Sequence[str] = (),
        placeholder: str = "",
    ) -> None:
        super().__init__(classes="dialog")
        self._title, self._value, self._hint = title, value, hint
        self._validate = validate
        self._suggestions = list(suggestions)
        self._placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(self._title, classes="dialog-title")
            suggester = SuggestFromList(self._suggestions, case_sensitive=False) if self._suggestions else None
            yield Input(self._value, placeholder=self._placeholder, suggester=suggester, id="prompt-input")
            yield Static(self._hint, classes="dialog-hint", id="prompt-hint")
            yield Static("", classes="dialog-error", id="prompt-error")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        value = event.value.strip()
        if self._validate is not None:
            error = self._validate(value)
            if error:
                self.query_one("#prompt-error", Static).update(escape(error))
                return
        self.dismiss(value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class PickItemScreen(ModalScreen[str | None]):
    """Choose an item: type to narrow the list (id or title), enter picks the highlighted one."""

    BINDINGS = with_ids(
        "pick",
        [
            Binding("escape", "cancel", "Cancel"),
            Binding("down", "move(1)", show=False),
            Binding("up", "move(-1)", show=False),
        ],
    )

    def __init__(self, title: str, items: Sequence[tuple[str, str, str]], limit: int = 200) -> None:
        """``items``: (id, status, title)."""
        super().__init__(classes="dialog")
        self._title = title
        self._items = list(items)
        self._limit = limit
        self._shown: list[str] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box dialog-tall"):
            yield Static(self._title, classes="dialog-title")
            yield Input(placeholder="type an id or words of a title", id="pick-input")
            yield OptionList(id="pick-list")
            yield Static("[dim]enter picks · escape cancels[/]", classes="dialog-hint")

    def on_mount(self) -> None:
        self._fill("")
        self.query_one(Input).focus()

    def _fill(self, text: str) -> None:
        words = text.lower().split()
        ol = self.query_one(OptionList)
        ol.clear_options()
        self._shown = []
        options = []
        # Exact id match first.
        ranked = sorted(
            (row for row in self._items if all(w in f"{row[0]} {row[2]}".lower() for w in words)),
            key=lambda r: (r[0].lower() != text.lower().strip(), not r[0].lower().startswith(text.lower().strip())),
        )
        for item_id, status, title in ranked[: self._limit]:
            self._shown.append(item_id)
            options.append(Option(escape(f"{item_id:<10} {status:<11} {title}")))
        ol.add_options(options)
        if options:
            ol.highlighted = 0

    @on(Input.Changed, "#pick-input")
    def _changed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted, "#pick-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        ol = self.query_one(OptionList)
        if ol.highlighted is not None and self._shown:
            self.dismiss(self._shown[ol.highlighted])

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self._shown[event.option_index])

    def action_move(self, delta: int) -> None:
        ol = self.query_one(OptionList)
        if delta > 0:
            ol.action_cursor_down()
        else:
            ol.action_cursor_up()

    def action_cancel(self) -> None:
        self.dismiss(None)


class UnsavedScreen(AnswerScreen[str | None]):
    """Escape on a form with changes: ``s`` save, ``d`` discard, ``k`` or escape keep editing."""

    ANSWERS: ClassVar[dict[str, Any]] = {"save": "save", "discard": "discard", "keep": "keep"}

    BINDINGS = with_ids(
        "unsaved",
        [
            Binding("s", "answer('save')", "Save"),
            Binding("d", "answer('discard')", "Discard"),
            Binding("k,escape", "answer('keep')", "Keep editing"),
        ],
    )

    def __init__(self, what: str) -> None:
        super().__init__(classes="dialog")
        self._what = what

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box", id="unsaved-box"):
            yield Static("Unsaved changes", classes="dialog-title")
            yield Static(f"{escape(self._what)} has changes that are not saved.", classes="dialog-message")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (s)", id="save", variant="primary")
                yield Button("Discard (d)", id="discard", variant="error")
                yield Button("Keep editing (k)", id="keep")

    def on_mount(self) -> None:
        self.query_one("#keep", Button).focus()
