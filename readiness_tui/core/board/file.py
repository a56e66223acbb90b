"""The board file on disk: reading it with user-facing errors, and whether it changed under us."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from readiness_tui.core.board.fsutil import FileStamp, sha256_bytes, sha256_file
from readiness_tui.core.model.problems import BoardError, BoardMissing


class DiskState(StrEnum):
    """The board file compared with what a store last read or wrote."""

    SAME = "same"
    CHANGED = "changed"
    MISSING = "missing"


def read_board_bytes(path: Path) -> bytes:
    """The file's bytes; a missing or unreadable file is a ``BoardError`` naming it, not a traceback."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise BoardMissing(f"{path}: no such board file", path) from None
    except OSError as exc:
        raise BoardError(f"{path}: cannot read: {exc.strerror}", path) from None


def disk_state(path: Path | None, stamp: FileStamp | None, strict: bool = False) -> DiskState:
    """Whether the file is as ``stamp`` saw it, changed by someone else, or gone.

    ``strict`` always compares contents: a writer that replaced the file in the same clock tick
    with the same size (and a recycled inode) looks unchanged to ``stat``. The write path, which
    must never overwrite another writer's edit, asks for it.
    """
    return look(path, stamp, strict)[0]


def look(
    path: Path | None, stamp: FileStamp | None, strict: bool = False
) -> tuple[DiskState, bytes | None, str | None]:
    """``disk_state``, with the bytes it read and their SHA-256 when it had to read them: a reader
    of a changed file then reads it once, not twice."""
    if path is None or stamp is None:
        return DiskState.SAME, None, None
    try:
        st = path.stat()
    except FileNotFoundError:
        return DiskState.MISSING, None, None
    # Same size and time: trust it without hashing (the common case, on every save).
    unchanged = st.st_mtime_ns == stamp.mtime_ns and st.st_size == stamp.size
    if unchanged and not strict:
        return DiskState.SAME, None, None
    if unchanged:
        # What every save asks: hashed in chunks, since the answer is nearly always "the same"
        # and nobody needs the bytes then (no copy of the whole file).
        try:
            if sha256_file(path) == stamp.sha256:
                return DiskState.SAME, None, None
        except FileNotFoundError:
            return DiskState.MISSING, None, None
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return DiskState.MISSING, None, None
    sha = sha256_bytes(data)
    return (DiskState.SAME if sha == stamp.sha256 else DiskState.CHANGED), data, sha


def diff_with_disk(path: Path | None, mine: str, context: int = 2) -> str:
    """Unified diff from the file as it is on disk now to ``mine`` (the version in memory)."""
    import difflib

    name = path.name if path else "board"
    try:
        theirs = path.read_text(encoding="utf-8") if path is not None else None
    except OSError:
        theirs = None
    if theirs is None:
        return f"{name} is no longer on disk; the whole board in memory would be written."
    lines = difflib.unified_diff(
        theirs.splitlines(keepends=True),
        mine.splitlines(keepends=True),
        f"{name} (on disk)",
        f"{name} (mine)",
        n=context,
    )
    return "".join(lines) or "No difference."
