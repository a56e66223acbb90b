"""Trust: a board's verify commands run only after the user has trusted that exact set of commands.

The record lives in the user data dir (never in the repo or the board), keyed by the board's real
path, holding a sha256 over everything that decides what runs: each command with its timeout and
the environment it sets, the repo root it runs in and the board's path. Any change to any of them
(a ``.git`` created in a parent directory moves a discovered root) needs trust again.

The file and its directory are owner-only (0600/0700); a record file or directory that others can
write is not honoured (``trust_file_problem`` says how to fix it).
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from readiness_tui.core.board.fsutil import atomic_write
from readiness_tui.core.gates.paths import repo_root

if TYPE_CHECKING:  # the package imports this module: a kept lint answer checks gates.paths without the model
    from readiness_tui.core.model.board import Board

TRUST_FILE = "trusted-boards.json"


class TrustFileError(OSError):
    """The trust file cannot be used safely (others may write it)."""


def commands_of(board: Board) -> list[tuple[str, str]]:
    """(item id, verify command) for every item with a command, sorted."""
    return sorted((it.id, it.gate.verify) for it in board.items if it.gate and it.gate.verify.strip())


def _runs(board: Board) -> list[dict[str, object]]:
    """What each command runs with: the command, its timeout, the environment it sets (none yet:
    gates inherit the caller's environment; the key is bound so that adding one needs trust)."""
    return sorted(
        (
            {"id": it.id, "command": it.gate.verify, "timeout_s": it.gate.timeout_s, "env": {}}
            for it in board.items
            if it.gate and it.gate.verify.strip()
        ),
        key=lambda r: (str(r["id"]), str(r["command"])),
    )


def commands_hash(board: Board, board_path: Path | str | None = None, root: Path | str | None = None) -> str:
    """sha256 over everything that decides what runs (see the module doc)."""
    if root is None and board_path is not None:
        root = repo_root(board_path, board.board.repo_root)
    payload = {
        "version": 2,
        "runs": _runs(board),
        "repo_root_setting": board.board.repo_root or "",
        "root": os.path.realpath(root) if root is not None else "",
        "board": os.path.realpath(board_path) if board_path is not None else "",
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def trust_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("readiness", appauthor=False))


def trust_file() -> Path:
    return trust_dir() / TRUST_FILE


def _key(board_path: Path | str) -> str:
    return os.path.realpath(board_path)


def trust_file_problem() -> str:
    """Why the trust file (or its directory) must not be honoured, or ``""``."""
    for path, fix in ((trust_dir(), "700"), (trust_file(), "600")):
        try:
            st = os.stat(path)
        except OSError:
            continue
        if st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
            return (
                f"{path} can be written by other users, so its trust records are ignored; "
                f"fix it with `chmod {fix} {path}` and review it (`readiness trust BOARD`)"
            )
    return ""


def _load() -> dict[str, Any]:
    if trust_file_problem():
        return {}
    try:
        data = json.loads(trust_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    boards = data.get("boards") if isinstance(data, dict) else None
    return boards if isinstance(boards, dict) else {}


def _save(boards: dict[str, Any]) -> None:
    problem = trust_file_problem()
    if problem:
        raise TrustFileError(problem)
    path = trust_file()
    if not path.parent.is_dir():
        path.parent.mkdir(parents=True, mode=0o700, exist_ok=True)
        os.chmod(path.parent, 0o700)  # mkdir's mode is filtered by the umask
    data = json.dumps({"version": 2, "boards": boards}, indent=2, sort_keys=True).encode()
    atomic_write(path, data, mode=0o600)


def is_trusted(board_path: Path | str, board: Board, root: Path | str | None = None) -> bool:
    """Whether the user trusted exactly what would run: these commands, timeouts and environment,
    in ``root`` (default: the board's repo root), for this board file. A board without commands
    has nothing to trust and counts as trusted."""
    if not commands_of(board):
        return True
    rec = _load().get(_key(board_path))
    return isinstance(rec, dict) and rec.get("sha256") == commands_hash(board, board_path, root)


def trust(board_path: Path | str, board: Board, root: Path | str | None = None) -> None:
    """Record that the user trusts the board's current commands. Raises ``TrustFileError`` when
    the trust file is writable by others."""
    boards = _load()
    if root is None:
        root = repo_root(board_path, board.board.repo_root)
    boards[_key(board_path)] = {
        "sha256": commands_hash(board, board_path, root),
        "commands": len(commands_of(board)),
        "root": os.path.realpath(root),
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
