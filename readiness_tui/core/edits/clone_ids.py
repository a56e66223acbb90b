"""Ids for new items that do not collide across clones.

Two people on two clones who each add "the next item after SEC-02" would both make ``SEC-03``, and
git would then merge two different items under one id (a conflict). A new id therefore carries a
short tag of the clone that made it: ``SEC-03-k7q``. The tag is three base-32 characters derived
from a random clone id (kept in the repository's git dir, ``readiness/clone-id``, created on first
use; outside git, in the user's state directory) and the actor's name, so two clones collide only
when they draw the same tag *and* pick the same number: about 1 in 32,768 for a pair of clones.
Ids written by hand are left alone; the tag only goes on ids the app makes.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import os
import re
import secrets
from collections.abc import Collection
from pathlib import Path

_TAG_LEN = 3
_TAGGED = re.compile(rf"^(?P<prefix>.*?)(?P<num>\d+)(?:-[a-z2-7]{{{_TAG_LEN}}})?$")


def _git_dir(start: Path) -> Path | None:
    cur = start.resolve()
    for d in (cur, *cur.parents):
        dotgit = d / ".git"
        if dotgit.is_dir():
            return dotgit
        if dotgit.is_file():
            with contextlib.suppress(OSError):
                text = dotgit.read_text(encoding="utf-8").strip()
                if text.startswith("gitdir:"):
                    return (d / text[len("gitdir:") :].strip()).resolve()
    return None


def _state_dir() -> Path:
    base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / "readiness"


def clone_id(start: Path) -> str:
    """A random id of this clone (or of this user, outside git), created once and kept."""
    gitdir = _git_dir(start if start.is_dir() else start.parent)
    folder = gitdir / "readiness" if gitdir is not None else _state_dir()
    path = folder / "clone-id"
    with contextlib.suppress(OSError):
        value = path.read_text(encoding="utf-8").strip()
        if value:
            return value
    value = secrets.token_hex(16)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        # O_EXCL: when two processes race, the one that loses reads the winner's id.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(value + "\n")
    except FileExistsError:
        return path.read_text(encoding="utf-8").strip() or value
    except OSError:
        pass  # read-only place: the tag is still stable for this process
    return value


def clone_tag(clone: str, actor: str) -> str:
    """Three lower-case base-32 characters from the clone id and the actor."""
    digest = hashlib.sha256(f"{clone}\0{actor}".encode()).digest()
    return base64.b32encode(digest).decode("ascii")[:_TAG_LEN].lower()


def new_item_id(taken: Collection[str], tag: str, near: str | None = None) -> str:
    """A free id for a new item: the number after ``near``'s (or the highest of its prefix), tagged.

    ``near`` ``SEC-02`` with tag ``k7q`` -> ``SEC-03-k7q`` (or the next number that is free);
    without ``near`` (or one with no number) -> ``ITEM-01-k7q``-style ids.
    """
    m = _TAGGED.match(near or "")
    if m is None:
        prefix, width, n = (f"{near}-" if near else "ITEM-"), 2, 1
    else:
        prefix, digits = m.group("prefix"), m.group("num")
        width, n = len(digits), int(digits) + 1
    # Start after the highest number any clone used with this prefix, so tags are a tie-break only.
    for other in taken:
        mo = _TAGGED.match(other)
        if mo and mo.group("prefix") == prefix:
            n = max(n, int(mo.group("num")) + 1)
    while True:
        cand = f"{prefix}{n:0{width}d}-{tag}"
        if cand not in taken:
            return cand
        n += 1


def new_item_id_for(board_path: Path, taken: Collection[str], actor: str, near: str | None = None) -> str:
    """``new_item_id`` with this clone's tag for ``actor`` (what the app's ``a``/``y`` should call)."""
    return new_item_id(taken, clone_tag(clone_id(board_path), actor), near)
