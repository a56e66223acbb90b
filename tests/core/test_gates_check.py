"""``readiness check``: exit codes, --json, --junit, --priority, trust."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from readiness_tui.cli import cli
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.gates import trust
from readiness_tui.core.gates.state import state_path

FAKE_GH = "ghp_" + "Zx9Qw3Er5Ty7Ui1Op4As6Df8Gh2Jk0Lm3Nb5V"


@pytest.fixture
def board(gates_repo: Path) -> Path:
    return gates_repo / "board.toml"


def run(*args: str) -> tuple[int, str, str]:
    res = CliRunner().invoke(cli, ["check", *args])
    return res.exit_code, res.stdout, res.stderr


def test_untrusted_board_runs_nothing_and_fails(board: Path) -> None:
    code, out, err = run(str(board), "--json")
    assert code == 1
    gates = {g["id"]: g for g in json.loads(out)["gates"]}
    assert gates["G-PASS"]["status"] == "untrusted" and gates["G-PASS"]["exit_code"] is None
    assert gates["G-EVIDENCE"]["status"] == "pass"
    assert "readiness trust" in err
    assert not state_path(board).exists()


def test_json_output_shape(board: Path) -> None:
    code, out, _ = run(str(board), "--json", "--trust")
    assert code == 1
    doc = json.loads(out)
    gates = {g["id"]: g for g in doc["gates"]}
    assert set(gates) == {"G-PASS", "G-FAIL", "G-WAIVED", "G-EVIDENCE", "G-ESCAPE", "G-MANUAL"}
    p = gates["G-PASS"]
    assert p["status"] == "pass" and p["exit_code"] == 0 and p["duration_s"] >= 0
    assert p["evidence"] == [{"path": "docs/runbook.md", "present": True}]
    assert gates["G-FAIL"]["status"] == "fail" and gates["G-FAIL"]["drift"] == "claimed done, not verified"
    w = gates["G-WAIVED"]
    assert w["status"] == "waived" and w["waiver"]["expires"] == "2026-02-25" and w["waiver"]["expiring_soon"]
    assert gates["G-ESCAPE"]["status"] == "error" and gates["G-ESCAPE"]["evidence"][0]["present"] is False
    for g in gates.values():
        assert {"id", "status", "evidence", "exit_code", "duration_s", "waiver", "drift"} <= set(g)


def test_exit_0_when_everything_in_scope_passes(board: Path) -> None:
    code, out, _ = run(str(board), "--trust", "--priority", "P1")
    assert code == 0, out
    assert "G-WAIVED" in out and "G-FAIL" not in out


def test_exit_1_on_failure_with_a_table(board: Path) -> None:
    code, out, _ = run(str(board), "--trust", "-p", "P0")
    assert code == 1
    assert "G-FAIL" in out and "FAIL" in out and "lint: 3 problems" in out


def test_trusted_board_runs_without_the_flag(board: Path) -> None:
    store = BoardStore.load(board)
    trust(store.path, store.board)
    code, out, _ = run(str(board), "-p", "P1", "--json")
    assert code == 0
    assert state_path(board).exists()


def test_usage_and_board_errors_exit_2(tmp_path: Path, board: Path) -> None:
    code, _, err = run(str(tmp_path / "missing.toml"))
    assert code == 2 and "no such board file" in err and "Traceback" not in err
    bad = tmp_path / "bad.toml"
    bad.write_text('[board]\ntitle = "x"\n[[items]]\nid = "A"\nstatus = "whatever"\n')
    code, _, err = run(str(bad))
    assert code == 2 and "status" in err and "Traceback" not in err
    assert run(str(board), "--priority", "P9")[0] == 2
    assert run(str(board), "--jobs", "0")[0] == 2
    assert run()[0] == 2


def test_junit_report(board: Path, tmp_path: Path) -> None:
    report = tmp_path / "gates.xml"
    code, _, _ = run(str(board), "--trust", "--junit", str(report))
    assert code == 1
    root = ET.parse(report).getroot()
    suite = root.find("testsuite")
    assert suite is not None and suite.get("tests") == "6"
    cases = {c.get("name").split()[0]: c for c in suite.iter("testcase")}  # type: ignore[union-attr]
    assert cases["G-FAIL"].find("failure") is not None
    assert cases["G-ESCAPE"].find("error") is not None
    assert cases["G-WAIVED"].find("skipped") is not None
    assert cases["G-PASS"].find("failure") is None and cases["G-PASS"].find("error") is None
    assert suite.get("failures") == "1" and suite.get("errors") == "1"


def test_secrets_never_reach_json_output(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    path = tmp_path / "b.toml"
    # The command builds the token at run time, so only the output can leak it.
    cmd = f"echo token={FAKE_GH[:4]}$(echo {FAKE_GH[4:]})"
    path.write_text(f'[[items]]\nid = "S"\n[items.gate]\nverify = "{cmd}"\n')
    code, out, _ = run(str(path), "--trust", "--json", "--output")
    assert code == 0
    assert FAKE_GH not in out and "[REDACTED:" in json.loads(out)["gates"][0]["output"]
    assert FAKE_GH not in state_path(path).read_text()


def test_secrets_in_a_command_are_redacted_in_reports(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    path = tmp_path / "b.toml"
    path.write_text(f'[[items]]\nid = "S"\n[items.gate]\nverify = "test -n {FAKE_GH}"\n')
    code, out, _ = run(str(path), "--trust", "--json")
    assert code == 0 and FAKE_GH not in out


def test_jobs_option(board: Path) -> None:
    code, out, _ = run(str(board), "--trust", "--jobs", "1", "-p", "P1", "--json")
    assert code == 0 and json.loads(out)["ok"] is True
