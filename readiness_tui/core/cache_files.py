"""Where the caches keep their files, and the checks every entry passes before it is read."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path


def cache_root() -> Path:
    """This user's cache directory for readiness (``~/.cache/readiness`` on Linux)."""
    if sys.platform == "linux" and "ANDROID_DATA" not in os.environ:
        # The XDG rule (a relative or empty $XDG_CACHE_HOME is ignored), as platformdirs applies
        # it on Linux, without importing it: ~10 ms of every command.
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


def source_digest(modules: tuple[str, ...]) -> str:
    """A digest of the source of these ``core`` modules (a module that cannot be read counts as
    ``?``): what a cache entry names of the code that wrote it."""
    import hashlib

    digest = hashlib.sha256()
    here = Path(__file__).parent
    for name in modules:
        try:
            digest.update((here / f"{name}.py").read_bytes())
        except OSError:
            digest.update(b"?")
    return digest.hexdigest()[:16]


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
