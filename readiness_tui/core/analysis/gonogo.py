"""The go/no-go recommendation of a board: a rule the board can state in ``[board.go_no_go]``.

    [board.go_no_go]
    # scope: one of these, else P0 items when the board uses priorities, else every item
    priorities = ["P0"]      # the items of these priorities
    milestone = "M1"         # or the items of a milestone
    phase = "A"              # or the items of a phase
    require_done = true      # NO-GO while any item in scope is open (cancelled ones do not count)
    require_gates = true     # NO-GO while a gate in scope fails, errors, is stale, untrusted or
                             # was never checked, or a waiver on such a gate has expired
    require_risks = true     # NO-GO while a high or critical risk has no mitigating item, or only
                             # open ones (risk_severities = ["high", "critical"] by default)
    require_milestones = true  # NO-GO while a milestone is past due with open items

Gate results come from the gates machinery as ``gate_status: {item id: status}`` (the words of
``core.gates.evaluate``: pass, fail, error, waived, stale, running, untrusted, not-run, no-gate).
They are folded to pass / fail / stale / waived / unknown; anything but pass or waived holds a go,
including a gate that is running, untrusted or was never run (fail closed). Without ``gate_status``
only the waivers are checked. A waiver is valid until, not including, its ``expires`` date; an
expired waiver fails closed: it excuses nothing and is itself a reason for no-go unless a newer
valid waiver covers the same item. Every reason is listed, one line each.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import compress
from operator import attrgetter
from typing import Any

from readiness_tui.core.analysis.analyze import Analysis
from readiness_tui.core.model.board import Board, Item, Waiver

_item_id = attrgetter("id")

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


def waived_items(board: Board, today: dt.date) -> set[str]:
    """The items a valid waiver covers today."""
    return {w.item for w in board.waivers if not w.rules and waiver_valid(w, today)}


def gate_state(item_id: str, gate_status: dict[str, str], waived: set[str]) -> str:
    """An item's gate as the go/no-go counts it: its folded status, ``waived`` when it has not
    passed and a valid waiver covers it (``waived_items``). The standup counts the same."""
    state = fold_gate_status(gate_status.get(item_id))
    return "waived" if state != "pass" and item_id in waived else state


@dataclass
class Decision:
    go: bool
    reasons: list[str] = field(default_factory=list)
    #: What the decision is about: "P0", "milestone M1", "phase A", "every item".
    scope: str = ""

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

    def to_dict(self) -> dict[str, Any]:
        return {
            "go": self.go,
            "recommendation": self.recommendation,
            "scope": self.scope,
            "reasons": list(self.reasons),
        }


def waiver_valid(w: Waiver, today: dt.date) -> bool:
    """Fail closed, as the gates do: a waiver with no expiry date waives nothing."""
    return w.expires is not None and today < w.expires


@dataclass
class Scope:
    """The items the decision is about, and how to name them in a reason."""

    label: str  # "P0", "milestone M1", "phase A", "every item"
    items: list[Item]
    #: A milestone or phase the rule names that is not on the board (fails closed).
    missing: str = ""


def scope(board: Board, analysis: Analysis | None = None) -> Scope:
    items = list(analysis.items.values()) if analysis is not None else board.items
    label, holds, missing = _scope_rule(board, items)
    return Scope(label, [it for it in items if holds(it)], missing)


def _scope_rule(board: Board, items: list[Item]) -> tuple[str, Callable[[Item], bool], str]:
    """The scope's label, whether an item is in it, and the milestone or phase it names that is
    not on the board ("" when none): the one rule ``scope`` and ``affects`` both apply."""
    cfg = board.board.go_no_go
    if cfg.milestone is not None:
        m = next((m for m in board.milestones if m.id == cfg.milestone), None)
        ids = set(m.items) if m is not None else set()
        missing = "" if m is not None else f"milestone {cfg.milestone}"
        label = f"milestone {cfg.milestone}"
        return label, lambda it: _live(it) and (it.id in ids or it.milestone == cfg.milestone), missing
    if cfg.phase is not None:
        ph = next((p for p in board.phases if p.id == cfg.phase), None)
        ids = set(board.phase_items(ph)) if ph is not None else set()
        missing = "" if ph is not None else f"phase {cfg.phase}"
        return f"phase {cfg.phase}", lambda it: _live(it) and it.id in ids, missing
    if cfg.every_item:
        return "every item", _live, ""
    prios = cfg.priorities
    if prios is None:
        # A lead means "the must-haves" when the board ranks its items, else "the plan".
        if not any(it.priority for it in items):
            return "every item", _live, ""
        prios = ["P0"]
    label = "/".join(prios) or "deciding"
    return label, lambda it: _live(it) and it.priority in prios, ""


def _live(it: Item) -> bool:
    return it.status != "cancelled"


def _name(sc: Scope, it: Item) -> str:
    """``P0 A`` when the scope is priorities, else just the id."""
    return f"{it.priority} {it.id}" if it.priority and sc.label.startswith("P") else it.id


def overdue_milestones(board: Board, analysis: Analysis) -> list[tuple[str, dt.date, int]]:
    """(milestone id, due date, open items) for every milestone past due with open items."""
    out = []
    for m in board.milestones:
        due = m.due_date
        if due is None or not due < analysis.today:
            continue
        ids = list(dict.fromkeys([*m.items, *(it.id for it in analysis.items.values() if it.milestone == m.id)]))
        closed, total = analysis.progress(ids)
        if closed < total:
            out.append((m.id, due, total - closed))
    return out


def risk_reasons(board: Board, analysis: Analysis) -> list[str]:
    """One reason per high or critical risk with no mitigating item, or only open ones."""
    cfg = board.board.go_no_go
    sev = {s.strip().lower() for s in cfg.risk_severities}
    out = []
    for r in board.risks:
        if r.severity.strip().lower() not in sev:
            continue
        live = [
            analysis.items[i] for i in r.mitigated_by if i in analysis.items and analysis.items[i].status != "cancelled"
        ]
        what = f"{r.severity.strip().lower()} risk {r.id}"
        if not live:
            out.append(f"{what} has no mitigating item")
        elif not any(it.status == "done" for it in live):
            out.append(f"{what} is mitigated only by open items ({', '.join(it.id for it in live)})")
    return out


def level_reasons(board: Board, required: str, gate_status: dict[str, str] | None, today: dt.date) -> list[str]:
    """Why the board has not reached ``required`` (``[board.go_no_go] require_level``): one line,
    naming the level reached and the gates in the way. Fails closed without gate results."""
    from readiness_tui.core.gates.levels import board_level

    if required not in board.board.levels:
        declared = ", ".join(board.board.levels) or "none"
        return [f"[board.go_no_go] requires level {required}, which [board] levels does not declare ({declared})"]
    summary = board_level(board, gate_status or {}, today)
    if summary.reaches(required):
        return []
    have = summary.reached or "no level"
    held = summary.blockers_up_to(required)
    ids = ", ".join(b.item_id for b in held[:5]) + (f" (+{len(held) - 5} more)" if len(held) > 5 else "")
    return [f"level {required} required, the board is at {have}: {ids} not passing"]


def evaluate(board: Board, analysis: Analysis | None = None, gate_status: dict[str, str] | None = None) -> Decision:
    """Go or no-go, with one reason per thing that holds it up (or why it is a go)."""
    cfg = board.board.go_no_go
    if analysis is None:
        analysis = Analysis(board)
    today = analysis.today
    sc = scope(board, analysis)
    label = sc.label
    in_scope = sc.items
    reasons: list[str] = []
    if sc.missing:
        reasons.append(f"[board.go_no_go] names {sc.missing}, which is not on the board")
    if cfg.require_done:
        for it in in_scope:
            if it.status != "done":
                reasons.append(f"{_name(sc, it)} is not done ({it.status.replace('_', ' ')})")
    checked_gates = 0
    if cfg.require_gates:
        waivers: dict[str, list[Waiver]] = {}
        for w in board.waivers:
            if not w.rules:  # one naming SARIF rules excuses those findings, not the gate
                waivers.setdefault(w.item, []).append(w)
        for it in in_scope:
            ws = waivers.get(it.id, [])
            valid = [w for w in ws if waiver_valid(w, today)]
            expired = [w for w in ws if not waiver_valid(w, today)]
            if expired and not valid:
                for w in expired:
                    name = f"waiver {w.id} " if w.id else "waiver "
                    why = (
                        f"expired on {w.expires.isoformat()}"
                        if w.expires
                        else "has no expiry date, so it waives nothing"
                    )
                    reasons.append(f"{name}on {_name(sc, it)} gate {why}")
            if gate_status is None or it.gate is None or it.gate.is_empty:
                continue
            checked_gates += 1
            state = gate_state(it.id, gate_status, {it.id} if valid else set())
            if state in ("pass", "waived"):
                continue  # a valid waiver excuses the gate; an expired one was reported above
            raw = (gate_status.get(it.id) or "").strip()
            if state == "fail":
                words = "fails" + (f" ({raw})" if raw.lower() not in ("fail", "failed") else "")
            elif state == "stale":
                words = "is stale"
            else:
                words = f"has not passed ({raw})" if raw else "has not been checked"
            reasons.append(f"{_name(sc, it)} gate {words}")
    if cfg.require_risks:
        reasons += risk_reasons(board, analysis)
    if cfg.require_level is not None:
        reasons += level_reasons(board, cfg.require_level, gate_status, today)
    if cfg.require_milestones:
        only = cfg.milestone
        for mid, due, n in overdue_milestones(board, analysis):
            if only is None or mid == only:
                reasons.append(f"milestone {mid} is overdue (due {due.isoformat()}, {n} open)")
    if reasons:
        return Decision(False, reasons, label)
    if not in_scope:
        return Decision(True, [f"no open {label} items on the board"], label)
    what = f"{label} items" if label != "every item" else "items"
    ok = [f"all {len(in_scope)} {what} are done" if cfg.require_done else f"{len(in_scope)} {what} in scope"]
    if cfg.require_gates and gate_status is not None:
        ok.append(
            f"all {checked_gates} {label if label != 'every item' else ''} gates pass or are waived".replace("  ", " ")
        )
    return Decision(True, ok, label)


def affects(board: Board, changes: list[object]) -> bool:
    """Whether an edit (its Change records) can change the decision: an edit of a field no rule
    reads, on an item outside the scope, cannot."""
    for c in changes:
        if getattr(c, "kind", "") != "items" or getattr(c, "field", "*") in (
            "*",
            "id",
            "priority",
            "milestone",
            "phase",
            "status",
        ):
            return True
    # Only now the scope's rule, asked of the edited items alone (the whole scope is a pass over
    # every item, on every outside edit of a title). A status edit, the hot key, never needs it.
    _label, holds, _missing = _scope_rule(board, board.items)
    edited = {getattr(c, "item", None) for c in changes}
    # The edited items (every item of each edited id) picked out by a loop in C.
    return any(map(holds, compress(board.items, map(edited.__contains__, map(_item_id, board.items)))))
