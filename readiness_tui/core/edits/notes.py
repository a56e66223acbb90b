"""Progress notes: a dated ``[[progress]]`` record about an item, added the same way by
``readiness note``, the app's ``N`` and anything else that edits through the editor."""

from __future__ import annotations

from typing import Any

from readiness_tui.core.edits.editor import EditController, EditResult
from readiness_tui.core.edits.fields import parse_field
from readiness_tui.core.model.board import Board


class EmptyNote(ValueError):
    """A note with no text: refused (exit 1), not unreadable."""


def note_values(board: Board, item_id: str, text: str, status: str | None = None) -> dict[str, Any]:
    """The record of a note on ``item_id`` dated today; ``status`` (what the note reports, an alias
    read as ``set`` reads it) defaults to the item's. ``ValueError``: no such item, an empty note
    (it would record nothing), a status that cannot be read."""
    item = next((it for it in board.items if it.id == item_id), None)
    if item is None:
        raise ValueError(f"no item {item_id!r} on the board")
    text = text.strip()
    if not text:
        raise EmptyNote(f"{item_id}: a note needs text; an empty note is refused")
    said = parse_field("status", status, board.board.status_aliases) if status else item.status
    return {"date": board.today(), "item": item_id, "status": said, "text": text}


def add_note(editor: EditController, values: dict[str, Any]) -> EditResult:
    """Add the note ``note_values`` made, through the one write path."""
    item_id = values["item"]
    return editor.apply(f"{item_id}: note", lambda s: s.add_record("progress", values), focus=item_id)
