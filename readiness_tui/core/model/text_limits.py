"""How long a text field of a record may be, said once for every writer (the app's forms, ``set``,
``add``, ``note``, MCP): the store refuses a longer value with a message naming the field.

A board is read by people and shown in a terminal: a 2 MB title is a mistake or an attack, never a
plan. Boards already holding longer text still read; only edits are refused.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from readiness_tui.core.model.problems import EditError

#: Short one-line names: titles, owners, ids.
TITLE_MAX = 200
#: Prose: descriptions, notes, progress notes, acceptance, reasons, verify commands.
TEXT_MAX = 10_000
#: Fields held to ``TITLE_MAX``; every other text field is held to ``TEXT_MAX``.
SHORT_FIELDS = frozenset({"title", "name", "owner", "approved_by", "id", "item", "stream", "phase", "milestone"})


def limit_of(field: str) -> int:
    """The most characters ``field`` (``gate.verify`` -> ``verify``) may hold."""
    return TITLE_MAX if field.rsplit(".", 1)[-1] in SHORT_FIELDS else TEXT_MAX


def too_long(field: str, value: Any) -> str:
    """Why ``value`` is too long for ``field`` ("" when it is not); lists are checked per entry."""
    limit = limit_of(field)
    for text in value if isinstance(value, (list, tuple)) else [value]:
        if isinstance(text, str) and len(text) > limit:
            return f"{field}: {len(text):,} characters, more than the {limit:,} allowed"
    return ""


def check_text_limits(values: Mapping[str, Any], path: Path | None = None, where: str = "") -> None:
    """Raise ``EditError`` naming the first field of ``values`` whose text is over its limit."""
    for name, value in values.items():
        if isinstance(value, Mapping):  # a sub-table (gate = {verify = ...})
            check_text_limits({f"{name}.{k}": v for k, v in value.items()}, path, where)
            continue
        why = too_long(str(name), value)
        if why:
            raise EditError(f"{where}{why}; nothing was written", path)
