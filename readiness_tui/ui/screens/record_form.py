"""The form for a risk, phase, milestone, waiver or deliverable (a new one, or one on the board).

Fields, readers and rules are the core's (``core.recordform``), the same ``readiness set`` uses.
It is dismissed with a ``RecordEdit``: the values to write, or ``remove`` (the Remove button; for
a waiver, Revoke), or None when cancelled.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from textual.app import App

from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.edits.record_edits import RecordRef
from readiness_tui.core.edits.record_fields import KIND_NAMES
from readiness_tui.core.edits.recordform import AREA_SHAPES, form_fields, record_values, validate_record
from readiness_tui.ui.screens.form_base import FormScreen, Row


@dataclass(frozen=True)
class RecordEdit:
    values: dict[str, Any] = field(default_factory=dict)
    remove: bool = False


class RecordFormScreen(FormScreen):
    def __init__(
        self,
        store: BoardStore,
        kind: str,
        ref: RecordRef | None,
        initial: dict[str, str] | None = None,
        focus: str | None = None,
    ) -> None:
        values = record_values(store, kind, ref)
        if initial:
            values.update(initial)
        name = KIND_NAMES[kind]
        super().__init__(f"Edit {name} {ref.key}" if ref else f"New {name}", values, focus)
        self.store, self.kind, self.ref = store, kind, ref
        if ref is not None:
            label = "Revoke" if kind == "waivers" else "Remove"
            self.extra_buttons.append(("remove", f"{label}…", "error"))

    def rows(self) -> list[Row]:
        return [Row(s.name, s.label, s.shape in AREA_SHAPES) for s in form_fields(self.kind, self.ref is not None)]

    def check(self, raw: dict[str, str]) -> tuple[RecordEdit, dict[str, str]]:
        values, errors = validate_record(self.store, self.kind, self.ref, raw)
        return RecordEdit(values), errors

    def button(self, button_id: str) -> None:
        if button_id == "remove" and self.ref is not None:
            ask_remove(self.app, self.ref, lambda: self.dismiss(RecordEdit(remove=True)))


def ask_remove(app: App[Any], ref: RecordRef, then: Callable[[], object]) -> None:
    """Ask before removing (revoking) a record; ``then`` runs on yes."""
    from readiness_tui.ui.screens.dialogs import ConfirmScreen

    verb = "Revoke" if ref.kind == "waivers" else "Remove"
    what = f"{KIND_NAMES[ref.kind]} {ref.key}"
    message = f"{verb} {what}? The history keeps it, and u undoes it."
    screen = ConfirmScreen(f"{verb} {what}", message, yes=verb, no="Keep", danger=True)

    def answered(ok: bool | None) -> None:
        if ok:
            then()

    app.push_screen(screen, answered)
