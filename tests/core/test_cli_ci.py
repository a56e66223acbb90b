"""What CI reads: ``check``/``lint`` as GitHub Actions annotations and JUnit XML, and boards on stdin."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from readiness_tui.cli import cli

from ..conftest import BOARDS

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
LAUNCH = FIXTURES / "boards" / "launch.toml"
BROKEN = '[board]\ntitle = "b"\n\n[[items]]\nid = "A"\ntitle = "A"\ndepends_on = ["B"]\n'


def invoke(*args: str, stdin: str | bytes | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), input=stdin)


@pytest.fixture
def gates_board(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(FIXTURES / "gates" / "repo", root)
    (root / ".git").mkdir()
    shutil.copy(FIXTURES / "gates" / "board.toml", root / "board.toml")
    return root / "board.toml"


def _line_of(path: Path, text: str, after: str) -> int:
    """The 1-based line of the first ``text`` after the line holding ``after``."""
    lines = path.read_text().splitlines()
    start = next(n for n, line in enumerate(lines) if after in line)
    return next(n for n, line in enumerate(lines[start:], start) if text in line) + 1


def test_check_github_annotates_each_failing_gate_on_its_line(gates_board: Path) -> None:
    res = invoke("check", str(gates_board), "--trust", "--format", "github")
    assert res.exit_code == 1
    fail_line = _line_of(gates_board, "verify =", 'id = "G-FAIL"')
    escape_line = _line_of(gates_board, "evidence =", 'id = "G-ESCAPE"')
    assert res.stdout.splitlines() == [
        f"::error file={gates_board},line={fail_line},title=gate-fail::G-FAIL: gate fail: exit code 2",
        f"::error file={gates_board},line={escape_line},title=gate-error::"
        "G-ESCAPE: gate error: '../outside.txt' points outside the repo root",
    ]  # one per failing gate; passing, waived and manual gates say nothing


def test_check_github_puts_missing_evidence_on_the_evidence_line(gates_board: Path) -> None:
    shutil.rmtree(gates_board.parent / "reports")
    res = invoke("check", str(gates_board), "--trust", "-f", "github")
    line = _line_of(gates_board, "evidence =", 'id = "G-EVIDENCE"')
    assert (
        f"::error file={gates_board},line={line},title=gate-fail::G-EVIDENCE: gate fail: missing evidence" in res.stdout
    )


def test_check_github_untrusted_gates_point_at_their_commands(gates_board: Path) -> None:
    res = invoke("check", str(gates_board), "-f", "github")
    assert res.exit_code == 1
    line = _line_of(gates_board, "verify =", 'id = "G-PASS"')
    assert f"::error file={gates_board},line={line},title=gate-untrusted::G-PASS: gate untrusted" in res.stdout
    assert "readiness trust" in res.stderr


def test_check_junit_on_stdout_matches_the_junit_file(gates_board: Path, tmp_path: Path) -> None:
    written = tmp_path / "gates.xml"
    res = invoke("check", str(gates_board), "--trust", "--format", "junit", "--junit", str(written))
    assert res.exit_code == 1
    root = ET.fromstring(res.stdout.encode())
    suite = root.find("testsuite")
    assert suite is not None
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors"), suite.get("skipped")) == (
        "6",
        "1",
        "1",
        "2",
    )
    by_name = {c.get("name", "").split()[0]: c for c in suite.iter("testcase")}
    assert by_name["G-FAIL"].find("failure") is not None and by_name["G-ESCAPE"].find("error") is not None
    assert by_name["G-PASS"].find("failure") is None and by_name["G-WAIVED"].find("skipped") is not None
    file_root = ET.parse(written).getroot()
    assert [c.get("name") for c in file_root.iter("testcase")] == [c.get("name") for c in root.iter("testcase")]


def test_lint_junit_fails_a_case_per_error_and_passes_a_clean_board(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(BROKEN)
    clean = BOARDS / "dome-production-readiness-tracker.toml"
    res = invoke("lint", str(bad), str(clean), "--format", "junit")
    assert res.exit_code == 1
    suites = ET.fromstring(res.stdout.encode()).findall("testsuite")
    assert [s.get("name") for s in suites] == [f"readiness lint: {bad}", f"readiness lint: {clean}"]
    failures = [c.find("failure") for c in suites[0].iter("testcase")]
    assert [f.get("type") for f in failures if f is not None] == ["error"]
    assert f"{bad}:7: ERROR unknown-dependency A: depends on 'B'" in (failures[0].text or "")
    clean_cases = list(suites[1].iter("testcase"))
    assert clean_cases and all(c.find("failure") is None for c in clean_cases)
    assert suites[1].get("failures") == "0"


# ---------------------------------------------------------------------------- standard input
def test_lint_reads_stdin_and_names_stdin_lines() -> None:
    res = invoke("lint", "-", stdin=BROKEN)
    assert res.exit_code == 1
    assert "<stdin>:7: ERROR unknown-dependency A: depends on 'B'" in res.stdout
    res = invoke("lint", "-", "--format", "github", stdin=BROKEN)
    assert "::error file=<stdin>,line=7,title=unknown-dependency::" in res.stdout


@pytest.mark.parametrize(
    ("command", "extra"),
    [("lint", []), ("order", []), ("list", []), ("export", ["-f", "csv"]), ("report", []), ("show", ["A"])],
)
def test_bad_toml_on_stdin_is_located_not_a_traceback(command: str, extra: list[str]) -> None:
    res = invoke(command, "-", *extra, stdin='[[items]]\nid = "A"\ntitle = = 3\n')
    out = res.stdout + res.stderr
    assert "<stdin>:3:" in out and "toml-syntax" in out and "Traceback" not in out
    assert res.exit_code == (1 if command == "lint" else 2)


def test_bytes_that_are_not_utf8_on_stdin_are_located() -> None:
    res = invoke("order", "-", stdin=b'[board]\ntitle = "\xff"\n')
    assert res.exit_code == 2 and "<stdin>:2: ERROR encoding" in res.stderr


def test_reading_commands_give_the_same_answer_from_stdin_as_from_the_file() -> None:
    text = LAUNCH.read_text()
    for args in (
        ["order", "--json"],
        ["list", "--json", "-f", "owner:@ana"],
        ["search", "scan", "--json"],
        ["export", "-f", "json"],
        ["export", "-f", "csv"],
    ):
        from_file = invoke(args[0], str(LAUNCH), *args[1:])
        from_stdin = invoke(args[0], "-", *args[1:], stdin=text)
        assert from_stdin.exit_code == from_file.exit_code == 0
        assert from_stdin.stdout == from_file.stdout, args
    shown = invoke("show", "-", "SEC-02", "--json", stdin=text)
    assert json.loads(shown.stdout)["id"] == "SEC-02"
    missing = invoke("show", "-", "SEC-99", stdin=text)
    assert missing.exit_code == 1 and "no item 'SEC-99' in <stdin>" in missing.stderr


def test_report_from_stdin_has_no_history() -> None:
    res = invoke("report", "-", "--json", stdin=LAUNCH.read_text())
    assert res.exit_code == 0
    assert json.loads(res.stdout)["history"]["records"] == 0


def test_check_from_stdin_checks_evidence_in_the_current_repository_and_runs_nothing(
    gates_board: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(gates_board.parent)
    res = invoke("check", "-", "--json", stdin=gates_board.read_text())
    assert res.exit_code == 1
    gates = {g["id"]: g for g in json.loads(res.stdout)["gates"]}
    assert gates["G-EVIDENCE"]["status"] == "pass"  # reports/*.xml found in the repository here
    assert gates["G-PASS"]["status"] == "untrusted" and gates["G-PASS"]["exit_code"] is None
    assert "standard input never runs its verify commands" in res.stderr
    refused = invoke("check", "-", "--trust", stdin=gates_board.read_text())
    assert refused.exit_code == 2 and "--trust" in refused.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["set", "-", "SEC-02", "status=done"],
        ["add", "-", "--title", "x"],
        ["note", "-", "SEC-02", "hello"],
        ["resolve", "-"],
        ["trust", "-"],
        ["audit", "verify", "-"],
        ["audit", "log", "-"],
        ["audit", "anchor", "-"],
        ["git-setup", "-"],
    ],
)
def test_commands_that_need_the_file_refuse_stdin_with_the_reason(args: list[str]) -> None:
    res = invoke(*args, stdin=LAUNCH.read_text())
    assert res.exit_code == 2
    assert "a board on standard input (-) cannot be used here" in res.stderr and "name the board file" in res.stderr
