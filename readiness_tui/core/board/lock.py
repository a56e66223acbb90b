"""The board lock: one writer at a time, across processes (the app, ``readiness set``, scripts).

A lock file sits beside the board (``boards/.plan.toml.lock``) and is locked with ``flock``: the
kernel drops the lock when its holder dies, so a crashed writer never leaves the board locked.
The holder writes its pid and command line into the file, so a writer that cannot get the lock
can say who has it. The file itself is never removed (removing a locked file lets a second
writer lock a new file of the same name while the first still holds the old one).
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from readiness_tui.core.model.problems import BoardLocked

try:  # POSIX; elsewhere writes go unlocked (the atomic rename still never tears a board).
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

#: How long a writer waits for the lock before giving up with a message naming the holder.
DEFAULT_TIMEOUT_S = float(os.environ.get("READINESS_LOCK_TIMEOUT", "5"))
_POLL_S = 0.01


def lock_path(board: Path) -> Path:
    """``boards/plan.toml`` -> ``boards/.plan.toml.lock``."""
    return board.with_name(f".{board.name}.lock")


def holder(board: Path) -> str:
    """Who holds (or last held) the lock, as its holder wrote it: ``pid 123 (readiness set ...)``."""
    try:
        text = lock_path(board).read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        return "an unknown process"
    pid, _, command = text.partition(" ")
    if not pid.isdigit():
        return "an unknown process"
    return f"pid {pid} ({command})" if command else f"pid {pid}"


@contextlib.contextmanager
def board_lock(board: Path, timeout: float | None = None) -> Iterator[None]:
    """Hold the board's exclusive lock for the ``with`` block; raise ``BoardLocked`` after ``timeout`` s."""
    if fcntl is None:  # pragma: no cover - Windows
        yield
        return
    wait = DEFAULT_TIMEOUT_S if timeout is None else timeout
    path = lock_path(board)
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
        command = " ".join([Path(sys.argv[0]).name, *sys.argv[1:]])[:200].replace("\n", " ")
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()} {command}\n".encode(), 0)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock
