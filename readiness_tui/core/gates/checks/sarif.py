"""``sarif`` checks over SARIF 2.1 (Trivy, Semgrep, Bandit, CodeQL): the results at the levels
asked (``error`` by default), of the rules asked, at or above a security severity, at most N.

A waiver with ``rules`` excuses those rule ids until its expiry date (``RuleWaiver``); an expired
one excuses nothing and the reason says so.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from readiness_tui.core.gates.checks.base import CheckError, CheckFailed, read_bytes, resolve
from readiness_tui.core.model.check_model import SARIF_LEVELS, Check


@dataclass(frozen=True)
class RuleWaiver:
    rule: str
    expires: dt.date | None
    active: bool


@dataclass(frozen=True)
class Finding:
    rule: str
    level: str
    where: str
    severity: float | None


def findings(rel: str, data: bytes) -> list[Finding]:
    """Every result of every run, with its effective level (the result's, else its rule's default,
    else ``warning`` as SARIF says) and its rule's ``security-severity`` when given."""
    try:
        doc = json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise CheckError(f"{rel}: not valid JSON: {exc}") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("runs"), list):
        raise CheckError(f"{rel}: not a SARIF log (no runs)")
    version = str(doc.get("version", ""))
    if not version.startswith("2.1"):
        raise CheckError(f"{rel}: SARIF version {version or '(none)'}; readiness reads 2.1")
    out: list[Finding] = []
    for n, run in enumerate(doc["runs"]):
        if not isinstance(run, dict):
            raise CheckError(f"{rel}: runs[{n}] is not an object")
        driver = _get(run, "tool", "driver")
        rules = driver.get("rules") if isinstance(driver, dict) else None
        rules = rules if isinstance(rules, list) else []
        by_id = {r.get("id"): r for r in rules if isinstance(r, dict)}
        results = run.get("results") or []
        if not isinstance(results, list):
            raise CheckError(f"{rel}: runs[{n}].results is not a list")
        for res in results:
            if not isinstance(res, dict):
                raise CheckError(f"{rel}: a result of runs[{n}] is not an object")
            rule_id = res.get("ruleId") or _get(res, "rule", "id")
            rule = by_id.get(rule_id)
            idx = res.get("ruleIndex")
            if rule is None and isinstance(idx, int) and 0 <= idx < len(rules):
                rule = rules[idx]
                rule_id = rule_id or rule.get("id")
            rule = rule if isinstance(rule, dict) else {}
            level = res.get("level") or _get(rule, "defaultConfiguration", "level") or "warning"
            if level not in SARIF_LEVELS:
                raise CheckError(f"{rel}: a result of rule {rule_id} has level {level!r}")
            out.append(Finding(str(rule_id or "?"), str(level), _where(res), _severity(res, rule)))
    return out


def _get(d: Any, *keys: str) -> Any:
    for k in keys:
        if not isinstance(d, dict):
            return None
        d = d.get(k)
    return d


def _where(res: dict[str, Any]) -> str:
    locs = res.get("locations")
    loc = locs[0] if isinstance(locs, list) and locs else None
    uri = _get(loc, "physicalLocation", "artifactLocation", "uri")
    line = _get(loc, "physicalLocation", "region", "startLine")
    if not uri:
        return "?"
    return f"{uri}:{line}" if isinstance(line, int) else str(uri)


def _severity(res: dict[str, Any], rule: dict[str, Any]) -> float | None:
    for props in (res.get("properties"), rule.get("properties")):
        v = props.get("security-severity") if isinstance(props, dict) else None
        if v is not None:
            try:
                return float(v)
            except (TypeError, ValueError):
                return None
    return None


def sarif_check(root: Path, check: Check, waivers: Mapping[str, RuleWaiver]) -> str:
    files = resolve(root, check.path)
    found: list[Finding] = []
    for rel, p in files:
        found += findings(rel, read_bytes(rel, p))
    # With a severity floor and no levels named, every level counts: the floor is the filter.
    levels = set(check.levels) if ("levels" in check.model_fields_set or check.min_security_severity is None) else None
    wanted_rules = set(check.rules)
    floor = check.min_security_severity

    def counts(f: Finding) -> bool:
        if levels is not None and f.level not in levels:
            return False
        if wanted_rules and f.rule not in wanted_rules:
            return False
        return floor is None or (f.severity is not None and f.severity >= floor)

    counted = [f for f in found if counts(f)]
    waived = [f for f in counted if (w := waivers.get(f.rule)) is not None and w.active]
    left = [f for f in counted if f not in waived]
    src = files[0][0] if len(files) == 1 else f"{len(files)} SARIF files of {check.path}"
    notes = []
    if waived:
        rules = sorted({f.rule for f in waived})
        notes.append(f"{len(waived)} waived ({', '.join(f'{r} until {waivers[r].expires}' for r in rules)})")
    expired = sorted({f.rule for f in left if (w := waivers.get(f.rule)) is not None and not w.active})
    if expired:
        notes.append(f"waiver for {', '.join(expired)} expired")
    note = f"; {'; '.join(notes)}" if notes else ""
    if len(left) > check.max_results:
        shown = ", ".join(f"{f.rule} in {f.where}" for f in left[:3]) + (", ..." if len(left) > 3 else "")
        raise CheckFailed(f"{_what(len(left), levels, floor)} (max {check.max_results}): {shown}{note} ({src})")
    return f"{_what(len(left), levels, floor)} (max {check.max_results}){note} ({src})"


def _what(n: int, levels: set[str] | None, floor: float | None) -> str:
    """``2 SARIF errors``, ``1 SARIF error/warning of severity >= 7``."""
    word = "SARIF " + ("/".join(sorted(levels)) if levels else "result") + ("" if n == 1 else "s")
    return f"{n} {word}" + (f" of severity >= {floor:g}" if floor is not None else "")
