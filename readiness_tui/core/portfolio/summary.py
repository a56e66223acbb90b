"""One row of the portfolio: a board summed up from the same analysis, go/no-go and gate rules
every other surface uses, or the error that kept it from being read."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from readiness_tui.core.analysis.analyze import Analysis
from readiness_tui.core.analysis.gonogo import evaluate, fold_gate_status, overdue_milestones
from readiness_tui.core.model.board import CLOSED, Board
from readiness_tui.core.portfolio.levels import Level, level_of
from readiness_tui.core.portfolio.sources import Entry


@dataclass
class BoardRow:
    entry: Entry
    #: Why the board could not be read (file, line and field where known); "" when it was.
    error: str = ""
    title: str = ""
    go: bool = False
    reasons: list[str] = field(default_factory=list)
    level: Level = field(default_factory=lambda: Level("", ()))
    done: int = 0
    total: int = 0
    blocked: int = 0
    waiting: int = 0
    failing_gates: list[str] = field(default_factory=list)
    stale_gates: list[str] = field(default_factory=list)
    overdue: list[str] = field(default_factory=list)
    overdue_milestones: list[str] = field(default_factory=list)
    critical_path: float = 0.0
    critical_unit: str = "days"
    #: When the board last changed: the commit that last touched it at the ref, or the file's mtime.
    changed: dt.datetime | None = None
    #: The blob the board was read from (git's object id): what the cache is keyed by.
    blob: str = ""
    #: Who answers for the board: the portfolio's owner for it, and the owners of its items.
    owners: frozenset[str] = frozenset()

    @property
    def name(self) -> str:
        return self.entry.name

    @property
    def first_reason(self) -> str:
        if self.error:
            # The first located problem (file:line: ...) says more than the headline above it.
            lines = [line.strip() for line in self.error.splitlines() if line.strip()]
            return lines[1] if len(lines) > 1 else lines[0]
        return self.reasons[0] if self.reasons else ""

    @property
    def verdict(self) -> str:
        """``GO``, ``NO-GO`` or ``ERROR``: an unreadable board is never ready."""
        return "ERROR" if self.error else ("GO" if self.go else "NO-GO")

    @property
    def critical_text(self) -> str:
        n = self.critical_path
        unit = "item" if self.critical_unit == "items" else "day"
        return f"{n:g} {unit}{'' if n == 1 else 's'}"

    def to_json(self) -> dict[str, Any]:
        e = self.entry
        return {
            "name": e.name,
            "repo": str(e.repo) if e.repo else None,
            "ref": e.ref,
            "path": e.path,
            "where": e.where,
            "read_only": e.read_only,
            "owner": e.owner or None,
            "error": self.error or None,
            "title": self.title,
            "verdict": self.verdict,
            "go": False if self.error else self.go,
            "reasons": [line.strip() for line in self.error.splitlines()] if self.error else list(self.reasons),
            "level": self.level.reached or None,
            "levels": list(self.level.ladder),
            "level_problem": self.level.problem or None,
            "done": self.done,
            "total": self.total,
            "blocked": self.blocked,
            "waiting": self.waiting,
            "failing_gates": list(self.failing_gates),
            "stale_gates": list(self.stale_gates),
            "overdue": list(self.overdue),
            "overdue_milestones": list(self.overdue_milestones),
            "critical_path": {"length": self.critical_path, "unit": self.critical_unit},
            "changed": self.changed.isoformat() if self.changed else None,
            "blob": self.blob or None,
        }


def failed(entry: Entry, message: str) -> BoardRow:
    return BoardRow(entry, error=message)


def summarize(
    entry: Entry,
    board: Board,
    gate_status: Mapping[str, str] | None = None,
    changed: dt.datetime | None = None,
    blob: str = "",
    today: dt.date | None = None,
) -> BoardRow:
    """The row of a board that was read. ``gate_status``: {item id: gate status word} as the gates
    machinery says it (``core.gates.evaluate``); None when nothing is known of its gates."""
    analysis = Analysis(board, today=today)
    gates = dict(gate_status) if gate_status is not None else None
    decision = evaluate(board, analysis, gates)
    folded = {i: fold_gate_status(s) for i, s in (gates or {}).items() if s != "no-gate"}
    milestones = overdue_milestones(board, analysis)
    cp = analysis.critical_path
    owners = {entry.owner.lower().lstrip("@")} if entry.owner else set()
    owners |= {it.owner.lower().lstrip("@") for it in board.items if it.owner}
    return BoardRow(
        entry,
        title=board.board.title,
        go=decision.go,
        reasons=list(decision.reasons),
        level=level_of(board, gates or {}, today),
        done=sum(1 for it in board.items if it.status in CLOSED),
        total=len(board.items),
        blocked=len(analysis.blocked),
        waiting=len(analysis.waiting),
        failing_gates=[i for i, s in folded.items() if s == "fail"],
        stale_gates=[i for i, s in folded.items() if s == "stale"],
        overdue=list(analysis.overdue),
        overdue_milestones=[m for m, _due, _n in milestones],
        critical_path=cp.total_days,
        critical_unit=cp.unit,
        changed=changed,
        blob=blob,
        owners=frozenset(owners),
    )
