"""Two writers' changes to one board, field by field: what merges, what conflicts.

A change names a record (kind and id) and a field. Changes to different records or fields merge.
The same field changed by both sides to different values is a conflict, and so is a record one
side removed or added while the other edited it. List fields (``depends_on``, ``tags`` ...) merge
as sets: what either side added is kept, what either side removed is gone.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from readiness_tui.core.model.records import Change

FieldKey = tuple[str, str, str]  # (kind, record id, field)


@dataclass(frozen=True)
class FieldClash:
    kind: str
    record: str
    field: str
    theirs: Any
    mine: Any

    def describe(self) -> str:
        where = self.record if self.kind == "items" else f"{self.kind}:{self.record}"
        if self.field == "*":
            return f"{where}: {_whole(self.theirs, 'they')} while {_whole(self.mine, 'you')}"
        return f"{where}.{self.field}: changed on disk to {self.theirs!r} while you set {self.mine!r}"


def _whole(value: Any, who: str) -> str:
    return f"{who} removed the record" if value is None else f"{who} changed the whole record"


def merge_list(base: list[Any], mine: list[Any], theirs: list[Any]) -> list[Any]:
    """Three-way merge of a list as a set, in the order theirs, then what only mine added."""
    removed = {repr(v) for v in base if v not in mine}
    out = [v for v in theirs if repr(v) not in removed]
    out += [v for v in mine if v not in base and v not in out]
    return out


def _is_list(*values: Any) -> bool:
    return all(v is None or isinstance(v, list) for v in values) and any(isinstance(v, list) for v in values)


def compare(mine: list[Change], theirs: list[Change]) -> tuple[list[FieldClash], dict[FieldKey, list[Any]]]:
    """(conflicts, list fields both sides changed with their merged value)."""
    their_new: dict[FieldKey, Any] = {}
    their_whole: dict[tuple[str, str], Any] = {}
    touched: set[tuple[str, str]] = set()
    for c in theirs:
        their_new[(c.kind, c.item, c.field)] = c.new
        touched.add((c.kind, c.item))
        if c.field == "*":
            their_whole[(c.kind, c.item)] = c.new
    clashes: list[FieldClash] = []
    lists: dict[FieldKey, list[Any]] = {}
    for c in mine:
        record = (c.kind, c.item)
        key = (c.kind, c.item, c.field)
        if c.field == "*":
            if record in touched and their_whole.get(record, object()) != c.new:
                clashes.append(FieldClash(c.kind, c.item, "*", their_whole.get(record, "edited"), c.new))
            continue
        if record in their_whole:
            clashes.append(FieldClash(c.kind, c.item, "*", their_whole[record], c.new))
            continue
        if key not in their_new or their_new[key] == c.new:
            continue
        theirs_value = their_new[key]
        if _is_list(c.old, c.new, theirs_value):
            lists[key] = merge_list(list(c.old or []), list(c.new or []), list(theirs_value or []))
            continue
        clashes.append(FieldClash(c.kind, c.item, c.field, theirs_value, c.new))
    return clashes, lists
