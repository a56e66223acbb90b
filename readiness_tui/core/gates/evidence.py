"""Evidence: files a gate expects in the repo (``docs/runbook.md``, ``reports/*.xml``)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from readiness_tui.core.gates.paths import (
    PathEscape,
    glob_match,
    ignored_rel,
    inside,
    is_glob,
    normalize_rel,
    safe_join,
    safe_path,
    walk,
)


@dataclass(frozen=True, slots=True)
class EvidenceCheck:
    """One evidence entry: present or missing, or an error when it points outside the repo."""

    path: str
    present: bool
    error: str = ""
    #: What a glob matched (repo-relative), capped at a few for display.
    matches: tuple[str, ...] = field(default=())

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"path": self.path, "present": self.present}
        if self.error:
            out["error"] = self.error
        if self.matches:
            out["matches"] = list(self.matches)
        return out


MAX_MATCHES = 20


def check_evidence(root: Path, pattern: str) -> EvidenceCheck:
    """Whether ``pattern`` (a path or glob relative to ``root``) names something that exists.

    Paths outside the root are an error and are never stat'ed beyond resolving their links.
    """
    try:
        rel = normalize_rel(pattern)
        if not is_glob(rel):
            return EvidenceCheck(pattern, os.path.exists(safe_join(root, rel)))
        matches = glob_in(root, rel, limit=MAX_MATCHES)
    except PathEscape as exc:
        return EvidenceCheck(pattern, False, str(exc))
    return EvidenceCheck(pattern, bool(matches), matches=tuple(matches[:MAX_MATCHES]))


def glob_in(root: Path, rel_glob: str, limit: int | None = None) -> list[str]:
    """Repo-relative paths matching a glob, walking only the directories the glob can reach.

    Symlinked directories are not followed; a matched symlink that resolves outside the root
    raises ``PathEscape``. ``limit``: stop walking after that many matches (evidence needs one to
    be present and shows a few; a 20,000-file tree is not walked to the end for that).
    """
    parts = rel_glob.split("/")
    # The literal prefix (no glob characters) is where the walk starts.
    fixed: list[str] = []
    for p in parts:
        if is_glob(p):
            break
        fixed.append(p)
    base = safe_path(root, "/".join(fixed)) if fixed else root
    if not base.is_dir():
        return []
    recursive = "**" in rel_glob or len(parts) - len(fixed) > 1
    out: list[str] = []
    prefix = "/".join(fixed)
    for entry, rel, _is_dir in walk(str(base), prefix, lambda _name, rel: ignored_rel(rel), recursive):
        if glob_match(rel_glob, rel, below=False):
            if entry.is_symlink() and not inside(root, entry.path):
                raise PathEscape(f"{rel!r} (matched by {rel_glob!r}) is a symlink out of the repo root")
            out.append(rel)
            if limit is not None and len(out) >= limit:
                break
    return sorted(out)


def evidence_matches(pattern: str, rel: str) -> bool:
    """Whether a changed repo-relative path could change the answer for an evidence pattern."""
    try:
        norm = normalize_rel(pattern)
    except PathEscape:
        return False
    if not norm:
        return True
    if glob_match(norm, rel):
        return True
    # A directory on the way to the evidence was created, moved or deleted.
    return norm.startswith(rel + "/")
