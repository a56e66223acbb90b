"""A board's bytes read once per command: the answer cache's key (``answer_cache.prepare``) reads
and hashes each board a command names, and the load that follows takes those bytes and their hash
instead of reading and hashing the file again (a copy of the whole file, and a pass over it).

The bytes are handed over only while the file is the one they were read from: the same inode,
size and modification time as ``fstat`` gave on the descriptor they were read through. A file
replaced or written since is read again, as if nothing had been kept.
"""

from __future__ import annotations

import os
from pathlib import Path

from readiness_tui.core.board.fsutil import sha256_bytes

#: Real path -> (what fstat said of the file read, its bytes, their SHA-256).
_kept: dict[str, tuple[tuple[int, int, int, int], bytes, str]] = {}


def _ident(st: os.stat_result) -> tuple[int, int, int, int]:
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def read_and_keep(real: Path) -> tuple[bytes, str]:
    """The bytes of the file at ``real`` (a resolved path) and their SHA-256, kept for the next
    ``take`` of that file. Raises ``OSError`` as reading would."""
    with open(real, "rb") as fh:
        st = os.fstat(fh.fileno())
        data = fh.read()
    sha = sha256_bytes(data)
    if len(data) == st.st_size:  # a file growing while read is read again by whoever needs it
        _kept[str(real)] = (_ident(st), data, sha)
    return data, sha


def take(path: Path) -> tuple[bytes, str] | None:
    """The kept bytes of the file at ``path`` and their hash, when it is still the file they were
    read from; taken once (the holder lets go of them), else None."""
    if not _kept:
        return None
    found = _kept.pop(os.path.realpath(path), None)
    if found is None:
        return None
    ident, data, sha = found
    try:
        now = _ident(os.stat(path))
    except OSError:
        return None
    return (data, sha) if now == ident else None
