"""Declarative gate checks over reports the real tools wrote (``tests/core/real_reports.py``):
JUnit from pytest, coverage from coverage.py, SARIF from Bandit, freshness from git commits with
set dates, CODEOWNERS, values in YAML and JSON; and bad input, which errors and never passes."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from readiness_tui.cli import cli
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.gates.checks import base
from readiness_tui.core.gates.evaluate import GateView
from readiness_tui.core.gates.session import GateSession
from readiness_tui.core.model.problems import BoardValidationError


@pytest.fixture
def project(reports_project: Path, tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(reports_project, root, symlinks=True)
    return root


def gate(item_id: str, *checks: str, extra: str = "") -> str:
    rows = "".join(f"\n[[items.gate.checks]]\n{c.strip()}\n" for c in checks)
    return f'\n[[items]]\nid = "{item_id}"\ntitle = "{item_id}"\n\n[items.gate]\n{extra}\n{rows}'


def views(root: Path, body: str, head: str = "") -> dict[str, GateView]:
    path = root / "board.toml"
    path.write_text(f'[board]\ntitle = "checks"\n{head}\n{body}')
    session = GateSession(path, BoardStore.load(path).board)
    try:
        return session.views()
    finally:
        session.close()


def reasons(v: GateView) -> list[tuple[str, str]]:
    return [(c.status, c.reason) for c in v.checks]


def test_junit_from_pytest(project: Path) -> None:
    got = views(
        project,
        gate("STRICT", 'kind = "junit"\npath = "reports/junit.xml"\nmin_tests = 3')
        + gate("ONE-FAIL-OK", 'kind = "junit"\npath = "reports/*.xml"\nmax_failures = 1')
        + gate("RATE-60", 'kind = "junit"\npath = "reports/junit.xml"\nmin_pass_rate = 60')
        + gate("RATE-70", 'kind = "junit"\npath = "reports/junit.xml"\nmin_pass_rate = 70')
        + gate("MANY", 'kind = "junit"\npath = "reports/junit.xml"\nmin_tests = 50\nmax_failures = 9'),
    )
    assert got["STRICT"].status == "fail"
    assert reasons(got["STRICT"]) == [("fail", "1 failed (max 0): test_calc.test_sign_wrong (reports/junit.xml)")]
    # The glob also finds coverage.xml, which is no JUnit report: an error, never a pass.
    assert got["ONE-FAIL-OK"].status == "error"
    assert "reports/coverage.xml: not a JUnit report" in got["ONE-FAIL-OK"].reason
    assert reasons(got["RATE-60"]) == [("pass", "2/3 tests passed (reports/junit.xml)")]
    assert reasons(got["RATE-70"]) == [("fail", "pass rate 66.7% < 70%: test_calc.test_sign_wrong (reports/junit.xml)")]
    assert reasons(got["MANY"]) == [("fail", "3 tests < 50 (reports/junit.xml)")]


def test_coverage_from_coverage_py_in_three_formats(project: Path) -> None:
    totals = json.loads((project / "reports/coverage.json").read_text())["totals"]
    assert (totals["covered_lines"], totals["num_statements"]) == (8, 11)  # 72.7%
    body = ""
    for n, path in enumerate(("reports/coverage.xml", "reports/coverage.json", "reports/lcov.info")):
        body += gate(f"LOW-{n}", f'kind = "coverage"\npath = "{path}"\nmin_line = 70\nmin_branch = 75')
        body += gate(f"HIGH-{n}", f'kind = "coverage"\npath = "{path}"\nmin_line = 80')
    got = views(project, body)
    assert reasons(got["LOW-0"]) == [
        ("pass", "line coverage 72.7% >= 70%; branch coverage 75% >= 75% (reports/coverage.xml)")
    ]
    assert reasons(got["LOW-1"]) == [
        ("pass", "line coverage 72.7% >= 70%; branch coverage 75% >= 75% (reports/coverage.json)")
    ]
    assert reasons(got["HIGH-0"]) == [("fail", "line coverage 72.7% < 80% (reports/coverage.xml)")]
    assert got["HIGH-1"].reason == "line coverage 72.7% < 80% (reports/coverage.json)"
    # LCOV counts lines as coverage.py's lcov writer does; the figure is the same here.
    assert got["HIGH-2"].reason == "line coverage 72.7% < 80% (reports/lcov.info)"
    assert got["LOW-2"].status == "pass"


def test_sarif_from_bandit_and_rule_waivers(project: Path) -> None:
    sarif = 'kind = "sarif"\npath = "reports/bandit.sarif"'
    body = gate("SEC", sarif) + gate("WAIVED", sarif) + gate("EXPIRED", sarif)
    body += gate("NOTES", sarif + '\nlevels = ["note"]\nmax_results = 5')
    waivers = """
[[waivers]]
item = "WAIVED"
rules = ["B602"]
reason = "input is a constant list"
approved_by = "@sec"
expires = 2026-03-31

[[waivers]]
item = "EXPIRED"
rules = ["B602"]
approved_by = "@sec"
expires = 2026-01-31
"""
    got = views(project, body + waivers)
    assert reasons(got["SEC"]) == [("fail", "1 SARIF error (max 0): B602 in app.py:5 (reports/bandit.sarif)")]
    assert got["WAIVED"].status == "pass"
    assert got["WAIVED"].reason == "0 SARIF errors (max 0); 1 waived (B602 until 2026-03-31) (reports/bandit.sarif)"
    assert got["EXPIRED"].status == "fail"
    assert "waiver for B602 expired" in got["EXPIRED"].reason
    assert reasons(got["NOTES"]) == [("pass", "1 SARIF note (max 5) (reports/bandit.sarif)")]


def test_fresh_owner_value_grep_and_file(project: Path) -> None:
    got = views(
        project,
        gate("STALE", 'kind = "fresh"\npath = "docs/runbook.md"\nmax_age_days = 90')
        + gate("FRESH", 'kind = "fresh"\npath = "docs/*.md"\nmax_age_days = 30')
        + gate("NEVER", 'kind = "fresh"\npath = "slo.yaml"\nmax_age_days = 30')
        + gate("OWNER", 'kind = "owner"\npath = "docs/runbook.md"\nowner = "@org/sre"')
        + gate("NOT-MINE", 'kind = "owner"\npath = "calc.py"\nowner = "@org/sre"')
        + gate("SLO", 'kind = "value"\npath = "slo.yaml"\nquery = "availability"\nop = ">="\nvalue = 99.9')
        + gate("P99", 'kind = "value"\npath = "slo.yaml"\nquery = "latency_ms.p99"\nop = "<="\nvalue = 300')
        + gate("NODE", 'kind = "value"\npath = "package.json"\nquery = "engines.node"\nop = ">="\nvalue = 20')
        + gate("ROLLBACK", 'kind = "grep"\npath = "docs/*.md"\nmatches = "(?i)rollback"')
        + gate("NO-SHELL", 'kind = "grep"\npath = "*.py"\nnot_contains = "shell=True"')
        + gate("NO-ENV", 'kind = "file"\npath = ".env"\nabsent = true'),
    )
    assert reasons(got["STALE"]) == [("fail", "docs/runbook.md last changed 143 days ago (> 90)")]
    assert reasons(got["FRESH"]) == [("pass", "docs/*.md last changed 10 days ago (<= 30)")]
    assert reasons(got["NEVER"]) == [("fail", "slo.yaml was never committed")]
    assert reasons(got["OWNER"]) == [("pass", "docs/runbook.md owned by @org/sre (CODEOWNERS)")]
    assert reasons(got["NOT-MINE"]) == [("fail", "calc.py is owned by @org/platform, not @org/sre (CODEOWNERS)")]
    assert reasons(got["SLO"]) == [("fail", "availability = 99.5 not >= 99.9 (slo.yaml)")]
    assert reasons(got["P99"]) == [("pass", "latency_ms.p99 = 250 <= 300 (slo.yaml)")]
    assert reasons(got["NODE"]) == [("fail", "engines.node = '>=18.17' not >= 20 (package.json)")]
    assert reasons(got["ROLLBACK"]) == [("pass", "/(?i)rollback/ found in docs/runbook.md:3")]
    assert reasons(got["NO-SHELL"]) == [("fail", "'shell=True' found in app.py:5")]
    assert reasons(got["NO-ENV"]) == [("pass", ".env absent")]


def test_bad_input_errors_and_never_passes(project: Path, tmp_path: Path) -> None:
    (project / "reports/broken.xml").write_text((project / "reports/junit.xml").read_text()[:200])
    (project / "reports/slo-bad.yaml").write_text("availability: [99.9\n")
    huge = project / "reports/huge.sarif"
    with open(huge, "wb") as fh:  # sparse: 2 GiB on stat, nothing on disk
        fh.truncate(2 * 2**30)
    os.symlink(tmp_path / "outside.json", project / "reports/link.json")
    (tmp_path / "outside.json").write_text('{"tests": 1}')
    got = views(
        project,
        gate("BROKEN", 'kind = "junit"\npath = "reports/broken.xml"')
        + gate("MISSING", 'kind = "coverage"\npath = "reports/nope.xml"\nmin_line = 1')
        + gate("ESCAPE", 'kind = "value"\npath = "../outside.json"\nquery = "tests"\nvalue = 1')
        + gate("LINK", 'kind = "value"\npath = "reports/link.json"\nquery = "tests"\nvalue = 1')
        + gate("HUGE", 'kind = "sarif"\npath = "reports/huge.sarif"')
        + gate("YAML", 'kind = "value"\npath = "reports/slo-bad.yaml"\nquery = "availability"\nvalue = 1')
        + gate("NOT-NUM", 'kind = "value"\npath = "slo.yaml"\nquery = "service"\nop = ">="\nvalue = 2'),
    )
    assert got["BROKEN"].status == "error"
    assert got["BROKEN"].reason.startswith("reports/broken.xml:") and "not valid XML" in got["BROKEN"].reason
    assert (got["MISSING"].status, got["MISSING"].reason) == ("fail", "reports/nope.xml not found")
    assert (got["ESCAPE"].status, got["ESCAPE"].reason) == ("error", "'../outside.json' points outside the repo root")
    assert got["LINK"].status == "error" and "outside the repo" in got["LINK"].reason
    assert (got["HUGE"].status, got["HUGE"].reason) == (
        "error",
        f"reports/huge.sarif is 2048 MiB, over the {base.MAX_REPORT_BYTES // 2**20} MiB a check reads",
    )
    assert got["YAML"].status == "error" and got["YAML"].reason.startswith("reports/slo-bad.yaml:2: not valid YAML")
    assert (got["NOT-NUM"].status, got["NOT-NUM"].reason) == ("error", "service in slo.yaml is 'calc', not a number")


def test_a_bad_check_is_a_located_schema_error(project: Path) -> None:
    path = project / "board.toml"
    text = '[board]\ntitle = "x"\n' + gate(
        "A", 'kind = "junit"\npath = "r.xml"', 'kind = "coverage"\npath = "c.xml"\nmin_tests = 3'
    )
    path.write_text(text)
    with pytest.raises(BoardValidationError) as info:
        BoardStore.load(path)
    (problem,) = info.value.problems
    # The second check's row: its header, since the key belongs to no field of the row's kind.
    lines = text.splitlines()
    assert problem.line == max(n for n, line in enumerate(lines) if line == "[[items.gate.checks]]") + 1
    assert "'min_tests' is not a key of a coverage check" in problem.message
    path.write_text('[board]\ntitle = "x"\n' + gate("A", 'kind = "grep"\npath = "*.py"\nmatches = "(unclosed"'))
    with pytest.raises(BoardValidationError) as info:
        BoardStore.load(path)
    assert "bad regular expression '(unclosed'" in info.value.problems[0].message


def test_check_in_ci_needs_no_trust(project: Path) -> None:
    """Declarative checks run no code: an untrusted board passes ``check`` on them alone."""
    path = project / "board.toml"
    path.write_text(
        '[board]\ntitle = "ci"\n'
        + gate("COV", 'kind = "coverage"\npath = "reports/coverage.xml"\nmin_line = 70')
        + gate("OWN", 'kind = "owner"\npath = "docs/runbook.md"')
    )
    res = CliRunner().invoke(cli, ["check", str(path), "--json"])
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    assert [g["status"] for g in doc["gates"]] == ["pass", "pass"]
    assert "trust" not in res.stderr
    assert doc["gates"][0]["checks"][0]["reason"] == "line coverage 72.7% >= 70% (reports/coverage.xml)"


def test_a_new_report_refreshes_the_gate(project: Path) -> None:
    """A coverage report written after the session opened is watched like evidence."""
    path = project / "board.toml"
    path.write_text(
        '[board]\ntitle = "live"\n' + gate("COV", 'kind = "coverage"\npath = "out/cov.json"\nmin_line = 70')
    )
    session = GateSession(path, BoardStore.load(path).board)
    try:
        assert session.view("COV").reason == "out/cov.json not found"
        (project / "out").mkdir()
        shutil.copy(project / "reports/coverage.json", project / "out/cov.json")
        assert session.note_changes([project / "out/cov.json"]) == {"COV"}
        assert session.view("COV").status == "pass"
    finally:
        session.close()
