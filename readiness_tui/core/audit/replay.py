"""Reading the history back over time: the last standup, changes since a day, items as they were."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from readiness_tui.core.audit.chain import Record, read
from readiness_tui.core.model.board import Board


def last_standup(path: Path | str) -> dt.datetime | None:
    """When the latest standup was recorded, or None."""
    when = None
    for rec in read(path):
        if rec.type == "standup":
            when = rec.ts
    return when


def changes_since(path: Path | str, when: dt.datetime | dt.date | None) -> list[Record]:
    """Change records at or after ``when`` (a date means from its local midnight; None: all)."""
    recs = [r for r in read(path) if r.type == "change"]
    if when is None:
        return recs
    if isinstance(when, dt.datetime):
        w = when if when.tzinfo else when.astimezone()
        return [r for r in recs if r.ts >= w]
    return [r for r in recs if r.local_date >= when]


class Rewinder:
    """The items of a board as they were at earlier times, undoing history records backwards.

    Only item records are undone (that is what burndown and the weekly update need). Call
    ``state_after(day)`` with days in decreasing order: each call undoes the records written after
    that (local) day and returns ``{id: item dict}`` for the end of that day.
    """

    def __init__(self, board: Board, records: list[Record], fields: tuple[str, ...] | None = None):
        # ``fields``: only these of each item (besides its id), for a reader that needs no more:
        # the burndown reads two fields of each item, and dumping every field costs more.
        # Their values are already what a JSON dump gives (a status, a number).
        if fields is None:
            self.items: dict[str, dict[str, Any]] = {it.id: it.model_dump(mode="json") for it in board.items}
        else:
            names = ("id", *fields)
            self.items = {it.id: {f: getattr(it, f) for f in names} for it in board.items}
        self._pending = [r for r in records if r.type == "change" and r.kind == "items" and r.item]
        self._pending.sort(key=lambda r: (r.local_date, r.ts, r.line))

    def state_after(self, day: dt.date) -> dict[str, dict[str, Any]]:
        while self._pending and self._pending[-1].local_date > day:
            self._undo(self._pending.pop())
        return self.items

    def state_before(self, when: dt.datetime) -> dict[str, dict[str, Any]]:
        while self._pending and self._pending[-1].ts >= when:
            self._undo(self._pending.pop())
        return self.items

    def _undo(self, r: Record) -> None:
        item = str(r.item)
        if r.field == "*":
            if r.old is None:
                self.items.pop(item, None)
            elif isinstance(r.old, dict):
                self.items[item] = {"id": item, **r.old}
            return
        if r.field == "id":  # a rename: the record names the new id
            cur = self.items.pop(str(r.new), None) or self.items.pop(item, None)
            if cur is not None:
                cur["id"] = r.old
                self.items[str(r.old)] = cur
            return
        cur = self.items.get(item)
        if cur is None or not r.field:
            return
        cur = self.items[item] = dict(cur)
        parts = r.field.split(".")
        target = cur
        for p in parts[:-1]:
            sub = target.get(p)
            sub = dict(sub) if isinstance(sub, dict) else {}
            target[p] = sub
            target = sub
        target[parts[-1]] = r.old
