"""One gate's combined status, from its evidence, last run, waiver, trust and what changed since.

Statuses (``STATUSES``):

- ``pass``      the command exited 0 (or there is none), every evidence path is present and every
                declarative check passes
- ``fail``      the command exited non-zero, evidence is missing, or a check fails
- ``error``     an evidence path escapes the repo, a check's input is broken (a malformed report,
                a file over the size cap), or the command could not start or timed out
- ``waived``    it would fail, but an active waiver covers it
- ``stale``     it passed, but watched files changed since (or the command was edited since)
- ``running``   a run is under way
- ``untrusted`` the board has a command and the user has not trusted the board's commands
- ``not-run``   trusted, has a command, never run (only seen in the app: ``check`` runs everything)
- ``no-gate``   the gate names no command, evidence or check (exit criteria only)

Drift: a ``done`` item whose gate is not pass or waived is "claimed done, not verified"; an open
item whose gate passes is "gate passes, not marked done".
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from readiness_tui.core.gates.checks.base import CheckResult
from readiness_tui.core.gates.evidence import EvidenceCheck
from readiness_tui.core.gates.redact import redact
from readiness_tui.core.gates.runner import RunResult
from readiness_tui.core.gates.stale import FileChange
from readiness_tui.core.gates.waivers import WaiverInfo
from readiness_tui.core.model.board import Item
from readiness_tui.core.outputs.display import format_duration

STATUSES = ("pass", "fail", "error", "waived", "stale", "running", "untrusted", "not-run", "no-gate")
#: Statuses that count as verified for ``check`` and go/no-go.
OK_STATUSES = frozenset({"pass", "waived"})
DRIFT_UNVERIFIED = "claimed done, not verified"
DRIFT_UNCLAIMED = "gate passes, not marked done"


@dataclass(slots=True)
class GateView:
    """One gate as it stands. Slotted, and its evidence and checks are the session's own tuples
    (``tuple`` of a tuple is that tuple): the Gates pane holds one view per gate, 9,000 on a
    large board, and the backlog's gate column evaluates them all after each change."""

    item_id: str
    title: str
    item_status: str
    priority: str | None
    status: str
    reason: str
    command: str = ""
    evidence: Sequence[EvidenceCheck] = ()
    result: RunResult | None = None
    waiver: WaiverInfo | None = None
    drift: str = ""
    checks: Sequence[CheckResult] = ()
    #: The board level the gate counts for (``[items.gate] level``), if any.
    level: str | None = None

    @property
    def ok(self) -> bool:
        return self.status in OK_STATUSES

    @property
    def evidence_found(self) -> int:
        return sum(1 for e in self.evidence if e.present)

    @property
    def evidence_missing(self) -> list[str]:
        return [e.path for e in self.evidence if not e.present and not e.error]

    def age_s(self, now: float | None = None) -> float | None:
        if self.result is None:
            return None
        return max(0.0, (now or time.time()) - self.result.finished_at)

    def to_json(self, now: float | None = None, output: bool = False) -> dict[str, Any]:
        r = self.result
        out = {
            "id": self.item_id,
            "title": self.title,
            "item_status": self.item_status,
            "priority": self.priority,
            "status": self.status,
            "reason": self.reason,
            "command": redact(self.command) if self.command else None,
            "evidence": [e.to_json() for e in self.evidence],
            "exit_code": r.exit_code if r else None,
            "duration_s": r.duration_s if r else None,
            "timed_out": r.timed_out if r else False,
            "last_run": _iso(r.finished_at) if r else None,
            "age_s": round(age, 1) if (age := self.age_s(now)) is not None else None,
            "waiver": self.waiver.to_json() if self.waiver else None,
            "drift": self.drift or None,
            "checks": [c.to_json() for c in self.checks],
            "level": self.level,
        }
        if output and r is not None:
            out["output"] = r.output
            out["output_truncated"] = r.truncated
        return out


def _iso(ts: float) -> str:
    return dt.datetime.fromtimestamp(ts, dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def evaluate_gate(
    item: Item,
    evidence: Sequence[EvidenceCheck],
    result: RunResult | None,
    waiver: WaiverInfo | None,
    *,
    trusted: bool,
    running: bool = False,
    changed: FileChange | None = None,
    checks: Sequence[CheckResult] = (),
) -> GateView:
    """Combine what is known about one item's gate into one status (see module docs)."""
    gate = item.gate
    command = gate.verify.strip() if gate else ""
    view = GateView(
        item.id, item.title, item.status, item.priority, "no-gate", "", command, tuple(evidence), result, waiver
    )
    view.checks = tuple(checks)
    view.level = gate.level if gate else None
    if gate is None or (not command and not gate.evidence and not gate.checks):
        view.reason = "no verify command, evidence or check" if gate else "no gate"
        return view
    escapes = [e for e in evidence if e.error]
    broken = [c for c in checks if c.status == "error"]
    failing = [c for c in checks if c.status == "fail"]
    missing = view.evidence_missing
    if result is not None and command and not result.ran(command):
        result = None
        view.result = None
        changed_cmd = True
    else:
        changed_cmd = False
    if escapes:
        view.status, view.reason = "error", escapes[0].error
    elif broken:
        view.status, view.reason = "error", _joined(broken)
    elif running:
        view.status, view.reason = "running", "running"
    elif command and not trusted:
        view.status, view.reason = "untrusted", "the board's commands are not trusted (readiness trust)"
    elif command and result is None:
        if changed_cmd:
            view.status, view.reason = "stale", "the command changed since its last run"
        else:
            view.status, view.reason = "not-run", "not run yet"
    else:
        outcome = result.outcome if (command and result) else "pass"
        if outcome == "error":
            view.status, view.reason = "error", result.error if result else "error"
        elif outcome == "fail":
            view.status, view.reason = "fail", f"exit code {result.exit_code}" if result else "failed"
        elif missing:
            view.status, view.reason = "fail", "missing evidence: " + ", ".join(missing)
        elif failing:
            view.status, view.reason = "fail", _joined(failing)
        else:
            view.status, view.reason = "pass", pass_reason(bool(command), bool(gate.evidence), list(checks))
            if command and result is not None and changed is not None:
                threshold = result.started_at if (gate.watch) else result.finished_at
                if changed.at > threshold:
                    view.status, view.reason = "stale", stale_reason(changed, result, gate.watch)
        if view.status == "fail" and waiver is not None and waiver.active:
            view.status = "waived"
            view.reason = f"{view.reason}; {waiver.describe()}"
    view.drift = drift_of(item.status, view.status)
    return view


def _joined(results: list[CheckResult]) -> str:
    """The first failing check's reason, and how many more there are."""
    more = len(results) - 1
    return results[0].reason + (f" (+{more} more)" if more > 0 else "")


def pass_reason(command: bool, evidence: bool, checks: list[CheckResult]) -> str:
    if checks and not (command or evidence):
        return checks[0].reason if len(checks) == 1 else f"all {len(checks)} checks pass"
    what = ["passed" if command else "all evidence present" if evidence else ""]
    if checks:
        what.append(f"{len(checks)} check{'' if len(checks) == 1 else 's'} pass")
    return ", ".join(w for w in what if w)


def stale_reason(changed: FileChange, result: RunResult, watch: Sequence[str]) -> str:
    """Why a passing gate is stale: which watched file changed, when against the last run, and what
    the gate watches (its ``watch`` globs, or the whole repo)."""
    if changed.at < result.finished_at:
        when = "during the last run"
    else:
        when = f"{format_duration(changed.at - result.finished_at)} after the last run"
    watched = ", ".join(watch) if watch else "the whole repo"
    return f"{changed.path} changed {when} (watching {watched})"


def drift_of(item_status: str, gate_status: str) -> str:
    if item_status == "cancelled" or gate_status in ("no-gate", "running"):
        return ""
    if item_status == "done" and gate_status not in OK_STATUSES:
        return DRIFT_UNVERIFIED
    if item_status != "done" and gate_status == "pass":
        return DRIFT_UNCLAIMED
    return ""
