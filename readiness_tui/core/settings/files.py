"""Which settings files a command reads, found without the settings model: a kept answer checks
them again (``settings_fingerprint``) before it is replayed, and must not import the records for that."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

PROJECT_FILE = ".readiness.toml"


def find_project_file(start: Path) -> tuple[Path, str] | None:
    """The nearest ``.readiness.toml``, or ``pyproject.toml`` with ``[tool.readiness]``, from ``start``
    upwards (not above a repository's root); with the table path its settings sit under."""
    for d in (start, *start.parents):
        own = d / PROJECT_FILE
        if own.is_file():
            return own, ""
        py = d / "pyproject.toml"
        if py.is_file() and "[tool.readiness" in py.read_text(encoding="utf-8", errors="replace"):
            return py, "tool.readiness"
        if (d / ".git").exists():
            return None
    return None


def settings_fingerprint(start: Path, user: Path) -> str:
    """A digest of every settings file a command run in ``start`` reads (the user's, and the
    project's nearest) and of the variables that override them: what a kept answer depends on."""
    digest = hashlib.sha256()
    found = find_project_file(start)
    for path in (user, found[0] if found else None):
        digest.update(str(path).encode() + b"\0")
        try:
            digest.update(path.read_bytes() if path is not None else b"-")
        except OSError:
            digest.update(b"-")
        digest.update(b"\0")
    digest.update(os.environ.get("READINESS_THEME", "").encode())
    return digest.hexdigest()
