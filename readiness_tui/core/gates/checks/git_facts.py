"""Facts git and CODEOWNERS hold: ``fresh`` (a file changed in git within N days: its last commit,
not its mtime, which a checkout or a copy resets) and ``owner`` (CODEOWNERS assigns a path an
owner, read with the ``codeowners`` library, GitHub's rules: the last matching line wins)."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from codeowners import CodeOwners

from readiness_tui.core.gates.checks.base import CODEOWNERS_PATHS, CheckError, CheckFailed, read_text
from readiness_tui.core.gates.paths import PathEscape, is_glob, normalize_rel

GIT_TIMEOUT_S = 30.0


def last_commit(root: Path, pattern: str) -> dt.datetime | None:
    """When the newest commit touching ``pattern`` (a path or glob) was made; None when none did."""
    try:
        rel = normalize_rel(pattern)
    except PathEscape as exc:
        raise CheckError(str(exc)) from None
    # Pathspec magic: a literal path is never read as a glob, and a glob matches across "/".
    spec = f":(glob){rel}" if is_glob(rel) else f":(literal){rel}"
    try:
        proc = subprocess.run(
            ["git", "log", "-1", "--format=%ct", "--", spec],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=GIT_TIMEOUT_S,
            stdin=subprocess.DEVNULL,
        )
    except FileNotFoundError:
        raise CheckError("git is not installed: a fresh check reads the file's history") from None
    except subprocess.TimeoutExpired:
        raise CheckError(f"git log on {pattern} took over {GIT_TIMEOUT_S:g} s") from None
    if proc.returncode != 0:
        first = (proc.stderr.strip().splitlines() or ["git log failed"])[0]
        if "not a git repository" in first or "does not have any commits" in first:
            raise CheckError(f"{root} has no git history: a fresh check reads it ({first})")
        raise CheckError(f"git log on {pattern}: {first}")
    out = proc.stdout.strip()
    if not out:
        return None
    return dt.datetime.fromtimestamp(int(out), dt.UTC)


def fresh_check(root: Path, pattern: str, max_age_days: float, today: dt.date) -> str:
    when = last_commit(root, pattern)
    if when is None:
        raise CheckFailed(f"{pattern} was never committed")
    age = (today - when.date()).days
    if age > max_age_days:
        raise CheckFailed(f"{pattern} last changed {age} days ago (> {max_age_days:g})")
    return f"{pattern} last changed {age} day{'' if age == 1 else 's'} ago (<= {max_age_days:g})"


def codeowners_file(root: Path) -> str | None:
    for rel in CODEOWNERS_PATHS:
        if (root / rel).is_file():
            return rel
    return None


def owner_check(root: Path, pattern: str, owner: str | None) -> str:
    rel = codeowners_file(root)
    if rel is None:
        raise CheckFailed(f"no CODEOWNERS file ({', '.join(CODEOWNERS_PATHS)})")
    try:
        path = normalize_rel(pattern)
    except PathEscape as exc:
        raise CheckError(str(exc)) from None
    try:
        owners = [name for _kind, name in CodeOwners(read_text(rel, root / rel)).of(path)]
    except (ValueError, IndexError) as exc:
        raise CheckError(f"{rel}: cannot read: {exc}") from None
    if not owners:
        raise CheckFailed(f"{pattern} has no owner in {rel}")
    if owner is not None and owner not in owners:
        raise CheckFailed(f"{pattern} is owned by {', '.join(owners)}, not {owner} ({rel})")
    return f"{pattern} owned by {', '.join(owners)} ({rel})"
