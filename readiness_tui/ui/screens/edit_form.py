"""The item form: every editable field of one item (or a new one), checked before anything is saved.

``ctrl+s`` (or the Save button) validates; errors appear under their field and nothing is written;
escape with unsaved changes asks. The result is the dict of changed values (``None`` removes a
key) for ``BoardStore.set_fields``, or for a new item the values for ``BoardStore.add_item``.
"""

from __future__ import annotations

from typing import Any

from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.edits.itemform import AREA_FIELDS, FORM_FIELDS, form_values, validate_form
from readiness_tui.ui.screens.form_base import FormScreen, Row


class EditItemScreen(FormScreen):
    def __init__(
        self, store: BoardStore, item_id: str | None, initial: dict[str, str] | None = None, focus: str | None = None
    ) -> None:
        scoring = store.board.board.scoring
        factor_keys = [f.key for f in scoring.factors] if scoring and scoring.factors else []
        item = store.item(item_id) if item_id else None
        values = form_values(item, factor_keys)
        if initial:
            values.update(initial)
        super().__init__(f"Edit {item_id}" if item_id else "New item", values, focus)
        self.store = store
        self.item_id = item_id
        self.factor_keys = factor_keys

    def rows(self) -> list[Row]:
        out = []
        scoring = self.store.board.board.scoring
        for key, label in FORM_FIELDS:
            if key == "id" and self.item_id is not None:
                continue
            if key == "score" and scoring and self.factor_keys:
                for f in scoring.factors:
                    out.append(Row(f"factor.{f.key}", f"Score: {f.name or f.key} ({scoring.min}-{scoring.max})"))
                continue
            out.append(Row(key, label, key in AREA_FIELDS))
        return out

    def check(self, raw: dict[str, str]) -> tuple[dict[str, Any], dict[str, str]]:
        return validate_form(self.store, self.item_id, raw)
