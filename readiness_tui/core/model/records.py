"""The record kinds a board holds, and the Change record every edit reports to the audit trail."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from readiness_tui.core.model.board import (
    Deliverable,
    Item,
    MergeConflict,
    Milestone,
    Phase,
    Progress,
    Risk,
    Section,
    Waiver,
)
from readiness_tui.core.model.record_base import Record

#: Arrays of tables the store knows, with the model of one row.
RECORD_MODELS: dict[str, type[Record]] = {
    "items": Item,
    "risks": Risk,
    "phases": Phase,
    "milestones": Milestone,
    "waivers": Waiver,
    "deliverables": Deliverable,
    "progress": Progress,
    "sections": Section,
    "conflicts": MergeConflict,
}
#: The key that identifies a row of each array, where it has one.
RECORD_KEYS: dict[str, str] = {"items": "id", "risks": "id", "phases": "id", "milestones": "id"}
#: Where new keys go when an item is written from scratch: the order a person would read them in.
ITEM_KEY_ORDER = (
    "id",
    "title",
    "kind",
    "parent",
    "status",
    "priority",
    "score",
    "score_factors",
    "owner",
    "role",
    "contributors",
    "workstream",
    "estimate_days",
    "target",
    "phase",
    "milestone",
    "depends_on",
    "soft_depends_on",
    "dependency_note",
    "description",
    "inputs",
    "outputs",
    "deliverables",
    "acceptance",
    "source_refs",
    "links",
    "tags",
    "notes",
    "custom",
    "gate",
)


@dataclass(frozen=True)
class Change:
    """One field of one record changed: what the audit trail records."""

    item: str
    field: str
    old: Any
    new: Any
    kind: str = "items"


def dig(data: Mapping[str, Any], dotted: str) -> Any:
    """The value at a dotted path of nested mappings (None where the path stops)."""
    cur: Any = data
    for key in dotted.split("."):
        if not isinstance(cur, Mapping):
            return None
        cur = cur.get(key)
    return cur


def field_changes(
    key: str, fields: Iterable[str], before: Mapping[str, Any], after: Mapping[str, Any], kind: str
) -> list[Change]:
    """A Change for each dotted field whose value differs between two dumps of a record."""
    out = []
    for f in fields:
        old, new = dig(before, f), dig(after, f)
        if old != new:
            out.append(Change(key, f, old, new, kind=kind))
    return out
