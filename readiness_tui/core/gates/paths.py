"""Where a board's gates live: the repo root, paths kept inside it, and glob matching.

Every path a board names (evidence, watch globs) is relative to the repo root. A path that would
resolve outside it (absolute, ``..``, a symlink pointing out) is refused *before* anything is read.
"""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path

from readiness_tui.core.board import hooks

#: Directory names never looked into: VCS data, virtualenvs, dependency trees and caches.
IGNORED_DIRS: frozenset[str] = frozenset(
    {
        ".git",
        ".hg",
        ".svn",
        ".venv",
        "venv",
        ".env",
        "env",
        "virtualenv",
        "node_modules",
        "__pycache__",
        ".pytest_cache",
        ".mypy_cache",
        ".ruff_cache",
        ".hypothesis",
        ".tox",
        ".nox",
        ".cache",
        ".idea",
        ".eggs",
        ".direnv",
        ".gradle",
        ".terraform",
        "site-packages",
    }
)
_GLOB_CHARS = re.compile(r"[*?\[]")
STATE_SUFFIX = ".readiness-state.json"
#: Same as ``core.audit.HISTORY_SUFFIX`` (not imported: audit imports the store, this must stay light).
HISTORY_SUFFIX = ".history.jsonl"


class PathEscape(ValueError):
    """A board path that points outside the repo root."""


def find_git_root(start: Path) -> Path | None:
    """The nearest directory at or above ``start`` holding ``.git`` (a dir, or a worktree's file)."""
    cur = start.resolve()
    for cand in (cur, *cur.parents):
        if (cand / ".git").exists():
            return cand
    return None


def containing_repo(board_path: Path | str) -> Path:
    """The repository that holds the board: the git top level above it, else the board's directory."""
    board_dir = Path(board_path).resolve().parent
    return find_git_root(board_dir) or board_dir


def root_problem(board_path: Path | str, configured: str | None) -> str:
    """Why ``[board].repo_root`` is refused (it resolves outside the repository holding the board),
    or ``""``."""
    if not configured:
        return ""
    why = _root_problem(board_path, configured)
    # It reads the repository (where .git is, symlinks): a kept answer depends on it (``board.hooks``).
    hooks.current().note("root_problem", (str(board_path), configured), why)
    return why


def _root_problem(board_path: Path | str, configured: str) -> str:
    if "\0" in configured:
        return "repo_root contains a NUL character"
    if configured.strip().startswith("~"):
        return f"repo_root {configured!r} names a home directory; it must be inside the repository holding the board"
    home = containing_repo(board_path)
    target = (Path(board_path).resolve().parent / configured).resolve()
    if not inside(home, target):
        return f"repo_root {configured!r} resolves to {target}, outside the repository holding the board ({home})"
    return ""


def repo_root(board_path: Path | str, configured: str | None = None) -> Path:
    """The directory gates run in: ``[board].repo_root`` (relative to the board file), else the
    git top level above the board file, else the board's directory. Always absolute and resolved.

    A ``repo_root`` outside the repository holding the board (``/``, ``~``, ``../..``) is never
    used: lint reports it (``root_problem``) and gates stay in the holding repository."""
    if configured and not root_problem(board_path, configured):
        return (Path(board_path).resolve().parent / configured).resolve()
    return containing_repo(board_path)


def evidence_problem(pattern: str) -> str:
    """Why an evidence path is refused (one rule for lint, ``check`` and the app), or ``""``."""
    if "\0" in pattern:
        return f"{pattern!r} contains a NUL character"
    try:
        normalize_rel(pattern)
    except PathEscape as exc:
        return str(exc)
    return ""


def refused_evidence(patterns: list[str]) -> list[tuple[int, str]]:
    """(place, why) of each path of ``patterns`` that ``evidence_problem`` refuses. Nearly every path is clean
    (``_CLEAN``), and those are passed over in one sweep: lint asks this of every evidence path of the board."""
    clean = _CLEAN.fullmatch
    return [(n, why) for n, p in enumerate(patterns) if not clean(p) and (why := evidence_problem(p))]


def is_glob(pattern: str) -> bool:
    return bool(_GLOB_CHARS.search(pattern))


#: A NUL or another control character (one regex search: lint runs this on every evidence path).
_CONTROL = re.compile(r"[\x00-\x1f]")
_DRIVE = re.compile(r"[A-Za-z]:/")


#: A path that is clean already but for a trailing ``/`` (a directory): segments of word characters,
#: dashes, dots and glob characters, none empty, ``.`` or ``..``, no leading ``~`` or ``/``. Nearly
#: every evidence path is one; the full rule below costs several times more, and lint and the gate
#: session run it on every evidence path of the board.
_CLEAN = re.compile(r"([\w\-*?\[\]{}]+(?:[./][\w\-*?\[\]{}]+)*)/?")


def normalize_rel(pattern: str) -> str:
    """Normalise a board path to a clean relative POSIX path, or raise ``PathEscape``."""
    clean = _CLEAN.fullmatch(pattern)
    if clean:
        return clean[1]
    return _normalize(pattern)


def _normalize(pattern: str) -> str:
    text = pattern.strip().replace("\\", "/")
    if not text:
        raise PathEscape("an empty path")
    if _CONTROL.search(text):
        raise PathEscape(f"{pattern!r} contains a control character")
    if text.startswith("~") or posixpath.isabs(text) or _DRIVE.match(text):
        raise PathEscape(f"{pattern!r} is absolute; paths are relative to the repo root")
    norm = posixpath.normpath(text)
    if norm == ".." or norm.startswith("../"):
        raise PathEscape(f"{pattern!r} points outside the repo root")
    return "" if norm == "." else norm


def inside(root: Path, path: Path | str) -> bool:
    """Whether ``path`` (after resolving every symlink) is ``root`` or below it."""
    real = os.path.realpath(path)
    r = str(root)
    return real == r or real.startswith(r.rstrip(os.sep) + os.sep)


def safe_path(root: Path, pattern: str) -> Path:
    """``root / pattern`` when it stays inside ``root`` (symlinks included), else ``PathEscape``."""
    return Path(safe_join(root, pattern))


def safe_join(root: Path, pattern: str) -> str:
    """``safe_path`` as a string. Checking a path needs no ``Path``: pathlib interns every part of
    every path it parses, and the interpreter's table of interned strings, once grown by the
    names of 9,000 evidence directories, never shrinks."""
    rel = normalize_rel(pattern)
    path = os.path.join(root, rel) if rel else str(root)
    if not inside(root, path):
        raise PathEscape(f"{pattern!r} resolves outside the repo root (through a symlink)")
    return path


@lru_cache(maxsize=4096)
def glob_regex(pattern: str, below: bool = True) -> re.Pattern[str]:
    """A regex for a repo-relative glob: ``*`` and ``?`` stay in one path segment, ``**`` crosses
    segments, ``[...]`` is a class. With ``below`` a pattern naming a directory also matches what
    is under it."""
    i, n, out = 0, len(pattern), []
    while i < n:
        c = pattern[i]
        if c == "*":
            if pattern.startswith("**", i):
                i += 2
                if pattern.startswith("/", i):
                    i += 1
                    out.append("(?:.*/)?")
                else:
                    out.append(".*")
                continue
            out.append("[^/]*")
        elif c == "?":
            out.append("[^/]")
        elif c == "[":
            j = pattern.find("]", i + 1)
            if j == -1:
                out.append(re.escape(c))
            else:
                body = pattern[i + 1 : j]
                if body.startswith("!"):
                    body = "^" + body[1:]
                out.append("[" + body.replace("\\", "\\\\") + "]")
                i = j
        else:
            out.append(re.escape(c))
        i += 1
    return re.compile("(?:" + "".join(out) + ")" + ("(?:/.*)?" if below else "") + "\\Z")


def glob_match(pattern: str, rel: str, below: bool = True) -> bool:
    return glob_regex(pattern, below).match(rel) is not None


def ignored_rel(rel: str) -> bool:
    """Whether a repo-relative path lies in an ignored directory or is our own bookkeeping."""
    parts = rel.split("/")
    if any(p in IGNORED_DIRS for p in parts[:-1]):
        return True
    return ignored_name(parts[-1])


def ignored_name(name: str) -> bool:
    if name in IGNORED_DIRS:
        return True
    if name.endswith(STATE_SUFFIX):
        return True
    # The audit trail beside a board (core.audit.HISTORY_SUFFIX) and the "mine" copy a conflict
    # leaves: the app writes them on every edit, so they must not make gates stale.
    if name.endswith(HISTORY_SUFFIX) or name.endswith(".mine.toml"):
        return True
    # Atomic-write temp files (``.NAME.xxxx.tmp``, see fsutil.atomic_write), the board lock
    # (``.NAME.lock``, see core.lock) and editor droppings.
    if name.startswith(".") and name.endswith((".tmp", ".lock")):
        return True
    if name.endswith(("~", ".swp", ".swx", ".pyc", ".pyo")) or name.startswith(".#"):
        return True
    return False


def walk(
    top: str,
    rel_top: str,
    skip: Callable[[str, str], bool],
    recursive: bool = True,
) -> Iterator[tuple[os.DirEntry[str], str, bool]]:
    """``(entry, repo-relative path, is a directory)`` for everything below ``top`` (whose own path
    is ``rel_top``).

    ``skip(name, rel)`` drops an entry: it is neither yielded nor, for a directory, walked into.
    Symlinked directories are not followed; an unreadable directory, or an entry whose type cannot
    be read, is passed over.
    """
    stack = [(top, rel_top)]
    while stack:
        path, rel_dir = stack.pop()
        try:
            it = os.scandir(path)
        except OSError:
            continue
        found = []
        with it:
            for entry in it:
                name = entry.name
                rel = f"{rel_dir}/{name}" if rel_dir else name
                if skip(name, rel):
                    continue
                try:
                    is_dir = entry.is_dir(follow_symlinks=False)
                except OSError:
                    continue
                if is_dir and recursive:
                    stack.append((entry.path, rel))
                found.append((entry, rel, is_dir))
        yield from found


def relpath(root: Path, path: str | Path) -> str | None:
    """``path`` relative to ``root`` as POSIX text, or ``None`` when it is not under it (lexically)."""
    p = os.path.abspath(path)
    r = str(root)
    if p == r:
        return ""
    if not p.startswith(r.rstrip(os.sep) + os.sep):
        return None
    return p[len(r.rstrip(os.sep)) + 1 :].replace(os.sep, "/")


def state_path_name(board_path: Path | str) -> str:
    """The state file's name for a board file: ``plan.toml`` -> ``plan.readiness-state.json``."""
    return Path(board_path).stem + STATE_SUFFIX
