"""A tiny project whose reports are written by the real tools: pytest (JUnit XML), coverage.py
(Cobertura XML, JSON, LCOV), Bandit (SARIF), and git commits with set dates (freshness). Built once
per test session (``reports_project`` in conftest) and copied by a test that changes it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

CALC = """\
def add(a, b):
    return a + b


def sign(x):
    if x < 0:
        return -1
    if x == 0:
        return 0
    return 1


def unused(x):
    y = x * 2
    return y
"""

TESTS = """\
from calc import add, sign


def test_add():
    assert add(2, 3) == 5


def test_sign_negative():
    assert sign(-4) == -1


def test_sign_wrong():
    assert sign(0) == 1
"""

#: subprocess.call on a caller's string with shell=True: Bandit's B602 at level error, line 5.
APP = """\
import subprocess


def run(cmd):
    return subprocess.call(cmd, shell=True)
"""

#: The board's frozen "today" (tests/conftest.py FROZEN_TODAY) and the commit dates around it.
STALE_DATE = "2025-09-30T12:00:00+00:00"  # 143 days before 2026-02-20
FRESH_DATE = "2026-02-10T12:00:00+00:00"  # 10 days before


def _run(args: list[str], cwd: Path, env: dict[str, str] | None = None, ok: tuple[int, ...] = (0,)) -> None:
    proc = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True)
    assert proc.returncode in ok, f"{args}: {proc.returncode}\n{proc.stdout}\n{proc.stderr}"


def _commit(root: Path, paths: list[str], message: str, date: str) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.com",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.com",
        "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_DATE": date,
    }
    _run(["git", "add", "--", *paths], root, env)
    _run(["git", "-c", "commit.gpgsign=false", "commit", "-q", "-m", message], root, env)


def build(root: Path) -> Path:
    root.mkdir(parents=True)
    (root / "calc.py").write_text(CALC)
    (root / "test_calc.py").write_text(TESTS)
    (root / "app.py").write_text(APP)
    (root / "reports").mkdir()
    bin_dir = Path(sys.executable).parent
    env = {**os.environ, "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1", "COVERAGE_FILE": str(root / ".coverage")}
    # One test fails on purpose: the JUnit report then has 3 tests, 1 failure.
    _run(
        [sys.executable, "-m", "coverage", "run", "--branch", "--source=calc", "-m", "pytest", "-q",
         "-p", "no:cacheprovider", "--junitxml=reports/junit.xml", "test_calc.py"],
        root, env, ok=(1,),
    )  # fmt: skip
    for fmt, out in (("xml", "reports/coverage.xml"), ("json", "reports/coverage.json"), ("lcov", "reports/lcov.info")):
        _run([sys.executable, "-m", "coverage", fmt, "-o", out], root, env)
    _run([str(bin_dir / "bandit"), "-q", "-f", "sarif", "-o", "reports/bandit.sarif", "app.py"], root, ok=(1,))
    (root / "docs").mkdir()
    (root / "docs" / "runbook.md").write_text("# Runbook\n\nRollback: redeploy the previous tag.\n")
    (root / "docs" / "oncall.md").write_text("# On call\n")
    (root / "CODEOWNERS").write_text("* @org/platform\n/docs/ @org/sre\n")
    (root / "slo.yaml").write_text("service: calc\navailability: 99.5\nlatency_ms: {p99: 250}\n")
    (root / "package.json").write_text('{"name": "calc-ui", "engines": {"node": ">=18.17"}}\n')
    _run(["git", "init", "-q", "-b", "main"], root)
    _commit(root, ["docs/runbook.md"], "runbook", STALE_DATE)
    _commit(root, ["docs/oncall.md", "CODEOWNERS"], "on call", FRESH_DATE)
    return root
