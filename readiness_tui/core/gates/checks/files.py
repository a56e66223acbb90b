"""``file`` (present or absent) and ``grep`` (contains, does not contain, matches) checks."""

from __future__ import annotations

import re
from pathlib import Path

from readiness_tui.core.gates.checks.base import CheckFailed, read_text, resolve
from readiness_tui.core.model.check_model import Check


def file_check(root: Path, check: Check) -> str:
    """Present (every glob finds one) or, with ``absent``, absent."""
    try:
        files = resolve(root, check.path)
    except CheckFailed:
        if check.absent:
            return f"{check.path} absent"
        raise
    if check.absent:
        shown = ", ".join(r for r, _ in files[:3]) + (", ..." if len(files) > 3 else "")
        raise CheckFailed(f"{check.path} should be absent, found {shown}")
    return f"{check.path} present" + (f" ({len(files)} files)" if len(files) > 1 else "")


def grep_check(root: Path, check: Check) -> str:
    """``contains``/``matches``: at least one file the glob names holds it; ``not_contains``: none
    does. A file that is not text is an error (it could hide what is looked for)."""
    files = resolve(root, check.path)
    if check.not_contains is not None:
        needle = check.not_contains
        hits = [(rel, line) for rel, p in files if (line := _find(read_text(rel, p), needle, None)) is not None]
        if hits:
            where = ", ".join(f"{rel}:{line}" for rel, line in hits[:3]) + (", ..." if len(hits) > 3 else "")
            raise CheckFailed(f"{needle!r} found in {where}")
        return f"no {needle!r} in {_files(check.path, files)}"
    regex = re.compile(check.matches) if check.matches is not None else None
    needle = check.contains if check.contains is not None else ""
    what = f"/{check.matches}/" if regex is not None else repr(needle)
    for rel, p in files:
        line = _find(read_text(rel, p), needle, regex)
        if line is not None:
            return f"{what} found in {rel}:{line}"
    raise CheckFailed(f"{what} not found in {_files(check.path, files)}")


def _find(text: str, needle: str, regex: re.Pattern[str] | None) -> int | None:
    """The 1-based line of the first hit, or None."""
    if regex is not None:
        m = regex.search(text)
        at = m.start() if m else -1
    else:
        at = text.find(needle)
    return None if at < 0 else text.count("\n", 0, at) + 1


def _files(pattern: str, files: list[tuple[str, Path]]) -> str:
    return files[0][0] if len(files) == 1 else f"{len(files)} files of {pattern}"
