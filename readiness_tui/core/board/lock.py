"""The board lock: one writer at a time, across processes (the app, ``readiness set``, scripts).

The lock file is locked with ``flock``: the kernel drops the lock when its holder dies, so a
crashed writer never leaves the board locked. In a git repository it lives in the git dir
(``.git/readiness/locks/``, see core.board.private_files), where git never lists it; elsewhere beside the
board (``boards/.plan.toml.lock``). The holder writes its pid, its host and what kind of writer it
is (``set``, ``note``, ``mcp``...), so a writer that cannot get the lock can say who has it; never
its command line, which may hold a note's text. The file itself is never removed (removing a
locked file lets a second writer lock a new file of the same name while the first still holds the
old one).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import socket
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from readiness_tui.core.board.private_files import ensure_parent, private_path
from readiness_tui.core.model.problems import BoardLocked

try:  # POSIX; elsewhere writes go unlocked (the atomic rename still never tears a board).
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

#: How long a writer waits for the lock before giving up with a message naming the holder.
DEFAULT_TIMEOUT_S = float(os.environ.get("READINESS_LOCK_TIMEOUT", "5"))
_POLL_S = 0.01

#: The writer kinds a lock may name. A command word outside this list is never written (the
#: command line is the user's text: a note, a title).
WRITER_KINDS = frozenset(
    {"app", "set", "add", "note", "resolve", "import", "mcp", "serve", "merge", "audit", "standup", "agent"}
)
#: Audit sources that say the kind on their own ("cli" does not: which command comes from argv).
_SOURCE_KINDS = {"app": "app", "agent": "mcp", "merge": "merge", "import": "import"}
_SAFE = re.compile(r"[^A-Za-z0-9._-]")


def lock_path(board: Path) -> Path:
    """``boards/plan.toml`` -> ``.git/readiness/locks/plan.toml-<hash>.lock`` in a git repository,
    else ``boards/.plan.toml.lock``."""
    return private_path(board, "locks", "lock", f".{board.name}.lock")


def writer_kind(source: str | None = None) -> str:
    """What kind of writer this process is: from the audit ``source`` when it says, else the
    readiness command it runs (``set``, ``note``...), else ``app``."""
    if source in _SOURCE_KINDS:
        return _SOURCE_KINDS[source]
    word = sys.argv[1] if len(sys.argv) > 1 else ""
    if word == "merge-driver":
        return "merge"
    return word if word in WRITER_KINDS else "app"


def holder(board: Path) -> str:
    """Who holds (or last held) the lock, as its holder wrote it: ``pid 123 (set on host-a)``."""
    try:
        data = json.loads(lock_path(board).read_text(encoding="utf-8", errors="replace"))
        pid = int(data["pid"])
    except (OSError, ValueError, TypeError, KeyError):
        return "an unknown process"
    kind = _SAFE.sub("", str(data.get("writer", "")))[:20]
    host = _SAFE.sub("", str(data.get("host", "")))[:64]
    said = " on ".join(p for p in (kind or "a writer", host) if p)
    return f"pid {pid} ({said})"


@contextlib.contextmanager
def board_lock(board: Path, timeout: float | None = None, writer: str | None = None) -> Iterator[None]:
    """Hold the board's exclusive lock for the ``with`` block; raise ``BoardLocked`` after ``timeout`` s.

    ``writer``: the kind of writer to name in the lock (default: ``writer_kind()``)."""
    if fcntl is None:  # pragma: no cover - Windows
        yield
        return
    wait = DEFAULT_TIMEOUT_S if timeout is None else timeout
    path = ensure_parent(lock_path(board))
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise BoardLocked(
                        f"{board}: locked by {holder(board)} for more than {wait:g} s; nothing was written",
                        board,
                    ) from None
                time.sleep(_POLL_S)
        kind = writer if writer in WRITER_KINDS else writer_kind()
        note = json.dumps({"pid": os.getpid(), "host": socket.gethostname(), "writer": kind})
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{note}\n".encode(), 0)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock
