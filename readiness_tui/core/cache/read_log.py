"""What a command read to compute its answer: the boards' bytes and the repository around them.

The answer cache (``answer_cache``) keeps a command's answer with this log, and replays it only
while every read in it would give the same result. So the reads that can change an answer are few
and each is noted here where it happens: ``BoardStore.load`` notes the bytes of a board it read,
``gates.paths.root_problem`` where a ``repo_root`` resolves, the weekly report its history file
and ``board.git_refs`` the history's anchors in git. A test watches the file system while
``lint``, ``order`` and ``export`` compute and fails on a read this log would not have seen.

Off (the default, and always in the app) ``note`` does nothing.
"""

from __future__ import annotations

#: One read: (kind, its arguments, what it gave). Kinds: "board" (real path; sha256 of the bytes),
#: "root_problem" (board path, configured repo_root; the refusal, or ""), "settings" (where the
#: command ran, the user's settings file; a digest of every settings file read), "file" (a file
#: read besides the board, such as its history; its sha256, or "" when missing), "anchor_refs"
#: (board path; the work tree and the history's anchor refs git lists).
Read = tuple[str, tuple[str, ...], str]

_log: list[Read] | None = None


def active() -> bool:
    return _log is not None


def note(kind: str, args: tuple[str, ...], result: str) -> None:
    if _log is not None:
        _log.append((kind, args, result))


def start() -> None:
    """Note every read from now on (a log left running by a command that stopped early is dropped)."""
    global _log
    _log = []


def stop() -> list[Read]:
    """Stop noting; what was read since ``start``."""
    global _log
    reads, _log = _log or [], None
    return reads
