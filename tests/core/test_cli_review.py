"""Found reviewing every command as a user would: each was a traceback or a wrong exit code."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from readiness_tui.cli import cli

LAUNCH = Path(__file__).resolve().parent.parent / "fixtures" / "boards" / "launch.toml"


def test_mcp_on_a_missing_board_says_so_before_serving(tmp_path: Path) -> None:
    res = subprocess.run(
        [sys.executable, "-m", "readiness_tui", "mcp", str(tmp_path / "nope.toml")],
        input="",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert res.returncode == 2 and "no such board file" in res.stderr and "Traceback" not in res.stderr


def test_mcp_ends_cleanly_when_the_client_hangs_up(tmp_path: Path) -> None:
    board = tmp_path / "launch.toml"
    shutil.copy(LAUNCH, board)
    res = subprocess.run(
        [sys.executable, "-m", "readiness_tui", "mcp", str(board)],
        input="",  # the client closes stdin at once: the server ends, its stdout closed under it
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "READINESS_TODAY": "2026-02-20"},
    )
    assert res.returncode == 0, res.stderr
    assert "Traceback" not in res.stderr


def test_audit_anchor_of_a_missing_board_is_a_usage_error(tmp_path: Path) -> None:
    res = CliRunner().invoke(cli, ["audit", "anchor", str(tmp_path / "nope.toml")])
    assert res.exit_code == 2 and "no such board file" in res.stderr


def test_git_setup_of_a_missing_board_is_a_usage_error(tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    res = CliRunner().invoke(cli, ["git-setup", str(tmp_path / "nope.toml")])
    assert res.exit_code == 2 and "no such board file" in res.stderr
    assert not (tmp_path / ".gitattributes").exists()


def test_report_to_an_unwritable_place_is_a_message(tmp_path: Path) -> None:
    res = CliRunner().invoke(cli, ["report", str(LAUNCH), "-o", str(tmp_path / "no" / "such" / "dir.md")])
    assert res.exit_code == 2 and "cannot write" in res.stderr
    assert isinstance(res.exception, SystemExit)  # the command's own exit, not a traceback


def test_audit_log_of_a_missing_board_is_not_an_empty_history(tmp_path: Path) -> None:
    res = CliRunner().invoke(cli, ["audit", "log", str(tmp_path / "typo.toml")])
    assert res.exit_code == 2 and "no such board file" in res.stderr and "no history yet" not in res.stderr
