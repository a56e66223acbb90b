"""``coverage`` checks: a line or branch rate at least x% from Cobertura XML (``coverage xml``,
most JS and JVM tools), coverage.py JSON (``coverage json``) or LCOV (``lcov.info``)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import defusedxml.ElementTree as DET
from defusedxml import DefusedXmlException

from readiness_tui.core.gates.checks.base import CheckError, CheckFailed, one_file, pct, read_bytes
from readiness_tui.core.model.check_model import Check


@dataclass(frozen=True)
class Rates:
    #: Percentages; None when the report carries no such figure (branches not measured).
    line: float | None
    branch: float | None


def report_format(rel: str, data: bytes, given: str | None) -> str:
    if given:
        return given
    head = data[:512].lstrip()
    if head.startswith(b"<"):
        return "cobertura"
    if head.startswith(b"{"):
        return "coverage-json"
    if rel.endswith((".info", ".lcov")) or head.startswith((b"TN:", b"SF:")):
        return "lcov"
    raise CheckError(f"{rel}: not a coverage report readiness reads (Cobertura XML, coverage.py JSON, LCOV)")


def cobertura(rel: str, data: bytes) -> Rates:
    try:
        root = DET.fromstring(data)
    except DET.ParseError as exc:
        raise CheckError(f"{rel}: not valid XML: {exc}") from None
    except DefusedXmlException as exc:
        raise CheckError(f"{rel}: refused XML ({type(exc).__name__})") from None
    if root.tag != "coverage":
        raise CheckError(f"{rel}: not a Cobertura report (root <{root.tag}>, expected <coverage>)")

    def rate(attr: str) -> float | None:
        v = root.get(attr)
        if v is None:
            return None
        try:
            return 100.0 * float(v)
        except ValueError:
            raise CheckError(f"{rel}: {attr}={v!r} is not a number") from None

    line = rate("line-rate")
    if line is None:
        raise CheckError(f"{rel}: the <coverage> element has no line-rate")
    # coverage.py writes branch-rate="0" when branches were not measured: branches-valid says.
    valid = root.get("branches-valid")
    branch = None if valid in (None, "0") else rate("branch-rate")
    return Rates(line, branch)


def coverage_json(rel: str, data: bytes) -> Rates:
    try:
        doc = json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise CheckError(f"{rel}: not valid JSON: {exc}") from None
    totals = doc.get("totals") if isinstance(doc, dict) else None
    if not isinstance(totals, dict):
        raise CheckError(f"{rel}: not a coverage.py JSON report (no totals)")
    stmts, covered = _int(totals, "num_statements", rel), _int(totals, "covered_lines", rel)
    line = 100.0 * covered / stmts if stmts else 100.0
    branch = None
    if "num_branches" in totals:
        nb, cb = _int(totals, "num_branches", rel), _int(totals, "covered_branches", rel)
        branch = 100.0 * cb / nb if nb else None
    return Rates(line, branch)


def _int(d: dict[str, Any], key: str, rel: str) -> int:
    v = d.get(key)
    if not isinstance(v, int) or isinstance(v, bool) or v < 0:
        raise CheckError(f"{rel}: totals.{key} is {v!r}, not a count")
    return v


def lcov(rel: str, data: bytes) -> Rates:
    """Sum of ``LF``/``LH`` (lines found, hit) and ``BRF``/``BRH`` (branches) over every record."""
    sums = {"LF": 0, "LH": 0, "BRF": 0, "BRH": 0}
    seen = False
    for n, raw in enumerate(data.decode("utf-8", "replace").splitlines(), 1):
        key, sep, value = raw.strip().partition(":")
        if key in sums and sep:
            try:
                sums[key] += int(value)
            except ValueError:
                raise CheckError(f"{rel}:{n}: {key} is {value!r}, not a count") from None
            seen = True
    if not seen:
        raise CheckError(f"{rel}: no LF/LH records: not an LCOV report")
    line = 100.0 * sums["LH"] / sums["LF"] if sums["LF"] else 100.0
    branch = 100.0 * sums["BRH"] / sums["BRF"] if sums["BRF"] else None
    return Rates(line, branch)


_READERS = {"cobertura": cobertura, "coverage-json": coverage_json, "lcov": lcov}


def coverage_check(root: Path, check: Check) -> str:
    rel, path = one_file(root, check.path)
    data = read_bytes(rel, path)
    rates = _READERS[report_format(rel, data, check.format)](rel, data)
    shown: list[tuple[str, float, float]] = []
    short: list[tuple[str, float, float]] = []
    for what, have, want in (("line", rates.line, check.min_line), ("branch", rates.branch, check.min_branch)):
        if want is None:
            continue
        if have is None:
            raise CheckError(f"{rel} has no {what} coverage (measure branches: coverage run --branch)")
        (short if have < want else shown).append((what, have, want))
    if short:
        raise CheckFailed("; ".join(f"{w} coverage {pct(h)} < {pct(x)}" for w, h, x in short) + f" ({rel})")
    return "; ".join(f"{w} coverage {pct(h)} >= {pct(x)}" for w, h, x in shown) + f" ({rel})"
