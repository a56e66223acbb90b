"""What git holds about a board file: the work tree around it and the history's anchor refs, as
``git`` itself lists them (``audit.anchors`` reads and writes the anchors).

Kept light on purpose: a kept answer that read the anchors (``readiness report``) is replayed only
while ``anchor_refs_state`` still gives what it gave, and that check must not import the model.
"""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

from readiness_tui.core.board import hooks

REF_ROOT = "refs/readiness/anchors"


def git(repo: Path, *args: str, input_text: str | None = None) -> subprocess.CompletedProcess[str]:
    """``git ARGS`` run in ``repo``; ``FileNotFoundError`` when git is not installed."""
    return subprocess.run(["git", *args], cwd=repo, input=input_text, capture_output=True, text=True, check=False)


def work_tree(board: Path) -> Path | None:
    """The work tree holding the board, or None when it is not in a git repository (or no git)."""
    folder = board.resolve().parent
    if not folder.is_dir():
        return None
    try:
        res = git(folder, "rev-parse", "--show-toplevel")
    except FileNotFoundError:
        return None
    return Path(res.stdout.strip()) if res.returncode == 0 and res.stdout.strip() else None


def ref_prefix(board: Path, root: Path) -> str:
    """Where the board's anchors live: one folder of refs per repo-relative board path."""
    rel = board.resolve().relative_to(root.resolve()).as_posix()
    return f"{REF_ROOT}/{hashlib.sha256(rel.encode('utf-8')).hexdigest()[:16]}"


def anchor_refs(board: Path) -> tuple[Path | None, list[tuple[str, str]]]:
    """The work tree holding the board and its anchor refs, each (ref, object id); noted for a kept
    answer as ``anchor_refs_state`` (an object id names its blob's content, so the same refs hold
    the same anchors)."""
    root = work_tree(board)
    listing = _listing(board, root)
    found = [(ref, obj) for ref, _, obj in (line.partition(" ") for line in listing.splitlines())]
    if hooks.current().noting():
        hooks.current().note("anchor_refs", (str(board.absolute()),), _state(root, listing))
    return root, found


def anchor_refs_state(board: Path) -> str:
    """What ``anchor_refs`` would read now, as one text."""
    root = work_tree(board)
    return _state(root, _listing(board, root))


def _listing(board: Path, root: Path | None) -> str:
    if root is None:
        return ""
    res = git(root, "for-each-ref", "--format=%(refname) %(objectname)", ref_prefix(board, root) + "/")
    return res.stdout


def _state(root: Path | None, listing: str) -> str:
    return f"{root or ''}\n{listing}"
