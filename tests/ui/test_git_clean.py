"""A day of use in a real git repository leaves only the board and its history for git to show:
locks, gate results and the presenter's slide live in the git dir (core.board.private_files)."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client

from readiness_tui.core.board.lock import board_lock, lock_path
from readiness_tui.core.gates.state import GateState, state_path
from readiness_tui.core.standup.presenter import Presenter
from readiness_tui.core.standup.presenter import state_path as presenter_path

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "boards" / "launch.toml"
NOTE = "rotated the staging key hunter2-do-not-share"


def git(cwd: Path, *args: str) -> str:
    res = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    assert res.returncode == 0, res.stderr
    return res.stdout


def readiness(*args: str) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        [sys.executable, "-m", "readiness_tui", *args], capture_output=True, text=True, timeout=60, check=False
    )
    assert proc.returncode == 0, proc.stderr
    return proc


@pytest.fixture
def repo_board(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for key, value in {
        "GIT_AUTHOR_NAME": "Ada",
        "GIT_AUTHOR_EMAIL": "ada@example.invalid",
        "GIT_COMMITTER_NAME": "Ada",
        "GIT_COMMITTER_EMAIL": "ada@example.invalid",
        "GIT_CONFIG_NOSYSTEM": "1",
    }.items():
        monkeypatch.setenv(key, value)
    repo = tmp_path / "repo"
    (repo / "boards").mkdir(parents=True)
    board = repo / "boards" / "launch.toml"
    shutil.copy(FIXTURE, board)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "board")
    return board


async def test_a_day_of_use_leaves_only_the_board_and_its_history_in_git_status(
    repo_board: Path, make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = repo_board.parent.parent
    monkeypatch.chdir(repo)
    app = make_app(repo_board)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("j", "s")  # SEC-02: todo -> in_progress, saved through the lock
        await pilot.press("q")
    readiness("set", str(repo_board), "SEC-01", "owner=@bo")
    readiness("note", str(repo_board), "SEC-02", NOTE)
    readiness("add", str(repo_board), "--title", "Follow-up")
    params = StdioServerParameters(
        command=sys.executable,
        args=["-m", "readiness_tui", "mcp", str(repo_board), "--actor", "codex"],
        env=dict(os.environ),
    )
    async with stdio_client(params) as (read, write), ClientSession(read, write) as session:
        await session.initialize()
        done = await session.call_tool("set_fields", {"item_id": "SEC-02", "assignments": ["status=review"]})
        assert not done.isError, done.content
    # What the app writes beside an edit: gate results and, presenting a standup, the slide.
    gates = GateState.for_board(repo_board)
    gates.save()
    Presenter(repo_board).publish("SEC-02", "owner", 1.0, False)

    status = git(repo, "status", "--porcelain", "--untracked-files=all", "--ignored").splitlines()
    assert sorted(status) == [" M boards/launch.toml", "?? boards/launch.history.jsonl"]
    gitdir = repo / ".git" / "readiness"
    assert lock_path(repo_board).parent == gitdir / "locks"
    assert state_path(repo_board).parent == gitdir / "gates" and state_path(repo_board).exists()
    assert presenter_path(repo_board).parent == gitdir / "presenter" and presenter_path(repo_board).exists()
    held = json.loads(lock_path(repo_board).read_text(encoding="utf-8"))
    assert set(held) == {"pid", "host", "writer"} and held["writer"] == "mcp"


def test_outside_git_the_lock_stays_beside_the_board_without_the_command_line(launch_copy_plain: Path) -> None:
    readiness("note", str(launch_copy_plain), "SEC-02", NOTE)
    lock = launch_copy_plain.with_name(f".{launch_copy_plain.name}.lock")
    assert lock_path(launch_copy_plain) == lock
    text = lock.read_text(encoding="utf-8")
    assert "hunter2" not in text and "SEC-02" not in text and "note " not in text
    held = json.loads(text)
    assert held["writer"] == "note" and isinstance(held["pid"], int) and held["host"]


def test_a_locked_board_names_the_kind_and_host_of_its_holder(launch_copy_plain: Path) -> None:
    with board_lock(launch_copy_plain, writer="serve"):
        refused = subprocess.run(
            [sys.executable, "-m", "readiness_tui", "set", str(launch_copy_plain), "SEC-02", "status=done"],
            capture_output=True,
            text=True,
            timeout=60,
            env={**os.environ, "READINESS_LOCK_TIMEOUT": "0.2"},
            check=False,
        )
    assert refused.returncode == 1
    assert f"locked by pid {os.getpid()} (serve on {socket.gethostname()})" in refused.stderr


@pytest.fixture
def launch_copy_plain(tmp_path: Path) -> Path:
    dst = tmp_path / "launch.toml"
    shutil.copy(FIXTURE, dst)
    return dst
