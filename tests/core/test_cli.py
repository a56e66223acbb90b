"""The headless CLI: exit codes, output shapes, edits written through the store."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from readiness_tui.cli import cli
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.edits.expressions import parse_assignment

from ..conftest import BOARDS


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_help_lists_every_command() -> None:
    code, out, _ = run("--help")
    assert code == 0
    for cmd in ("lint", "order", "export", "set", "schema"):
        assert cmd in out


def test_lint_clean_board_exits_zero_and_broken_board_one(tmp_path: Path) -> None:
    code, out, _ = run("lint", str(BOARDS / "dome-production-readiness-tracker.toml"))
    assert code == 0
    bad = tmp_path / "bad.toml"
    bad.write_text('[[items]]\nid = "A"\ndepends_on = ["B"]\n')
    code, out, _ = run("lint", str(bad))
    assert code == 1
    assert f"{bad}:3: ERROR unknown-dependency A: depends on 'B'" in out


def test_lint_missing_file_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    code, out, err = run("lint", str(tmp_path / "nope.toml"))
    assert code == 2  # an unreadable board is a usage error, as the README says
    assert "no such board file" in out + err
    assert "Traceback" not in out + err


def test_order_shows_waves_critical_path_ready_blocked() -> None:
    code, out, _ = run("order", str(BOARDS / "codex-execution-task-board.toml"))
    assert code == 0
    assert "wave 1: CODEX-P0-001, CODEX-P0-002, CODEX-P0-003, CODEX-P0-004, CODEX-P0-005" in out
    assert (
        "Critical path (17 days): CODEX-P0-002 -> CODEX-P1-001 -> CODEX-P1-002 -> CODEX-P1-006 -> CODEX-P2-001" in out
    )
    code, out, _ = run("order", str(BOARDS / "codex-execution-task-board.toml"), "--json")
    data = json.loads(out)
    assert data["critical_path"]["total_days"] == 17
    assert "CODEX-P1-006" in data["waiting"] and data["blocked"] == []  # waiting on dependencies, status todo
    assert data["critical_path"]["unit"] == "days" and data["ready"][0] == "CODEX-P0-001"


def test_export_json_contract() -> None:
    code, out, _ = run("export", str(BOARDS / "dome-production-readiness-tracker.toml"), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert set(data) >= {"board", "items", "risks", "phases", "milestones", "waivers"}
    m04 = next(i for i in data["items"] if i["id"] == "M-04")
    for key in (
        "id",
        "title",
        "status",
        "priority",
        "owner",
        "depends_on",
        "estimate_days",
        "target",
        "phase",
        "parent",
        "gate",
    ):
        assert key in m04
    assert m04["status"] == "done" and m04["depends_on"] == ["M-02", "M-03"]
    assert m04["gate"]["verify"].startswith("pytest -q tests/test_mcp_events.py")
    assert m04["gate"]["evidence"] == ["ops/runtime/m04/"]
    assert set(m04["gate"]) == {"exit_criteria", "verify", "evidence"}


def test_export_risks_and_phases_in_json() -> None:
    _, out, _ = run("export", str(BOARDS / "final-implementation-plan.toml"), "-f", "json")
    data = json.loads(out)
    risks = {r["id"]: r["mitigated_by"] for r in data["risks"]}
    assert risks["R-004"] == ["T-006", "T-025"]
    assert len(data["phases"]) == 5


@pytest.mark.parametrize(
    "fmt,needles",
    [
        ("md", ["| M-02 |", "| Row \\\\ Col |", "## Dependency matrix"]),
        ("mermaid", ["flowchart LR", "n_M_01 --> n_M_02"]),
        ("dot", ["digraph"]),
    ],
)
def test_export_other_formats(fmt: str, needles: list[str], tmp_path: Path) -> None:
    out_file = tmp_path / f"out.{fmt}"
    code, _, _ = run("export", str(BOARDS / "dome-production-readiness-tracker.toml"), "-f", fmt, "-o", str(out_file))
    assert code == 0
    text = out_file.read_text()
    for needle in needles:
        assert needle in text, needle


def test_set_writes_only_the_field_and_refuses_cycles(board_copy) -> None:  # type: ignore[no-untyped-def]
    path = board_copy("codex-execution-task-board.toml")
    before = path.read_text()
    code, out, _ = run("set", str(path), "CODEX-P0-001", "status=done", "owner=@ana")
    assert code == 0, out
    after = path.read_text()
    store = BoardStore.load(path)
    assert store.item("CODEX-P0-001").status == "done"
    assert store.item("CODEX-P0-001").owner == "@ana"
    # Exactly the two lines of the two fields changed, each in place; nothing else in the file moved.
    old_lines, new_lines = before.splitlines(), after.splitlines()
    assert len(old_lines) == len(new_lines)
    changed = [(a, b) for a, b in zip(old_lines, new_lines) if a != b]
    assert changed == [('status = "todo"', 'status = "done"'), ('owner = "QA/SDET + Backend"', 'owner = "@ana"')]
    code, out, err = run("set", str(path), "CODEX-P0-002", "depends_on+=CODEX-P2-001")
    assert code == 1
    assert "cycle" in err
    assert path.read_text() == after


def test_set_dependency_add_remove_and_bad_values(board_copy) -> None:  # type: ignore[no-untyped-def]
    path = board_copy("codex-execution-task-board.toml")
    assert run("set", str(path), "CODEX-P2-004", "depends_on+=CODEX-P0-003")[0] == 0
    assert run("set", str(path), "CODEX-P2-004", "depends_on-=CODEX-P1-006")[0] == 0
    assert BoardStore.load(path).item("CODEX-P2-004").depends_on == ["CODEX-P0-003"]
    code, _, err = run("set", str(path), "CODEX-P2-004", "estimate_days=soon")
    assert code == 2 and "number of days" in err
    code, _, err = run("set", str(path), "NOPE", "status=done")
    assert code == 1 and "no item 'NOPE'" in err


def test_schema_is_json_schema_and_matches_shipped_copy() -> None:
    code, out, _ = run("schema")
    schema = json.loads(out)
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert "items" in schema["properties"]
    assert (BOARDS / "board.schema.json").read_text() == out
    for board in BOARDS.glob("*.toml"):
        assert board.read_text().startswith("#:schema ./board.schema.json\n")


def test_parse_assignment() -> None:
    assert parse_assignment("status=Done").value == "done"
    assert parse_assignment("depends_on+=A, B").value == ["A", "B"]
    assert parse_assignment("target=2026-w9".replace("w9", "W09")).value == "2026-W09"
    assert parse_assignment("owner=").value is None
    with pytest.raises(ValueError):
        parse_assignment("status")
    with pytest.raises(ValueError):
        parse_assignment("priority=P9")


def test_console_script_runs_in_a_fresh_process() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "readiness_tui", "lint", str(BOARDS / "dome-production-readiness-tracker.toml")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
