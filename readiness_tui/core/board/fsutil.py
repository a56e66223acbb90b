"""Durable file writes: a board is replaced whole or not at all, never truncated."""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class FileStamp:
    """What a file looked like when we read it, to notice when someone else changes it."""

    mtime_ns: int
    size: int
    sha256: str

    @classmethod
    def of_bytes(cls, path: Path, data: bytes, sha256: str | None = None) -> FileStamp:
        st = path.stat()
        return cls(st.st_mtime_ns, st.st_size, sha256 or sha256_bytes(data))

    @classmethod
    def of_file(cls, path: Path, sha256: str) -> FileStamp:
        """The stamp of the file at ``path``, whose content hashes to ``sha256`` (just written)."""
        st = path.stat()
        return cls(st.st_mtime_ns, st.st_size, sha256)


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_sha256(path: Path) -> str:
    """The SHA-256 of the file at ``path``, "" when there is none (what a kept answer notes of a
    file it read besides the board)."""
    try:
        with open(path, "rb") as fh:
            return hashlib.file_digest(fh, "sha256").hexdigest()
    except FileNotFoundError:
        return ""


#: About how many characters ``text_chunks`` joins into one piece: small enough that a piece and its
#: bytes alive at once are no spike in the app's memory (which Python's allocator keeps), large
#: enough that a 60 MB board is a thousand calls, not a million.
CHUNK = 1 << 16


def text_chunks(parts: Iterable[str], size: int | None = None) -> Iterator[str]:
    """``parts`` joined into pieces of about ``size`` characters, in order: a board's 10,000
    segments become a few pieces (one call each to encode, hash or write, not 10,000), and no copy
    of the whole text is made."""
    size = size or CHUNK
    batch: list[str] = []
    held = 0
    for part in parts:
        batch.append(part)
        held += len(part)
        if held >= size:
            yield "".join(batch)
            batch, held = [], 0
    if batch:
        yield "".join(batch)


def sha256_parts(parts: Iterable[str]) -> str:
    """The SHA-256 of the UTF-8 text ``parts`` make together, encoded piece by piece
    (``text_chunks``): no copy of the whole text as bytes is ever made."""
    digest = hashlib.sha256()
    for chunk in text_chunks(parts):
        digest.update(chunk.encode("utf-8"))
    return digest.hexdigest()


def sha256_file(path: Path) -> str:
    """The SHA-256 of a file, read in chunks (no copy of the whole file in memory)."""
    with open(path, "rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


def atomic_write(
    path: Path,
    data: bytes | Iterable[bytes],
    mode: int | None = None,
    before_rename: Callable[[str], None] | None = None,
) -> None:
    """Write ``data`` (bytes, or chunks of them in order) to ``path`` through a temp file in the
    same directory, fsync, rename, fsync dir.

    The file's permission bits are kept (or set to ``mode``); a crash leaves either the old or the
    new content, never a mix, and the temp file is removed on any failure.
    ``before_rename``: called with the SHA-256 of what was written, once it is on disk and before
    it replaces the file (a writer records what it is about to put in place); the bytes are
    hashed as they are written, not in a pass of their own. When it raises, nothing is replaced.
    """
    import tempfile  # only writers need it; read-only commands skip its import

    path = Path(path)
    directory = path.parent
    if mode is None:
        try:
            mode = stat.S_IMODE(path.stat().st_mode)
        except FileNotFoundError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
    digest = hashlib.sha256() if before_rename is not None else None
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as fh:
            if isinstance(data, bytes):
                fh.write(data)
                if digest is not None:
                    digest.update(data)
            else:
                fh.writelines(data if digest is None else _hashed(data, digest))
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        if before_rename is not None and digest is not None:
            before_rename(digest.hexdigest())
        failpoint("before-rename")
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    failpoint("after-rename")
    fsync_dir(directory)


def _hashed(chunks: Iterable[bytes], digest: hashlib._Hash) -> Iterator[bytes]:
    for chunk in chunks:
        digest.update(chunk)
        yield chunk


def remove_stale_temps(path: Path) -> list[Path]:
    """Remove the temp files ``atomic_write`` left beside ``path`` when its writer died.

    Call it holding the board lock: only a lock holder writes them, so any that exist are dead.
    """
    removed = []
    for tmp in Path(path).parent.glob(f".{Path(path).name}.*.tmp"):
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
            removed.append(tmp)
    return removed


def failpoint(name: str) -> None:
    """Die here when ``READINESS_FAILPOINT`` names this point: crash tests kill a writer at each step."""
    if os.environ.get("READINESS_FAILPOINT") == name:
        os.kill(os.getpid(), 9)


def fsync_dir(directory: Path) -> None:
    # Makes the rename itself durable; not every platform or file system allows it.
    with contextlib.suppress(OSError):
        dfd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)
