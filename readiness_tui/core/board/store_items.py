"""Edits of items: their fields, their dependencies, a new item.

Each edit changes the board's text (the item's segment, through ``BoardText``) and its model
together, and refuses what would not validate, putting the segment back as it was. ``BoardStore``
calls these after checking that the board is editable and finding the item (``k``: its row), and
re-indexes after them (``path``/``name``: its file and the name its messages use).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from readiness_tui.core.board.parse import fold_aliases, validation_message
from readiness_tui.core.board.text import BoardText
from readiness_tui.core.board.toml_edit import Mutation, list_setter, render_record, setter
from readiness_tui.core.model.board import Board, Item
from readiness_tui.core.model.problems import EditError
from readiness_tui.core.model.records import Change, field_changes


def validate_item(board: Board, raw: Mapping[str, Any], key: str, path: Path | None) -> Item:
    """``raw`` as an item of ``board`` (its status aliases folded), or an ``EditError`` naming ``key``."""
    try:
        return Item.model_validate(fold_aliases(dict(raw), board))
    except ValidationError as exc:
        raise EditError(validation_message(exc, key), path) from None


def edit_item(board: Board, text: BoardText, k: int, mutate: Mutation, path: Path | None, name: str) -> Item:
    """Apply ``mutate`` to item ``k``'s table and take the result as that item."""
    seg_index = text.arrays["items"][k]
    before = text.segments[seg_index]
    raw = text.edit_segment(seg_index, "items", mutate, name)
    try:
        item = validate_item(board, raw, str(raw.get("id", "?")), path)
    except EditError:
        text.put(seg_index, before)
        raise
    board.items[k] = item
    return item


def set_item_fields(
    board: Board, text: BoardText, k: int, values: Mapping[str, Any], path: Path | None, name: str
) -> list[Change]:
    """Set fields of item ``k`` (``gate.verify`` reaches into sub-tables; ``None`` removes a key)."""
    old = board.items[k]
    before = old.model_dump(mode="json")
    new = edit_item(board, text, k, setter(values), path, name)
    return field_changes(old.id, values, before, new.model_dump(mode="json"), "items")


def set_item_dependencies(
    board: Board, text: BoardText, k: int, deps: list[str], path: Path | None, name: str
) -> list[Change]:
    """Make ``deps`` item ``k``'s whole ``depends_on`` (the caller has refused a cycle)."""
    old = board.items[k]
    edit_item(board, text, k, list_setter("depends_on", deps), path, name)
    return [Change(old.id, "depends_on", list(old.depends_on), deps)]


def add_item(
    board: Board,
    text: BoardText,
    index: Mapping[str, int],
    values: Mapping[str, Any],
    after: str | None,
    path: Path | None,
) -> Change:
    """Insert a new item after ``after`` when given, else after the last item (``index``: row by id)."""
    values = {k: v for k, v in values.items() if v is not None and v != [] and v != ""}
    item_id = str(values.get("id", "")).strip()
    if not item_id:
        raise EditError("a new item needs an id", path)
    if item_id in index:
        raise EditError(f"an item {item_id!r} already exists", path)
    for dep in values.get("depends_on", []):
        if dep not in index:
            raise EditError(f"no item {dep!r} to depend on", path)
    item = validate_item(board, values, item_id, path)
    if after is not None:
        if after not in index:
            raise EditError(f"no item {after!r}", path)
        k = index[after] + 1
    else:
        k = len(board.items)
    text.insert_record("items", k, render_record("items", values))
    board.items.insert(k, item)
    return Change(item_id, "*", None, item.model_dump(mode="json", exclude_defaults=True))
