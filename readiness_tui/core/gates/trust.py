"""Trust: a board's verify commands run only after the user has trusted that exact set of commands.

The record lives in the user data dir (never in the repo or the board): the board's absolute path
and a sha256 over its commands. Any change to any command, or to where they run, needs trust again.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path

from ..fsutil import atomic_write
from ..model import Board

TRUST_FILE = "trusted-boards.json"


def commands_of(board: Board) -> list[tuple[str, str]]:
    """(item id, verify command) for every item with a command, sorted."""
    return sorted((it.id, it.gate.verify) for it in board.items if it.gate and it.gate.verify.strip())


def commands_hash(board: Board) -> str:
    payload = {"repo_root": board.board.repo_root or "", "commands": commands_of(board)}
    return hashlib.sha256(json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def trust_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("readiness", appauthor=False))


def trust_file() -> Path:
    return trust_dir() / TRUST_FILE


def _key(board_path: Path | str) -> str:
    return os.path.realpath(board_path)


def _load() -> dict:
    try:
        data = json.loads(trust_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    boards = data.get("boards") if isinstance(data, dict) else None
    return boards if isinstance(boards, dict) else {}


def _save(boards: dict) -> None:
    path = trust_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps({"version": 1, "boards": boards}, indent=2, sort_keys=True).encode()
    atomic_write(path, data, mode=0o600)


def is_trusted(board_path: Path | str, board: Board) -> bool:
    """Whether the user trusted these exact commands for this board file. A board without commands
    has nothing to trust and counts as trusted."""
    if not commands_of(board):
        return True
    rec = _load().get(_key(board_path))
    return isinstance(rec, dict) and rec.get("sha256") == commands_hash(board)


def trust(board_path: Path | str, board: Board) -> None:
    """Record that the user trusts the board's current commands."""
    boards = _load()
    boards[_key(board_path)] = {
        "sha256": commands_hash(board), "commands": len(commands_of(board)),
        "trusted_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    _save(boards)


def revoke(board_path: Path | str) -> bool:
    boards = _load()
    if boards.pop(_key(board_path), None) is None:
        return False
    _save(boards)
    return True


def was_trusted_before(board_path: Path | str) -> bool:
    """Whether some earlier version of this board was trusted (so the UI can say "changed")."""
    return _key(board_path) in _load()
