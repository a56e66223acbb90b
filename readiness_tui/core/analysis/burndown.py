"""Burndown / burnup series from the audit trail and the current board.

The board is the state now; walking the history backwards (``audit.Rewinder``) gives the items as
they were at the end of each earlier day. For every day from the first record (or the board's
``scope_start``) to today: open items, open estimate-days, done items and the totals.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from readiness_tui.core import audit
from readiness_tui.core.model.board import CLOSED, Board

#: Never draw more days than this (a history years long is shown from its last year).
MAX_DAYS = 366


@dataclass
class MilestoneMark:
    id: str
    title: str
    due: dt.date


@dataclass
class BurndownSeries:
    dates: list[dt.date] = field(default_factory=list)
    open_items: list[int] = field(default_factory=list)
    open_days: list[float] = field(default_factory=list)
    done_items: list[int] = field(default_factory=list)
    total_items: list[int] = field(default_factory=list)
    milestones: list[MilestoneMark] = field(default_factory=list)

    def rows(self) -> list[dict[str, Any]]:
        return [
            {
                "date": d.isoformat(),
                "open_items": o,
                "open_days": od,
                "done_items": di,
                "total_items": t,
            }
            for d, o, od, di, t in zip(self.dates, self.open_items, self.open_days, self.done_items, self.total_items)
        ]


def _tally(items: dict[str, dict[str, Any]]) -> tuple[int, float, int, int]:
    open_n = done_n = total = 0
    open_days = 0.0
    for it in items.values():
        status = it.get("status") or "todo"
        if status == "cancelled":
            continue
        total += 1
        if status in CLOSED:
            done_n += 1
        else:
            open_n += 1
            est = it.get("estimate_days")
            if isinstance(est, (int, float)):
                open_days += float(est)
    return open_n, round(open_days, 3), done_n, total


def series(
    board: Board,
    records: list[audit.Record] | None = None,
    history: Path | str | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> BurndownSeries:
    """Daily burndown from ``start`` (default: first record or ``scope_start``) to ``end`` (today).

    Cancelled items are left out of every count. Give ``records`` or a board/history path.
    """
    if records is None:
        records = audit.read(history) if history is not None else []
    end = end or board.today()
    if start is None:
        candidates = [r.local_date for r in records if r.type == "change"]
        if board.board.scope_start:
            candidates.append(board.board.scope_start)
        start = min(candidates) if candidates else end
    start = min(start, end)
    if (end - start).days >= MAX_DAYS:
        start = end - dt.timedelta(days=MAX_DAYS - 1)
    rew = audit.Rewinder(board, records, fields=("status", "estimate_days"))  # what ``_tally`` reads
    out = BurndownSeries()
    day = end
    points = []
    while day >= start:
        points.append((day, _tally(rew.state_after(day))))
        day -= dt.timedelta(days=1)
    for day, (o, od, d, t) in reversed(points):
        out.dates.append(day)
        out.open_items.append(o)
        out.open_days.append(od)
        out.done_items.append(d)
        out.total_items.append(t)
    for m in board.milestones:
        if m.due_date is not None:
            out.milestones.append(MilestoneMark(m.id, m.title, m.due_date))
    return out
