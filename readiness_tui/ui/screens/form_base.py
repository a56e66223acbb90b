"""The edit forms' common frame: labelled fields, errors under their field, ctrl+s saves, and
escape with unsaved changes asks whether to save, discard or keep editing.

A form subclass gives its rows, its starting text and ``check`` (the core's validation); the form
is dismissed with what ``check`` returned, or None when cancelled.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.markup import escape
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static, TextArea
from textual.widgets.button import ButtonVariant

from readiness_tui.ui.binding_ids import with_ids


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    #: Edited in a text area (several lines) instead of a one-line input.
    area: bool = False


def wid(key: str) -> str:
    """The widget id of a form field (``gate.verify`` -> ``f-gate-verify``)."""
    return "f-" + key.replace(".", "-")


class FormScreen(ModalScreen[Any]):
    BINDINGS = with_ids(
        "form",
        [
            Binding("ctrl+s", "save", "Save"),
            Binding("escape", "cancel", "Cancel"),
        ],
    )

    def __init__(self, title: str, values: dict[str, str], focus: str | None = None) -> None:
        super().__init__(classes="dialog")
        self.form_title = title
        self.values = values
        self.focus_field = focus
        #: The errors the last save refused, by field key, while they stand.
        self.refused: dict[str, str] = {}
        #: Buttons beside Save and Cancel: (id, label, variant); pressing one calls ``button``.
        self.extra_buttons: list[tuple[str, str, ButtonVariant]] = []

    # ------------------------------------------------------------------ what a form gives
    def rows(self) -> list[Row]:
        raise NotImplementedError

    def check(self, raw: dict[str, str]) -> tuple[Any, dict[str, str]]:
        """(the result to dismiss with, errors by field key)."""
        raise NotImplementedError

    def button(self, button_id: str) -> None:
        """An extra button was pressed."""

    # ------------------------------------------------------------------ frame
    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box dialog-wide dialog-tall", id="form-box"):
            yield Static(f"{escape(self.form_title)}  [dim]ctrl+s saves · escape cancels[/]", classes="dialog-title")
            with VerticalScroll(id="form-scroll"):
                for row in self.rows():
                    with Horizontal(classes="form-row"):
                        yield Label(row.label, classes="form-label")
                        text = self.values.get(row.key, "")
                        if row.area:
                            yield TextArea(text, id=wid(row.key), classes="form-text", soft_wrap=True)
                        else:
                            yield Input(text, id=wid(row.key), classes="form-input", compact=True)
                    yield Static("", id=wid(row.key) + "-error", classes="form-error")
            yield Static("", id="form-summary", classes="dialog-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", id="save", variant="primary")
                for button_id, label, variant in self.extra_buttons:
                    yield Button(label, id=button_id, variant=variant)
                yield Button("Cancel (esc)", id="cancel")

    def on_mount(self) -> None:
        for err in self.query(".form-error"):
            err.display = False
        self.initial = self.read()
        if self.focus_field:
            found = self.query(f"#{wid(self.focus_field)}")
            if found:
                found.first().focus()
                return
        self.query(".form-input, .form-text").first().focus()

    def read(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for row in self.rows():
            if row.area:
                out[row.key] = self.query_one(f"#{wid(row.key)}", TextArea).text
            else:
                out[row.key] = self.query_one(f"#{wid(row.key)}", Input).value
        return out

    @property
    def changed(self) -> bool:
        return self.read() != self.initial

    def action_save(self) -> None:
        result, errors = self.check(self.read())
        self.refused = dict(errors)
        for row in self.rows():
            err = self.query_one(f"#{wid(row.key)}-error", Static)
            msg = errors.get(row.key, "")
            err.update(escape(msg))
            err.display = bool(msg)
        self._show_summary()
        if errors:
            self._focus_refused()
            return
        self.dismiss(result)

    def _show_summary(self) -> None:
        errors = self.refused
        text = f"{len(errors)} field(s) need fixing: " + ", ".join(errors) if errors else ""
        self.query_one("#form-summary", Static).update(escape(text))

    def _focus_refused(self) -> None:
        """Typing after a refused save goes into a refused field: the focused one if it was
        refused, else the first refused one in the form's order."""
        focused = self.focused
        keys = [row.key for row in self.rows() if row.key in self.refused]
        if not keys or (focused is not None and focused.id in {wid(k) for k in keys}):
            return
        self.query_one(f"#{wid(keys[0])}").focus()

    @on(Input.Changed)
    @on(TextArea.Changed)
    def _edited(self, event: Input.Changed | TextArea.Changed) -> None:
        """A refused field's error goes as soon as its value passes the same check the save runs
        (new errors wait for the save: a half-typed value is not a mistake yet)."""
        widget = event.input if isinstance(event, Input.Changed) else event.text_area
        key = next((row.key for row in self.rows() if wid(row.key) == widget.id), None)
        if key is None or key not in self.refused:
            return
        _result, errors = self.check(self.read())
        if key in errors:
            return
        del self.refused[key]
        self.query_one(f"#{wid(key)}-error", Static).display = False
        self._show_summary()

    def action_cancel(self) -> None:
        if not self.changed:
            self.dismiss(None)
            return
        from readiness_tui.ui.screens.dialogs import UnsavedScreen

        def answer(choice: str | None) -> None:
            if choice == "save":
                self.action_save()
            elif choice == "discard":
                self.dismiss(None)

        self.app.push_screen(UnsavedScreen(self.form_title), answer)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_save()
        elif event.button.id == "cancel":
            self.action_cancel()
        else:
            self.button(event.button.id or "")
