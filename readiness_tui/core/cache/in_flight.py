"""A cache entry being written by another process right now, and waiting for it.

Entries are written after a command's output, by a forked child (``caches``), so the shell prompt
is back before the entry is: a second command run at once on the board the first one just wrote
(``readiness set ... && readiness set ...``, a script of edits, the app opened after a `set`)
found no entry and parsed the whole board again. The writer names its
temporary file after its pid and writes the entry's header (which names the board version it
holds) first; a load that finds such a file for the version it wants, from a live writer, waits for
the rename, never longer than its budget. Anything else (a writer of another version, a dead
writer's leftover, a file it cannot read) is not waited for. Nor is a writer whose work the entry
of the text before can stand in for: when most of the text is as it was (the previous command's
``set``), ``board_cache.lookup`` reads what changed and takes the rest from that entry, sooner.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

#: How often a waiting load looks again (the writer renames its file when it is done).
_POLL_S = 0.004


def temp_name(entry: Path) -> Path:
    """The temporary file this process writes ``entry`` through."""
    return entry.with_name(f".{entry.name}.{os.getpid()}.tmp")


def _writers(entry: Path) -> list[tuple[Path, int]]:
    out = []
    prefix = f".{entry.name}."
    try:
        names = os.listdir(entry.parent)
    except OSError:
        return []
    for name in names:
        if name.startswith(prefix) and name.endswith(".tmp"):
            pid = name[len(prefix) : -len(".tmp")]
            if pid.isdigit() and int(pid) != os.getpid():
                out.append((entry.parent / name, int(pid)))
    return out


def writing(entry: Path, header: bytes | None = None) -> bool:
    """Whether a live process other than this one is writing ``entry`` now (``header``: a version
    of it that starts with these bytes, as ``wait_for_writer`` would wait for it)."""
    for tmp, pid in _writers(entry):
        if not _alive(pid):
            continue
        if header is None:
            return True
        try:
            head = _head(tmp, len(header))
        except OSError:
            continue
        if head is not None and not _another_version(head, header):
            return True
    return False


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _head(tmp: Path, size: int) -> bytes | None:
    """The first ``size`` bytes of ``tmp`` (fewer while the writer has not written them), or None
    when the file is gone. Raises OSError when it cannot be read."""
    try:
        with open(tmp, "rb") as fh:
            return fh.read(size)
    except FileNotFoundError:
        return None


def _another_version(head: bytes, header: bytes) -> bool:
    """Whether a writer whose file starts with ``head`` writes another version than ``header``'s
    (a shorter head is a header still being written: it may be this one)."""
    return len(head) == len(header) and head != header


def wait_for_writer(entry: Path, header: bytes, budget_s: float) -> bool:
    """Wait (at most ``budget_s``) for a live writer of ``entry`` whose file starts with ``header``
    to finish. True when there was one and it is done (the entry may now hold what we want)."""
    deadline = time.monotonic() + budget_s
    for tmp, pid in _writers(entry):
        if not _alive(pid):
            continue  # a dead writer's leftover: nothing is coming
        while time.monotonic() < deadline:
            try:
                head = _head(tmp, len(header))
            except OSError:
                break  # a file we cannot read: nothing to wait for
            if head is None:
                return True  # renamed into place (or given up): look at the entry again
            if _another_version(head, header):
                break  # it writes another version of the board
            if not _alive(pid):
                break
            time.sleep(_POLL_S)
        else:
            return False
    return False
