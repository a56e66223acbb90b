"""Every command that prints data has a ``--json`` document: strict JSON with a ``format_version``.

Each test pins one document's keys and the type of each value (the README's "JSON output"): a key
renamed, removed or changed in type fails here. Keys may be added without changing these tests.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from readiness_tui.cli import cli

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
LAUNCH = FIXTURES / "boards" / "launch.toml"

STR, INT, BOOL, LIST, DICT, NONE = str, int, bool, list, dict, type(None)


def run_json(*args: str, code: int = 0, stdin: str | None = None) -> Any:
    res = CliRunner().invoke(cli, list(args), input=stdin)
    assert res.exit_code == code, (res.stdout, res.stderr)
    # strict JSON: NaN or Infinity would be accepted by json.loads unless refused
    return json.loads(res.stdout, parse_constant=lambda c: pytest.fail(f"not strict JSON: {c}"))


def assert_shape(doc: dict[str, Any], shape: dict[str, Any]) -> None:
    """Each key of ``shape`` is in ``doc`` with a value of that type (or one of a tuple of types)."""
    for key, kind in shape.items():
        assert key in doc, f"{key!r} missing from {sorted(doc)}"
        assert isinstance(doc[key], kind), f"{key!r} is {type(doc[key]).__name__}, expected {kind}"


@pytest.fixture
def launch(tmp_path: Path) -> Path:
    dst = tmp_path / "launch.toml"
    shutil.copy(LAUNCH, dst)
    return dst


def test_order_json_contract(launch: Path) -> None:
    doc = run_json("order", str(launch), "--json")
    assert_shape(
        doc,
        {
            "format_version": INT,
            "waves": LIST,
            "ready": LIST,
            "waiting": DICT,
            "blocked": LIST,
            "unplaced": DICT,
            "on_cycle": LIST,
            "cycles": LIST,
            "critical_path": DICT,
            "root_causes": DICT,
        },
    )
    assert doc["format_version"] == 1
    assert all(isinstance(i, str) for wave in doc["waves"] for i in wave)
    assert_shape(
        doc["critical_path"],
        {"ids": LIST, "unit": STR, "length": (int, float), "label": STR, "slack": DICT, "unestimated": LIST},
    )
    assert doc["waiting"] and all(isinstance(v, list) for v in doc["waiting"].values())


def test_check_json_contract(launch: Path) -> None:
    doc = run_json("check", str(launch), "--json", code=1)  # untrusted: nothing ran, so not ok
    assert_shape(
        doc,
        {
            "format_version": INT,
            "board": STR,
            "repo_root": STR,
            "trusted": BOOL,
            "ok": BOOL,
            "gates": LIST,
            "go_no_go": DICT,
        },
    )
    assert doc["format_version"] == 1 and doc["ok"] is False and doc["board"] == str(launch)
    gate = doc["gates"][0]
    assert_shape(
        gate,
        {
            "id": STR,
            "title": STR,
            "status": STR,
            "reason": STR,
            "command": (str, NONE),
            "evidence": LIST,
            "exit_code": (int, NONE),
            "waiver": (dict, NONE),
            "drift": (str, NONE),
        },
    )
    assert gate["status"] == "untrusted"


def test_report_json_alias_and_contract(launch: Path) -> None:
    doc = run_json("report", str(launch), "--json")
    assert doc == run_json("report", str(launch), "-f", "json")  # --json is -f json
    assert_shape(
        doc,
        {
            "format_version": INT,
            "schema": STR,
            "week": STR,
            "completed": LIST,
            "completed_undone": LIST,
            "blocked": LIST,
            "waiting": LIST,
            "risks_introduced": LIST,
            "dependency_changes": LIST,
            "go_no_go": DICT,
            "history": DICT,
        },
    )
    assert doc["week"] == "2026-W08" and doc["format_version"] == 1


def test_trust_json_reports_without_asking_and_trusts_only_with_yes(launch: Path) -> None:
    doc = run_json("trust", str(launch), "--json")
    assert_shape(
        doc,
        {"format_version": INT, "board": STR, "repo_root": STR, "trusted": BOOL, "action": STR, "commands": LIST},
    )
    assert doc["trusted"] is False and doc["action"] == "none"
    assert {
        "item": "SEC-01",
        "command": "python scripts/validate_security_workflows.py",
        "control_characters": False,
    } in (doc["commands"])
    done = run_json("trust", str(launch), "--json", "--yes")
    assert done["trusted"] is True and done["action"] == "trusted"
    assert run_json("check", str(launch), "--json", code=1)["trusted"] is True  # the record is real
    gone = run_json("trust", str(launch), "--json", "--revoke")
    assert gone["action"] == "revoked" and gone["trusted"] is False


def test_trust_json_redacts_commands_as_check_json_does(tmp_path: Path) -> None:
    token = "ghp_" + "Zx9Qw3Er5Ty7Ui1Op4As6Df8Gh2Jk0Lm3Nb5V"  # a fake, built at run time
    board = tmp_path / "b.toml"
    board.write_text(f'[[items]]\nid = "A"\ntitle = "A"\n\n[items.gate]\nverify = "curl -H {token} x"\n')
    res = CliRunner().invoke(cli, ["trust", str(board), "--json"])
    assert token not in res.stdout
    (cmd,) = json.loads(res.stdout)["commands"]
    assert cmd["command"].startswith("curl -H ") and cmd["command"] != f"curl -H {token} x"


def test_audit_log_verify_and_anchor_json_contracts(launch: Path) -> None:
    runner = CliRunner()
    for value in ("in_progress", "done"):
        assert runner.invoke(cli, ["set", str(launch), "SEC-02", f"status={value}"]).exit_code == 0
    log = run_json("audit", "log", str(launch), "--json")
    assert_shape(log, {"format_version": INT, "history": STR, "records": LIST})
    assert [(r["item"], r["field"], r["new"]) for r in log["records"] if r.get("type") == "change"] == [
        ("SEC-02", "status", "in_progress"),
        ("SEC-02", "status", "done"),
    ]
    lines = runner.invoke(cli, ["audit", "log", str(launch), "--jsonl"]).stdout.splitlines()
    assert [json.loads(line) for line in lines] == log["records"]  # the raw records, as written

    verdict = run_json("audit", "verify", str(launch), "--json")
    assert_shape(
        verdict,
        {
            "format_version": INT,
            "history": STR,
            "ok": BOOL,
            "message": STR,
            "first_bad_line": (int, NONE),
            "head": STR,
            "records": INT,
            "anchors": INT,
        },
    )
    assert verdict["ok"] is True and verdict["records"] == len(log["records"]) and verdict["anchors"] == 0

    history = Path(log["history"])
    lines = history.read_text().splitlines(keepends=True)
    history.write_text("".join(lines[:-1]) + lines[-1].replace('"new":"done"', '"new":"todo"'))
    bad = run_json("audit", "verify", str(launch), "--json", code=1)
    assert bad["ok"] is False and bad["first_bad_line"] == len(lines)

    history.write_text("".join(lines))
    subprocess.run(["git", "init", "-q", str(launch.parent)], check=True)
    anchor = run_json("audit", "anchor", str(launch), "--json")
    assert_shape(anchor, {"format_version": INT, "ref": STR, "head": STR, "records": INT})
    assert anchor["ref"].startswith("refs/readiness/anchors/") and anchor["head"] == verdict["head"]
    assert run_json("audit", "verify", str(launch), "--json")["anchors"] == 1


CONFLICTED = """[board]
title = "merged"

[[items]]
id = "A"
title = "A"
status = "done"

[[conflicts]]
kind = "items"
id = "A"
field = "status"
ours = "done"
theirs = "review"
base = "todo"
ours_side = "main"
theirs_side = "feature"
"""


def test_resolve_json_lists_conflicts_and_what_is_left(tmp_path: Path) -> None:
    board = tmp_path / "merged.toml"
    board.write_text(CONFLICTED)
    doc = run_json("resolve", str(board), "--json", code=1)  # conflicts remain: exit 1
    assert_shape(doc, {"format_version": INT, "board": STR, "conflicts": LIST})
    (row,) = doc["conflicts"]
    assert_shape(
        row,
        {
            "number": INT,
            "kind": STR,
            "id": STR,
            "field": STR,
            "ours_side": STR,
            "theirs_side": STR,
            "description": STR,
        },
    )
    assert (row["number"], row["ours"], row["theirs"], row["base"]) == (1, "done", "review", "todo")
    left = run_json("resolve", str(board), "1", "--take", "theirs", "--json")
    assert left["conflicts"] == []
    assert 'status = "review"' in board.read_text()


def test_git_setup_json_says_what_was_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    board = tmp_path / "plan.toml"
    shutil.copy(LAUNCH, board)
    monkeypatch.chdir(tmp_path)
    doc = run_json("git-setup", "plan.toml", "--json")
    assert_shape(doc, {"format_version": INT, "root": STR, "attributes_added": LIST, "config_set": LIST})
    assert "plan.toml merge=readiness-board" in doc["attributes_added"]
    again = run_json("git-setup", "plan.toml", "--json")
    assert again["attributes_added"] == [] and again["config_set"] == []


def test_note_json_is_the_recorded_note(launch: Path) -> None:
    doc = run_json("note", str(launch), "SEC-02", "PR", "open", "--json")
    assert doc == {"format_version": 1, "date": "2026-02-20", "item": "SEC-02", "status": "todo", "text": "PR open"}


JSON_COMMANDS = (
    ["lint"],
    ["order"],
    ["check"],
    ["trust"],
    ["report"],
    ["list"],
    ["show"],
    ["search"],
    ["add"],
    ["note"],
    ["config"],
    ["resolve"],
    ["git-setup"],
    ["audit", "verify"],
    ["audit", "log"],
    ["audit", "anchor"],
    ["import"],
)


def test_every_data_command_takes_json_and_the_readme_lists_its_document() -> None:
    """The commands that print data each take --json (set's is its owner's; schema is JSON already)."""
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    table = readme.split("### JSON output", 1)[1].split("\n## ", 1)[0]
    for args in JSON_COMMANDS:
        out = CliRunner().invoke(cli, [*args, "--help"]).stdout
        assert "--json" in out, args
        assert f"`{' '.join(args)}`" in table, args


def test_import_json_reports_every_line_and_where_the_board_went(tmp_path: Path) -> None:
    plan = tmp_path / "plan.md"
    plan.write_text(
        "# Plan\n\n| ID | Task | Owner | Depends on |\n|---|---|---|---|\n"
        "| T-1 | Pin the toolchain | @ana | |\n| T-2 | Build once | @ben | T-1 |\n",
        encoding="utf-8",
    )
    board = tmp_path / "board.toml"
    res = CliRunner().invoke(cli, ["import", str(plan), "-o", str(board), "--json"])
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    assert_shape(
        doc,
        {
            "format_version": INT,
            "source": STR,
            "ok": bool,
            "counts": dict,
            "report": LIST,
            "output": STR,
            "merge": type(None),
        },
    )
    assert doc["ok"] is True and doc["output"] == str(board) and board.exists()
    assert doc["report"] and {r["action"] for r in doc["report"]} <= {"used", "skipped", "note", "warning"}
    assert all(isinstance(r["line"], int) and r["text"] for r in doc["report"])
    # Re-import into the board: the merge names the board and its changes.
    again = json.loads(CliRunner().invoke(cli, ["import", str(plan), "--merge", str(board), "--json"]).stdout)
    assert again["merge"] == {"board": str(board), "changes": []} and again["output"] is None
    # Without -o or --merge the board itself would go to stdout: refused.
    refused = CliRunner().invoke(cli, ["import", str(plan), "--json"])
    assert refused.exit_code == 2 and "-o BOARD" in refused.stderr
