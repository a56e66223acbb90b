"""The item form: every editable field of one item (or a new one), checked before anything is saved.

``ctrl+s`` (or the Save button) validates; errors appear under their field and nothing is written.
The result is the dict of changed values (``None`` removes a key) for ``BoardStore.set_fields``, or
for a new item the values for ``BoardStore.add_item``.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.markup import escape
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static, TextArea

from ...core.itemform import FORM_FIELDS, TEXT_FIELDS, form_values, validate_form
from ...core.store import BoardStore
from ..binding_ids import with_ids


def _wid(key: str) -> str:
    return "f-" + key.replace(".", "-")


class EditItemScreen(ModalScreen[dict | None]):
    BINDINGS = with_ids(
        "form",
        [
            Binding("ctrl+s", "save", "Save"),
            Binding("escape", "cancel", "Cancel"),
        ],
    )

    def __init__(
        self, store: BoardStore, item_id: str | None, initial: dict[str, str] | None = None, focus: str | None = None
    ) -> None:
        super().__init__(classes="dialog")
        self.store = store
        self.item_id = item_id
        scoring = store.board.board.scoring
        self.factor_keys = [f.key for f in scoring.factors] if scoring and scoring.factors else []
        item = store.item(item_id) if item_id else None
        self.values = form_values(item, self.factor_keys)
        if initial:
            self.values.update(initial)
        self.focus_field = focus

    def _fields(self) -> list[tuple[str, str]]:
        out = []
        scoring = self.store.board.board.scoring
        for key, label in FORM_FIELDS:
            if key == "id" and self.item_id is not None:
                continue
            if key == "score" and self.factor_keys:
                for f in scoring.factors:  # type: ignore[union-attr]
                    out.append((f"factor.{f.key}", f"Score: {f.name or f.key} ({scoring.min}-{scoring.max})"))  # type: ignore[union-attr]
                continue
            out.append((key, label))
        return out

    def compose(self) -> ComposeResult:
        title = f"Edit {self.item_id}" if self.item_id else "New item"
        with Vertical(classes="dialog-box dialog-wide dialog-tall", id="form-box"):
            yield Static(f"{escape(title)}  [dim]ctrl+s saves · escape cancels[/]", classes="dialog-title")
            with VerticalScroll(id="form-scroll"):
                for key, label in self._fields():
                    with Horizontal(classes="form-row"):
                        yield Label(label, classes="form-label")
                        if key in TEXT_FIELDS:
                            yield TextArea(self.values.get(key, ""), id=_wid(key), classes="form-text", soft_wrap=True)
                        else:
                            yield Input(self.values.get(key, ""), id=_wid(key), classes="form-input", compact=True)
                    yield Static("", id=_wid(key) + "-error", classes="form-error")
            yield Static("", id="form-summary", classes="dialog-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", id="save", variant="primary")
                yield Button("Cancel (esc)", id="cancel")

    def on_mount(self) -> None:
        for err in self.query(".form-error"):
            err.display = False
        target = _wid(self.focus_field) if self.focus_field else None
        if target:
            try:
                self.query_one(f"#{target}").focus()
                return
            except Exception:  # noqa: BLE001
                pass
        self.query(".form-input").first().focus()

    def read(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for key, _ in self._fields():
            w = self.query_one(f"#{_wid(key)}")
            out[key] = w.text if isinstance(w, TextArea) else w.value  # type: ignore[attr-defined]
        return out

    def action_save(self) -> None:
        values, errors = validate_form(self.store, self.item_id, self.read())
        for key, _ in self._fields():
            err = self.query_one(f"#{_wid(key)}-error", Static)
            msg = errors.get(key, "")
            err.update(escape(msg))
            err.display = bool(msg)
        summary = self.query_one("#form-summary", Static)
        if errors:
            summary.update(f"{len(errors)} field(s) need fixing: " + ", ".join(errors))
            first = next(iter(errors))
            self.query_one(f"#{_wid(first)}").focus()
            return
        self.dismiss(values)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)
