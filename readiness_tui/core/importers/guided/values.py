"""The value a corrected field takes on the board: what the import screen checks as a person types, and what a
recipe's entries are checked with on every import (one rule for both)."""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Any

from readiness_tui.core.importers.guided.recipe import FixValue
from readiness_tui.core.importers.vocabulary.dates import parse_estimate
from readiness_tui.core.model.dates import normalize_target
from readiness_tui.core.model.statuses import normalize_priority, normalize_status


def split_ids(text: str) -> list[str]:
    """The ids a person typed: ``B4, C1`` or ``B4 C1`` -> ["B4", "C1"]."""
    return [t for t in re.split(r"[\s,;]+", text) if t]


def board_value(fld: str, value: FixValue, known: Collection[str], own: str = "") -> Any:
    """The board value of one corrected field (``None``: the field is cleared); ``ValueError`` says why a value is
    refused. ``known`` are the ids a dependency or mitigation may name; ``own`` is the entry's id."""
    if fld in ("depends_on", "mitigated_by"):
        ids = value if isinstance(value, list) else split_ids(str(value))
        unknown = [i for i in ids if i not in known]
        if unknown:
            raise ValueError(f"{', '.join(map(repr, unknown))} names no item of this import")
        if own in ids:
            raise ValueError(f"{own} cannot depend on itself")
        return list(dict.fromkeys(ids))
    text = str(value).strip()
    if fld == "id":
        if not text or re.search(r"\s", text):
            raise ValueError("an id is one word: no spaces, not empty")
        if text != own and text in known:
            raise ValueError(f"{text!r} is already the id of another item")
        return text
    if fld == "title":
        if not text:
            raise ValueError("a title cannot be empty")
        return text
    if fld == "owner":
        return text
    if fld == "status":
        return normalize_status(text)
    if not text:
        return None
    if fld == "priority":
        return normalize_priority(text)
    if fld == "estimate":
        days = parse_estimate(text, default_unit="d")
        if days is None:
            raise ValueError(f"{text!r} is no estimate: write days (3, 3d), weeks (2w) or hours (4h)")
        return days
    if fld == "target":
        return normalize_target(text)
    raise ValueError(f"{fld!r} is not a field a correction sets")
