"""The file beside a parse-cache entry that keeps the board's analysis (``analysis_seed``).

It starts with the entry's header (cache format, versions, the board's key) and a digest of the
code, then the answers, pickled and sealed with their digest (``cache_files.write_sealed``): it serves only the entry it was written for, and only
this analysis code. It is checked as the entry is (``cache_files.safe_file``) and written as the
entry is, through a temporary file named after the writer (``in_flight``), header first, so that a
load that finds none while one is being written does not queue another.

``board_cache`` decides when: a load of a current entry reads it; the writer of an entry, and a
load that found none, remember the board, and ``flush`` works the answers out and writes them
(after the entries and the answers, which the next command may be waiting for).
"""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import TYPE_CHECKING

from readiness_tui.core.board.file import DiskState, disk_state
from readiness_tui.core.cache import in_flight
from readiness_tui.core.cache.files import Damaged, safe_file, unsealed, write_sealed

if TYPE_CHECKING:
    from readiness_tui.core.board.fsutil import FileStamp
    from readiness_tui.core.model.board import Board, Item

#: Real path of the board -> (its entry, the entry's header, how the board was on disk, a copy of
#: the board), for ``flush``.
_pending: dict[str, tuple[Path, bytes, FileStamp, Board]] = {}


def seed_file(entry: Path) -> Path:
    return entry.with_suffix(".seed")


def _header(entry_header: bytes) -> bytes:
    # The entry's header names the code already (``cache_files.code_digest``): the seed serves
    # that entry alone.
    return entry_header + b"seed\n"


def read(entry: Path, entry_header: bytes, board: Board, items: list[Item] | None = None) -> bool:
    """Promise ``board``, loaded from ``entry``, the analysis kept for it (as ``entry_header``
    names it; ``items``: the entry's items, when ``board`` has some of them changed since).
    Whether there is one. Its answers are read only when an analysis of the board is made (a
    ``set`` never reads them)."""
    if not safe_file(seed_file(entry)) or not is_current(entry, entry_header):
        return False
    from readiness_tui.core.cache.analysis_seed import attach

    attach(board, functools.partial(_answers, seed_file(entry), _header(entry_header)), items)
    return True


def _answers(path: Path, header: bytes) -> bytes | None:
    """The answers in ``path`` when it is still ours and starts with ``header`` (it may have
    been replaced since the load)."""
    if not safe_file(path):
        return None
    try:
        with open(path, "rb") as fh:
            return unsealed(fh) if fh.read(len(header)) == header else None
    except (OSError, Damaged):
        return None


def is_current(entry: Path, entry_header: bytes) -> bool:
    """Whether the analysis kept beside ``entry`` was written for ``entry_header``."""
    want = _header(entry_header)
    try:
        with open(seed_file(entry), "rb") as fh:
            return fh.read(len(want)) == want
    except OSError:
        return False


def being_written(entry: Path) -> bool:
    """Whether another live process is writing the analysis of ``entry`` now."""
    return in_flight.writing(seed_file(entry))


def remember(real: str, entry: Path, entry_header: bytes, stamp: FileStamp, board: Board) -> None:
    """Keep ``board`` (a copy no edit touches), read as ``stamp``, to work its analysis out at the
    next ``flush``."""
    _pending[real] = (entry, entry_header, stamp, board)


def forget(real: str) -> None:
    _pending.pop(real, None)


def pending() -> bool:
    return bool(_pending)


def forget_pending() -> None:
    _pending.clear()


def flush(may_import: bool = True) -> None:
    """Work out and write every remembered board's analysis (atomically; a failure leaves none,
    and is not an error: the next load works it out). ``may_import``: False in a forked child of
    a process with threads, where an import could wait forever on a lock."""
    while _pending:
        real, (entry, entry_header, stamp, board) = _pending.popitem()
        try:
            if disk_state(Path(real), stamp) is not DiskState.SAME:
                continue  # a later command changed the board: its analysis would serve no one
            write(entry, entry_header, board, may_import)
        except Exception:  # noqa: BLE001, S112 - an analysis that cannot be kept is worked out
            continue


def write(entry: Path, entry_header: bytes, board: Board, may_import: bool = True) -> None:
    from readiness_tui.core.cache.analysis_seed import compute

    path = seed_file(entry)
    tmp = in_flight.temp_name(path)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "wb") as fh:
            # The header at once: a load meanwhile sees that this analysis is coming.
            fh.write(_header(entry_header))
            fh.flush()
            data = compute(board, may_import)
            if data is None:
                return
            write_sealed(fh, data)
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
