"""A board's bytes read once per command: the answer cache's key reads them, the load takes them,
and only while the file is still the one they were read from."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from readiness_tui.cli import cli
from readiness_tui.core.board import store
from readiness_tui.core.board.fsutil import sha256_bytes
from readiness_tui.core.cache import answers as answer_cache
from readiness_tui.core.cache import loader as caches
from readiness_tui.core.cache import read_once

BOARD = """\
[board]
title = "Once"

[[items]]
id = "A-01"
title = "First"
status = "done"

[[items]]
id = "A-02"
title = "Second"
depends_on = ["A-01"]
"""


pytestmark = pytest.mark.usefixtures("answers_on")  # the caches on, as the CLI has them (conftest)


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The times a load read the board's file itself."""
    seen: list[Path] = []
    real = store.read_board_bytes

    def counting(path: Path) -> bytes:
        seen.append(path)
        return real(path)

    monkeypatch.setattr(store, "read_board_bytes", counting)
    return seen


def test_a_command_reads_and_hashes_the_board_once(tmp_path: Path, reads: list[Path]) -> None:
    board = tmp_path / "plan.toml"
    board.write_text(BOARD, encoding="utf-8")
    kept = CliRunner().invoke(cli, ["order", str(board)], catch_exceptions=False)
    caches.flush()
    assert reads == []  # the load took the bytes the key was made of
    off = CliRunner().invoke(cli, ["order", str(board)], env={answer_cache.OFF_ENV: "1"}, catch_exceptions=False)
    assert reads == [board]  # no key, no bytes kept: the load reads
    assert kept.exit_code == off.exit_code == 0 and kept.stdout == off.stdout and "A-02" in kept.stdout


def test_the_bytes_are_given_once_and_only_for_the_same_file(tmp_path: Path) -> None:
    board = tmp_path / "plan.toml"
    board.write_text(BOARD, encoding="utf-8")
    data, sha = read_once.read_and_keep(board.resolve())
    assert data == BOARD.encode() and sha == sha256_bytes(data)
    assert read_once.take(tmp_path / "." / "plan.toml") == (data, sha)  # the same file, named otherwise
    assert read_once.take(board) is None  # taken already

    read_once.read_and_keep(board.resolve())
    st = board.stat()
    board.write_text(BOARD.replace("First", "Fir5t"), encoding="utf-8")  # the same size, rewritten
    os.utime(board, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
    assert read_once.take(board) is None

    read_once.read_and_keep(board.resolve())
    other = tmp_path / "other.toml"
    other.write_text(BOARD.replace("First", "Fir5t"), encoding="utf-8")
    os.replace(other, board)  # replaced by another writer, as a save does
    assert read_once.take(board) is None

    read_once.read_and_keep(board.resolve())
    board.unlink()
    assert read_once.take(board) is None
