"""Who made a change: git's ``user.name`` for the board's repository, read without running git."""

from __future__ import annotations

import contextlib
import getpass
import os
from pathlib import Path


def git_user_name(start: Path | str | None = None) -> str | None:
    """``git config user.name`` as git would answer it in ``start``, read from the config files.

    Looks at the repository's own config (found upwards from ``start``, worktrees included), then
    ``$GIT_CONFIG_GLOBAL`` or ``~/.gitconfig`` and ``$XDG_CONFIG_HOME/git/config``. Never runs git.
    ``include``/``includeIf`` directives are not followed.
    """
    files: list[Path] = []
    gitdir = _find_git_dir(Path(start) if start else Path.cwd())
    if gitdir is not None:
        common = gitdir
        commondir = gitdir / "commondir"
        if commondir.is_file():
            with contextlib.suppress(OSError):
                common = (gitdir / commondir.read_text(encoding="utf-8").strip()).resolve()
        files.append(gitdir / "config.worktree")
        files.append(common / "config")
    glob = os.environ.get("GIT_CONFIG_GLOBAL")
    if glob:
        files.append(Path(glob).expanduser())
    else:
        home = Path(os.environ.get("HOME") or Path.home())
        files.append(home / ".gitconfig")
        xdg = os.environ.get("XDG_CONFIG_HOME") or str(home / ".config")
        files.append(Path(xdg) / "git" / "config")
    # The first file (in the order above: most specific first) that sets the name wins.
    for f in files:
        name = _config_value(f, "user", "name")
        if name:
            return name
    return None


def _find_git_dir(start: Path) -> Path | None:
    try:
        cur = start.resolve()
    except OSError:
        return None
    if cur.is_file() or not cur.exists():
        cur = cur.parent
    for d in (cur, *cur.parents):
        dotgit = d / ".git"
        if dotgit.is_dir():
            return dotgit
        if dotgit.is_file():  # a worktree or submodule: "gitdir: <path>"
            with contextlib.suppress(OSError):
                text = dotgit.read_text(encoding="utf-8").strip()
                if text.startswith("gitdir:"):
                    return (d / text[len("gitdir:") :].strip()).resolve()
            return None
    return None


def _config_value(path: Path, section: str, key: str) -> str | None:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    value = None
    current = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line[0] in "#;":
            continue
        if line.startswith("["):
            head = line[1 : line.find("]")] if "]" in line else line[1:]
            current = head.split()[0].lower() if head.split() else ""
            if " " in head.strip():  # [section "subsection"] never holds user.name
                current = current + " sub"
            line = line[line.find("]") + 1 :].strip() if "]" in line else ""
            if not line:
                continue
        if current != section or "=" not in line:
            continue
        k, _, v = line.partition("=")
        if k.strip().lower() != key:
            continue
        value = _config_unquote(v.strip())  # the last assignment in a file wins, as in git
    return value or None


def _config_unquote(v: str) -> str:
    out = []
    quoted = False
    i = 0
    while i < len(v):
        c = v[i]
        if c == '"':
            quoted = not quoted
        elif c == "\\" and i + 1 < len(v):
            i += 1
            out.append({"n": "\n", "t": "\t"}.get(v[i], v[i]))
        elif c in "#;" and not quoted:
            break
        else:
            out.append(c)
        i += 1
    return "".join(out).strip()


def default_actor(board_path: Path | str | None = None) -> str:
    """Who is editing: git ``user.name`` for the board's repository, else ``$USER``."""
    name = git_user_name(Path(board_path).parent if board_path else None)
    if name:
        return name
    for var in ("USER", "LOGNAME", "USERNAME"):
        if os.environ.get(var):
            return os.environ[var]
    with contextlib.suppress(Exception):
        return getpass.getuser()
    return "unknown"
