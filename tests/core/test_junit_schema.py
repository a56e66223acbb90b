"""``check`` and ``lint`` JUnit XML validate against the Jenkins xUnit plugin's junit-10.xsd."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import xmlschema
from click.testing import CliRunner

from readiness_tui.cli import cli

from ..conftest import BOARDS

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SCHEMA = xmlschema.XMLSchema(FIXTURES / "junit" / "junit-10.xsd")
BROKEN = '[board]\ntitle = "b"\n\n[[items]]\nid = "A"\ntitle = "A"\ndepends_on = ["B"]\n'


@pytest.fixture
def gates_board(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(FIXTURES / "gates" / "repo", root)
    (root / ".git").mkdir()
    shutil.copy(FIXTURES / "gates" / "board.toml", root / "board.toml")
    return root / "board.toml"


def _valid(xml: bytes) -> ET.Element:
    SCHEMA.validate(xml.decode("utf-8"))  # raises with the element and rule at fault
    return ET.fromstring(xml)


def test_check_junit_file_and_stdout_validate_and_keep_counts_and_drift(gates_board: Path, tmp_path: Path) -> None:
    written = tmp_path / "gates.xml"
    res = CliRunner().invoke(cli, ["check", str(gates_board), "--trust", "-f", "junit", "--junit", str(written)])
    assert res.exit_code == 1, res.output
    root = _valid(res.stdout.encode())
    names = [c.get("name") for c in root.iter("testcase")]
    assert [c.get("name") for c in _valid(written.read_bytes()).iter("testcase")] == names
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("6", "1", "1")
    suite = root.find("testsuite")
    assert suite is not None and suite.get("skipped") == "2"  # the skipped count lives on the suite
    cases = {c.get("name", "").split()[0]: c for c in root.iter("testcase")}
    # G-FAIL is done but its gate fails: the drift that was a per-case property leads its output
    out = cases["G-FAIL"].findtext("system-out") or ""
    assert out.startswith("drift: ") and "lint: 3 problems" in out


def test_check_junit_validates_when_a_title_holds_control_characters(tmp_path: Path) -> None:
    # TOML allows any control character as an escape; XML 1.0 holds none of them.
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    board = root / "board.toml"
    board.write_text(
        '[board]\ntitle = "t"\n\n[[items]]\nid = "G-1"\ntitle = "Red \\u001b[31m bell\\u0007"\n'
        'status = "todo"\n[items.gate]\nverify = "exit 1"\n'
    )
    res = CliRunner().invoke(cli, ["check", str(board), "--trust", "-f", "junit"])
    assert res.exit_code == 1, res.output
    case = _valid(res.stdout.encode()).find(".//testcase")
    assert case is not None and case.get("name") == "G-1 Red #x1B[31m bell#x07"


def test_lint_junit_validates_for_errors_warnings_and_a_clean_board(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(BROKEN + 'owner = "nobody-handle"\nestimate_days = -1\n')
    clean = BOARDS / "dome-production-readiness-tracker.toml"
    res = CliRunner().invoke(cli, ["lint", str(bad), str(clean), "-f", "junit"])
    assert res.exit_code == 1
    root = _valid(res.stdout.encode())
    assert root.get("failures") == str(sum(int(s.get("failures", "0")) for s in root.iter("testsuite")))
    assert int(root.get("failures", "0")) >= 1


def test_the_schema_refuses_what_readiness_used_to_write() -> None:
    # Guards the fixture: the old shape (skipped on <testsuites>, <properties> in a case) is refused.
    old = (
        '<testsuites tests="1" failures="0" errors="0" skipped="0"><testsuite name="s" tests="1" failures="0" '
        'errors="0"><testcase name="c"><properties><property name="drift" value="x"/></properties>'
        "</testcase></testsuite></testsuites>"
    )
    assert not SCHEMA.is_valid(old)
    assert not SCHEMA.is_valid(old.replace(' skipped="0"', ""))
    assert SCHEMA.is_valid(
        old.replace(' skipped="0"', "").replace('<properties><property name="drift" value="x"/></properties>', "")
    )
