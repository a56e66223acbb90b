"""Declarative gate checks: rules over files the repo and its tools already produce (a coverage
report, JUnit XML, SARIF, a value in a config file, CODEOWNERS, git history). They run no code of
the board's, so they need no trust and ``readiness check`` runs them in CI as they are.

One module per kind: ``files`` (file, grep), ``values``, ``junit``, ``coverage``, ``sarif``,
``git_facts`` (fresh, owner); ``base`` holds the result and the capped, confined report reading.
``run_check`` is the one entry point; the gate session calls it and caches the result like an
evidence check, re-running it when a file it reads changes (``check_paths``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path

from readiness_tui.core.gates.checks.base import CODEOWNERS_PATHS, CheckError, CheckFailed, CheckResult
from readiness_tui.core.gates.checks.sarif import RuleWaiver
from readiness_tui.core.model.board import Board, Gate
from readiness_tui.core.model.check_model import Check


def run_check(
    root: Path, check: Check, today: dt.date, rule_waivers: Mapping[str, RuleWaiver] | None = None
) -> CheckResult:
    """One check's verdict. Never raises for bad input: a malformed report, a missing file, a path
    out of the repo or a file over the size cap is an ``error`` or ``fail`` result saying why."""
    try:
        reason = _dispatch(root, check, today, rule_waivers or {})
    except CheckFailed as exc:
        return CheckResult(check.kind, check.label, check.path, "fail", str(exc))
    except CheckError as exc:
        return CheckResult(check.kind, check.label, check.path, "error", str(exc))
    return CheckResult(check.kind, check.label, check.path, "pass", reason)


def _dispatch(root: Path, check: Check, today: dt.date, waivers: Mapping[str, RuleWaiver]) -> str:
    kind = check.kind
    if kind == "file":
        from readiness_tui.core.gates.checks.files import file_check

        return file_check(root, check)
    if kind == "grep":
        from readiness_tui.core.gates.checks.files import grep_check

        return grep_check(root, check)
    if kind == "value":
        from readiness_tui.core.gates.checks.values import value_check

        return value_check(root, check)
    if kind == "junit":
        from readiness_tui.core.gates.checks.junit import junit_check

        return junit_check(root, check)
    if kind == "coverage":
        from readiness_tui.core.gates.checks.coverage import coverage_check

        return coverage_check(root, check)
    if kind == "sarif":
        from readiness_tui.core.gates.checks.sarif import sarif_check

        return sarif_check(root, check, waivers)
    if kind == "fresh":
        from readiness_tui.core.gates.checks.git_facts import fresh_check

        return fresh_check(root, check.path, check.max_age_days or 0.0, today)
    from readiness_tui.core.gates.checks.git_facts import owner_check

    return owner_check(root, check.path, check.owner)


def check_paths(gate: Gate) -> list[str]:
    """The repo paths (and globs) whose change can change a gate's checks: what the watcher
    watches for them, as it does evidence."""
    out: list[str] = []
    for c in gate.checks:
        out.append(c.path)
        if c.kind == "owner":
            out += CODEOWNERS_PATHS
    return list(dict.fromkeys(out))


def rule_waivers(board: Board, today: dt.date) -> dict[str, dict[str, RuleWaiver]]:
    """{item id: {rule id: waiver}} from the waivers that name ``rules``: the active one lasting
    longest for each rule, else an expired one (so the reason can say it expired). Fail closed:
    one without an expiry date excuses nothing."""
    out: dict[str, dict[str, RuleWaiver]] = {}
    for w in board.waivers:
        if not w.rules:
            continue
        active = w.expires is not None and today < w.expires
        per = out.setdefault(w.item, {})
        for rule in w.rules:
            cur = per.get(rule)
            if cur is None or (active, w.expires or dt.date.min) > (cur.active, cur.expires or dt.date.min):
                per[rule] = RuleWaiver(rule, w.expires, active)
    return out


__all__ = ["CheckResult", "RuleWaiver", "check_paths", "rule_waivers", "run_check"]
