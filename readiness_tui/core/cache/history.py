"""A board's history, parsed once per state of its file.

The weekly report, the burndown and the standup all read the same ``*.history.jsonl``, and a long
one is slow to parse. ``read`` keeps the parsed records of a few files keyed by
the file's stamp (size, mtime, inode): an append, a rewrite or a replacement changes the stamp and
the file is parsed again. Records are shared between callers: treat them as read-only.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from readiness_tui.core import audit

_MAX_FILES = 8
_lock = threading.Lock()
_cache: dict[Path, tuple[tuple[int, int, int], tuple[audit.Record, ...]]] = {}


def _stamp(path: Path) -> tuple[int, int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ino)


def read(path: Path | str) -> list[audit.Record]:
    """``audit.read(path)``, parsed again only when the history file changed since the last call."""
    history = audit.history_path(path)
    stamp = _stamp(history)
    if stamp is None:
        return audit.read(history)
    with _lock:
        hit = _cache.get(history)
    if hit is not None and hit[0] == stamp:
        return list(hit[1])
    records = audit.read(history)
    if _stamp(history) == stamp:  # unchanged while it was read: safe to keep
        with _lock:
            if len(_cache) >= _MAX_FILES and history not in _cache:
                _cache.pop(next(iter(_cache)))
            _cache[history] = (stamp, tuple(records))
    return records
