"""Readiness levels: a board names its levels, lowest first (``[board] levels = ["bronze",
"silver", "gold"]``), and each gate the level it counts for (``[items.gate] level``). The board
reaches a level when every gate of that level and of every level below it passes or is validly
waived (fail closed: a gate that errors, is stale, untrusted, running or never checked holds it
back). A gate naming a level the board does not declare holds back every level, since nobody
can tell where it belongs.

One rule for the header, the gates pane, the report, ``check --json``, the HTML page, the standup
and ``[board.go_no_go] require_level``: ``board_level``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from readiness_tui.core.gates.waivers import waivers_by_item
from readiness_tui.core.model.board import Board

OK = frozenset({"pass", "waived"})


@dataclass(frozen=True)
class Blocker:
    """A gate that stands between the board and a level."""

    item_id: str
    level: str
    status: str
    reason: str

    def describe(self) -> str:
        return f"{self.item_id} {self.status}" + (f": {self.reason}" if self.reason else "")

    def to_json(self) -> dict[str, Any]:
        return {"id": self.item_id, "level": self.level, "status": self.status, "reason": self.reason}


@dataclass
class LevelSummary:
    levels: list[str]
    #: The highest level reached, or None (not even the lowest).
    reached: str | None
    #: The level after ``reached``, or None at the top (or with no levels).
    next: str | None
    #: The gates that keep the board from ``next``, lowest level first.
    blocking: list[Blocker] = field(default_factory=list)
    #: level -> (gates passing or waived, gates) of that level alone.
    counts: dict[str, tuple[int, int]] = field(default_factory=dict)
    #: Gates naming a level the board does not declare.
    unknown: list[Blocker] = field(default_factory=list)
    #: level -> its gates that neither pass nor are waived.
    failing: dict[str, list[Blocker]] = field(default_factory=dict)

    @property
    def declared(self) -> bool:
        return bool(self.levels)

    def reaches(self, level: str) -> bool:
        if self.reached is None or level not in self.levels:
            return False
        return self.levels.index(self.reached) >= self.levels.index(level)

    def blockers_up_to(self, level: str) -> list[Blocker]:
        """The gates between the board and ``level``: those of it and below that do not pass,
        and any naming an unknown level."""
        if level not in self.levels:
            return list(self.unknown)
        out = list(self.unknown)
        for name in self.levels[: self.levels.index(level) + 1]:
            out += self.failing.get(name, [])
        return out

    def headline(self) -> str:
        """``level silver · gold: 2 gates to go`` for a header; "" without levels."""
        if not self.levels:
            return ""
        now = f"level {self.reached}" if self.reached else "no level"
        if self.next is None:
            return f"{now} (top)"
        n = len(self.blocking)
        return f"{now} · {self.next}: {n} gate{'' if n == 1 else 's'} to go"

    def gap_lines(self, limit: int | None = None) -> list[str]:
        """One line per gate between the board and the next level."""
        rows = self.blocking if limit is None else self.blocking[:limit]
        out = [f"[{b.level}] {b.describe()}" for b in rows]
        if limit is not None and len(self.blocking) > limit:
            out.append(f"(+{len(self.blocking) - limit} more)")
        return out

    def to_json(self) -> dict[str, Any]:
        return {
            "levels": list(self.levels),
            "reached": self.reached,
            "next": self.next,
            "blocking": [b.to_json() for b in self.blocking],
            "counts": {k: {"ok": ok, "total": total} for k, (ok, total) in self.counts.items()},
            "unknown_level": [b.to_json() for b in self.unknown],
        }


def board_level(
    board: Board,
    gate_status: Mapping[str, str],
    today: dt.date | None = None,
    gate_reasons: Mapping[str, str] | None = None,
) -> LevelSummary:
    """The board's level from its gates' statuses (``GateView.status`` words; an id missing from
    ``gate_status`` was not checked). ``gate_reasons``: each gate's one-line reason, to name what
    stands between the board and the next level."""
    levels = list(board.board.levels)
    day = today or board.today()
    waived = {i for i, w in waivers_by_item(board, day).items() if w.active}
    reasons = gate_reasons or {}
    rank = {name: n for n, name in enumerate(levels)}
    by_level: list[list[Blocker]] = [[] for _ in levels]
    counts = {name: [0, 0] for name in levels}
    unknown: list[Blocker] = []
    for it in board.items:
        gate = it.gate
        if gate is None or gate.level is None or it.status == "cancelled":
            continue
        status = gate_status.get(it.id, "not checked")
        # A valid waiver excuses the gate whatever its status, as the go/no-go counts it.
        ok = status in OK or it.id in waived
        if gate.level not in rank:
            unknown.append(Blocker(it.id, gate.level, "names an unknown level", f"levels are {', '.join(levels)}"))
            continue
        n = rank[gate.level]
        counts[gate.level][1] += 1
        if ok:
            counts[gate.level][0] += 1
        else:
            by_level[n].append(Blocker(it.id, gate.level, status, reasons.get(it.id, "")))
    reached: str | None = None
    if not unknown:
        for n, name in enumerate(levels):
            if by_level[n]:
                break
            reached = name
    nxt_n = 0 if reached is None else rank[reached] + 1
    nxt = levels[nxt_n] if nxt_n < len(levels) else None
    summary = LevelSummary(
        levels,
        reached,
        nxt,
        counts={k: (v[0], v[1]) for k, v in counts.items()},
        unknown=unknown,
        failing={name: by_level[n] for n, name in enumerate(levels)},
    )
    summary.blocking = summary.blockers_up_to(nxt) if nxt is not None else list(unknown)
    return summary
