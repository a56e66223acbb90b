"""``junit`` checks over JUnit XML (pytest ``--junitxml``, Maven Surefire, Jest reporters): tests
at least N, failures and errors at most N (0 by default), a pass rate at least x%.

A glob adds every report it finds (Surefire writes one per test class). The XML comes from the
repo, so it is parsed with defusedxml (no entity expansion, no external entities) and read with
junitparser.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import defusedxml.ElementTree as DET
from defusedxml import DefusedXmlException
from junitparser import Error, Failure, JUnitXml, JUnitXmlError, Skipped, TestSuite

from readiness_tui.core.gates.checks.base import CheckError, CheckFailed, pct, read_bytes, resolve
from readiness_tui.core.model.check_model import Check


@dataclass
class Tally:
    tests: int = 0
    failures: int = 0
    errors: int = 0
    skipped: int = 0
    #: The first few failing cases, ``suite.name``, for the reason.
    failing: list[str] | None = None

    @property
    def passed(self) -> int:
        return self.tests - self.failures - self.errors - self.skipped

    @property
    def pass_rate(self) -> float:
        run = self.tests - self.skipped
        return 100.0 * self.passed / run if run else 0.0


def tally(rel: str, data: bytes, into: Tally) -> None:
    """Count the cases of one report by their results (the suites' own totals can be absent or
    stale in hand-merged reports; the cases are what ran)."""
    try:
        # junitparser types the root as its own Element but reads any ElementTree element.
        xml = JUnitXml.fromroot(DET.fromstring(data))  # type: ignore[arg-type]
    except DET.ParseError as exc:
        line = exc.position[0] if getattr(exc, "position", None) else None
        raise CheckError(f"{rel}{f':{line}' if line else ''}: not valid XML: {exc}") from None
    except DefusedXmlException as exc:
        raise CheckError(f"{rel}: refused XML ({type(exc).__name__})") from None
    except JUnitXmlError:
        raise CheckError(f"{rel}: not a JUnit report (its root is neither testsuites nor testsuite)") from None
    failing = into.failing if into.failing is not None else []
    for suite in xml:
        if not isinstance(suite, TestSuite):
            continue
        for case in suite:
            into.tests += 1
            results = case.result
            if any(isinstance(r, Error) for r in results):
                into.errors += 1
            elif any(isinstance(r, Failure) for r in results):
                into.failures += 1
            elif any(isinstance(r, Skipped) for r in results):
                into.skipped += 1
                continue
            else:
                continue
            if len(failing) < 3:
                failing.append(f"{case.classname}.{case.name}" if case.classname else str(case.name))
    into.failing = failing


def junit_check(root: Path, check: Check) -> str:
    files = resolve(root, check.path)
    t = Tally()
    for rel, p in files:
        tally(rel, read_bytes(rel, p), t)
    src = files[0][0] if len(files) == 1 else f"{len(files)} reports of {check.path}"
    summary = f"{t.passed}/{t.tests} tests passed"
    if t.skipped:
        summary += f", {t.skipped} skipped"
    problems: list[str] = []
    min_tests = check.min_tests if check.min_tests is not None else (1 if check.min_pass_rate is None else None)
    if min_tests is not None and t.tests < min_tests:
        problems.append(f"{t.tests} tests < {min_tests}")
    about_tests = len(problems)
    if check.min_pass_rate is not None:
        if t.pass_rate < check.min_pass_rate:
            problems.append(f"pass rate {pct(t.pass_rate)} < {pct(check.min_pass_rate)}")
    else:
        if t.failures > check.max_failures:
            problems.append(f"{t.failures} failed (max {check.max_failures})")
        if t.errors > check.max_errors:
            problems.append(f"{t.errors} errors (max {check.max_errors})")
    if problems:
        # Name the failing tests when failures are what fell short.
        failing = f": {', '.join(t.failing)}" if t.failing and len(problems) > about_tests else ""
        raise CheckFailed(f"{'; '.join(problems)}{failing} ({src})")
    return f"{summary} ({src})"
