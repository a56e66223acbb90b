"""Where readiness keeps the files it writes about a board that are not the board: its lock, the
gate results, the presenter's slide.

None of them belongs in the repository (a lock names a process on one machine, gate results and
slides are one person's), so inside a git repository they live in the git dir, which git never
lists: ``.git/readiness/<kind>/<board name>-<hash of the board's path>.<ext>``. The common git dir
(``git rev-parse --git-common-dir``) is used, so every worktree of a clone locks a board the same
way. Outside git there is no such place, and the file stays beside the board as it always did.
Only the board, its history and ``.gitattributes`` are meant to be committed.
"""

from __future__ import annotations

import contextlib
import hashlib
from pathlib import Path


def git_common_dir(start: Path) -> Path | None:
    """The common git dir of the repository holding ``start`` (a folder), or None outside git.

    Read from the files git keeps (``.git`` a folder, or a file ``gitdir: ...`` in a worktree or
    submodule, then that dir's ``commondir``) rather than by running git on every write.
    """
    cur = start.resolve()
    for d in (cur, *cur.parents):
        dotgit = d / ".git"
        if dotgit.is_dir():
            return dotgit
        if dotgit.is_file():
            try:
                text = dotgit.read_text(encoding="utf-8").strip()
            except OSError:
                return None
            if not text.startswith("gitdir:"):
                return None
            gitdir = (d / text[len("gitdir:") :].strip()).resolve()
            with contextlib.suppress(OSError):
                common = (gitdir / "commondir").read_text(encoding="utf-8").strip()
                if common:
                    return (gitdir / common).resolve()
            return gitdir
    return None


def private_path(board: Path, kind: str, ext: str, beside: str) -> Path:
    """The file of ``kind`` (``locks``, ``gates``, ``presenter``) kept for ``board``.

    In a git repository: ``<git dir>/readiness/<kind>/<name>-<hash>.<ext>``, the hash of the
    board's resolved path telling apart boards of one name in different folders. Elsewhere:
    ``beside`` (a file name) in the board's folder. The folder is not created here.
    """
    board = Path(board)
    gitdir = git_common_dir(board.parent if str(board.parent) else Path("."))
    if gitdir is None:
        return board.with_name(beside)
    key = hashlib.sha256(str(board.resolve()).encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return gitdir / "readiness" / kind / f"{board.name}-{key}.{ext}"


def ensure_parent(path: Path) -> Path:
    """Create ``path``'s folder when it is missing; returns ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    return path
