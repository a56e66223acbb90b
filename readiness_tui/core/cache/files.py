"""Where the caches keep their files, and the checks every entry passes before it is read: the
file is this user's alone, names the code that wrote it (``code_digest``) and carries a digest of
its own payload (``write_sealed``), so that a damaged entry is a miss and is written again."""

from __future__ import annotations

import hashlib
import os
import stat
import sys
import zlib
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO


def cache_root() -> Path:
    """This user's cache directory for readiness (``~/.cache/readiness`` on Linux)."""
    if sys.platform == "linux" and "ANDROID_DATA" not in os.environ:
        # The XDG rule (a relative or empty $XDG_CACHE_HOME is ignored), as platformdirs applies
        # it on Linux, without importing it: the import would slow every command.
        base = os.environ.get("XDG_CACHE_HOME", "")
        if not os.path.isabs(base):
            base = os.path.expanduser("~/.cache")
        return Path(base) / "readiness"
    import platformdirs

    return Path(platformdirs.user_cache_dir("readiness"))


def safe_file(entry: Path) -> bool:
    """Whether ``entry`` and its directory are this user's and writable by no one else."""
    try:
        for st in (os.lstat(entry.parent), os.lstat(entry)):
            if st.st_uid != os.getuid() or st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
                return False
        return stat.S_ISREG(os.lstat(entry).st_mode)
    except OSError:
        return False


def private_dir(directory: Path) -> None:
    """Make ``directory`` (and its parents) and keep it this user's only."""
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(directory, 0o700)


@lru_cache(maxsize=1)
def code_digest() -> str:
    """A digest naming the source of every module that can shape what a cache keeps or answers
    (the core and the CLI), read from the installed package itself: a change to any of them makes
    every entry stale, with no list of modules to keep by hand.

    Each file is named by its place, size and modification time rather than its bytes: an edit or
    an install writes the file anew, and reading 1.4 MB of source cost every command several
    times what the ``stat`` calls do."""
    from readiness_tui import __version__

    return source_digest(Path(__file__).resolve().parents[2], __version__)


def source_digest(package: Path, version: str) -> str:
    """``code_digest`` of the package at ``package``."""
    digest = hashlib.sha256(f"{package}\0{version}\0".encode())
    for part in ("core", "cli"):
        for folder, dirs, files in os.walk(package / part):
            # Bytecode folders hold no source: every command skips listing them.
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for name in sorted(files):
                if name.endswith(".py"):
                    try:
                        st = os.stat(os.path.join(folder, name))
                        mark = f"{st.st_size}\0{st.st_mtime_ns}"
                    except OSError:
                        mark = "?"
                    digest.update(f"{folder}/{name}\0{mark}\0".encode())
    return digest.hexdigest()[:24]


class Damaged(Exception):
    """A cache entry whose bytes are not those it was written with."""


def _check(data: bytes) -> bytes:
    # An integrity check against a damaged file, not an attacker (the directory is this user's
    # alone, ``safe_file``): a CRC-32 finds every flipped byte and torn stretch a damaged file
    # shows (a short one fails the length first), for less than any hash of hashlib.
    return b"%08x" % zlib.crc32(data)


def write_sealed(fh: BinaryIO, data: bytes) -> None:
    """Write ``data`` as a cache file holds it: a line with its length and digest, then the bytes."""
    fh.write(b"%d %s\n" % (len(data), _check(data)))
    fh.write(data)


def seal_line(fh: BinaryIO) -> tuple[int, bytes]:
    """The length and digest of the sealed piece starting at ``fh``'s position."""
    line = fh.readline()
    try:
        length, check = line.split()
        return int(length), check
    except ValueError:
        raise Damaged("no seal") from None


def unsealed(fh: BinaryIO) -> bytes:
    """The sealed piece at ``fh``'s position (``write_sealed``): raises ``Damaged`` when its length or
    digest is not what was written, so that a flipped byte is a miss, never an answer."""
    length, check = seal_line(fh)
    data = fh.read(length)
    if len(data) != length or _check(data) != check:
        raise Damaged("the digest does not match")
    return data


def skip_sealed(fh: BinaryIO) -> None:
    """Move past the sealed piece at ``fh``'s position without reading it."""
    length, _ = seal_line(fh)
    fh.seek(length, os.SEEK_CUR)


def library_versions(libraries: tuple[str, ...]) -> str:
    """The installed distributions of ``libraries`` (their dist-info names carry the version),
    found without importing them."""
    import importlib.util

    found: list[str] = []
    listed: dict[str, list[str]] = {}
    for lib in libraries:
        spec = importlib.util.find_spec(lib)
        origin = spec.origin if spec is not None else None
        if not origin:
            found.append(f"{lib}=?")
            continue
        site = os.path.dirname(os.path.dirname(origin))
        if site not in listed:
            try:
                listed[site] = sorted(os.listdir(site))
            except OSError:
                listed[site] = []
        stem = lib.replace("_", "-").lower()
        names = [
            n for n in listed[site] if n.endswith(".dist-info") and n.replace("_", "-").lower().startswith(stem + "-")
        ]
        found.append(",".join(names) or f"{lib}@{os.stat(origin).st_mtime_ns}")
    return ";".join(found)
