"""The go/no-go recommendation of a board.

The rule, configurable per board in ``[board.go_no_go]``::

    [board.go_no_go]
    priorities = ["P0"]      # the items that decide (default P0)
    require_done = true      # no-go while any of them is not done (cancelled ones do not count)
    require_gates = true     # no-go while any of their gates fails, is stale or was never checked,
                             # or a waiver on such a gate has expired

Gate results come from the gates machinery as ``gate_status: {item id: status}`` (the words of
``core.gates.evaluate``: pass, fail, error, waived, stale, running, untrusted, not-run, no-gate).
They are folded to pass / fail / stale / waived / unknown; anything but pass or waived holds a go,
including a gate that is running, untrusted or was never run (fail closed). Without ``gate_status`` only the waivers are checked. A waiver is valid until,
not including, its ``expires`` date; an expired waiver fails closed: it excuses nothing and is
itself a reason for no-go unless a newer valid waiver covers the same item.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .analysis import Analysis
from .model import Board, Item, Waiver

PASS = frozenset({"pass", "passed", "ok", "green", "success", "succeeded", "no-gate"})
WAIVED = frozenset({"waived", "exempt", "exempted"})
STALE = frozenset({"stale", "outdated", "expired-evidence"})
FAIL = frozenset({"fail", "failed", "failing", "error", "red", "failure", "expired", "missing"})


def fold_gate_status(status: str | None) -> str:
    """pass | waived | stale | fail | unknown."""
    s = (status or "").strip().lower().replace("_", "-")
    if s in PASS:
        return "pass"
    if s in WAIVED:
        return "waived"
    if s in STALE:
        return "stale"
    if s in FAIL:
        return "fail"
    return "unknown"


@dataclass
class Decision:
    go: bool
    reasons: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return "GO" if self.go else "NO-GO"

    @property
    def recommendation(self) -> str:
        return "go" if self.go else "no-go"

    def headline(self, limit: int = 1) -> str:
        """``NO-GO: P0 M-04 is not done (+2 more)`` for a header."""
        if not self.reasons:
            return self.label
        shown = "; ".join(self.reasons[:limit])
        more = len(self.reasons) - limit
        return f"{self.label}: {shown}" + (f" (+{more} more)" if more > 0 else "")

    def to_dict(self) -> dict:
        return {"go": self.go, "recommendation": self.recommendation, "reasons": list(self.reasons)}


def waiver_valid(w: Waiver, today: dt.date) -> bool:
    """Fail closed, as the gates do: a waiver with no expiry date waives nothing."""
    return w.expires is not None and today < w.expires


def evaluate(board: Board, analysis: Analysis | None = None, gate_status: dict[str, str] | None = None) -> Decision:
    """Go or no-go, with one reason per thing that holds it up (or why it is a go)."""
    cfg = board.board.go_no_go
    today = analysis.today if analysis is not None else board.today()
    prios = list(cfg.priorities)
    label = "/".join(prios) or "deciding"
    scope: list[Item] = [
        it for it in (analysis.items.values() if analysis is not None else board.items)
        if it.priority in prios and it.status != "cancelled"
    ]
    reasons: list[str] = []
    if cfg.require_done:
        for it in scope:
            if it.status != "done":
                reasons.append(f"{it.priority} {it.id} is not done ({it.status.replace('_', ' ')})")
    checked_gates = 0
    if cfg.require_gates:
        waivers: dict[str, list[Waiver]] = {}
        for w in board.waivers:
            waivers.setdefault(w.item, []).append(w)
        for it in scope:
            ws = waivers.get(it.id, [])
            valid = [w for w in ws if waiver_valid(w, today)]
            expired = [w for w in ws if not waiver_valid(w, today)]
            if expired and not valid:
                for w in expired:
                    name = f"waiver {w.id} " if w.id else "waiver "
                    why = f"expired on {w.expires.isoformat()}" if w.expires else "has no expiry date, so it waives nothing"
                    reasons.append(f"{name}on {it.priority} {it.id} gate {why}")
            if gate_status is None or it.gate is None or it.gate.is_empty:
                continue
            checked_gates += 1
            state = fold_gate_status(gate_status.get(it.id))
            if state in ("pass", "waived") or valid:
                continue  # a valid waiver excuses the gate; an expired one was reported above
            raw = (gate_status.get(it.id) or "").strip()
            if state == "fail":
                words = "fails" + (f" ({raw})" if raw.lower() not in ("fail", "failed") else "")
            elif state == "stale":
                words = "is stale"
            else:
                words = f"has not passed ({raw})" if raw else "has not been checked"
            reasons.append(f"{it.priority} {it.id} gate {words}")
    if reasons:
        return Decision(False, reasons)
    if not scope:
        return Decision(True, [f"no open {label} items on the board"])
    ok = [f"all {len(scope)} {label} items are done" if cfg.require_done else f"{len(scope)} {label} items in scope"]
    if cfg.require_gates and gate_status is not None:
        ok.append(f"all {checked_gates} {label} gates pass or are waived")
    return Decision(True, ok)
