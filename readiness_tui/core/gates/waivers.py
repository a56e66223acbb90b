"""Waivers: an approved exception that makes a failing gate ``waived`` until its expiry date.

Fail closed: a waiver with no expiry date (or naming no item) waives nothing, and from the expiry
date on the gate fails again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from readiness_tui.core.model.board import Board, Waiver

#: Waivers expiring within this many days are flagged.
EXPIRING_DAYS = 7


@dataclass(frozen=True)
class WaiverInfo:
    item: str
    reason: str
    approved_by: str
    expires: dt.date | None
    #: active | expired | malformed
    state: str
    days_left: int | None = None
    problem: str = ""

    @property
    def active(self) -> bool:
        return self.state == "active"

    @property
    def expiring_soon(self) -> bool:
        return self.active and self.days_left is not None and self.days_left <= EXPIRING_DAYS

    def describe(self) -> str:
        if self.state == "malformed":
            return f"waiver ignored: {self.problem}"
        if self.state == "expired":
            return f"waiver expired {self.expires}"
        soon = " (expires soon)" if self.expiring_soon else ""
        return f"waived until {self.expires}, {self.days_left} day(s) left{soon}"

    def to_json(self) -> dict[str, Any]:
        return {
            "state": self.state,
            "reason": self.reason,
            "approved_by": self.approved_by,
            "expires": self.expires.isoformat() if self.expires else None,
            "days_left": self.days_left,
            "expiring_soon": self.expiring_soon,
            **({"problem": self.problem} if self.problem else {}),
        }


def waiver_info(w: Waiver, today: dt.date) -> WaiverInfo:
    expires = w.expires
    if isinstance(expires, dt.datetime):
        expires = expires.date()
    if not isinstance(expires, dt.date):
        return WaiverInfo(w.item, w.reason, w.approved_by, None, "malformed", problem="no expiry date")
    days = (expires - today).days
    state = "active" if days > 0 else "expired"
    return WaiverInfo(w.item, w.reason, w.approved_by, expires, state, days)


def waivers_by_item(board: Board, today: dt.date) -> dict[str, WaiverInfo]:
    """The waiver that counts for each item: the active one lasting longest, else the latest
    expired or malformed one (so the UI can say why nothing is waived)."""
    rank = {"active": 2, "expired": 1, "malformed": 0}
    out: dict[str, WaiverInfo] = {}
    for w in board.waivers:
        if w.rules:
            continue  # it excuses named SARIF rules, not the gate (``checks.rule_waivers``)
        info = waiver_info(w, today)
        cur = out.get(w.item)
        if cur is None:
            out[w.item] = info
            continue
        key = (rank[info.state], info.expires or dt.date.min)
        if key > (rank[cur.state], cur.expires or dt.date.min):
            out[w.item] = info
    return out
