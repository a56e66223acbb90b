"""The portfolio's cache: parsed boards by git blob id, and when a board last changed by (commit,
path). Both keys name their content for good (a blob id is a digest of the bytes; a commit's
history never changes), so an entry is never stale; only the code that wrote it can make it
unusable, and an entry from other code (``code_digest``) is dropped whole.

One file in the user cache directory, sealed (``files.write_sealed``): a damaged file is an empty
cache. Boards are kept laid out as columns (``layout``) and rebuilt only when asked for.
"""

from __future__ import annotations

import datetime as dt
import io
import pickle
from pathlib import Path
from typing import TYPE_CHECKING, Any

from readiness_tui.core.board.fsutil import atomic_write
from readiness_tui.core.cache import layout
from readiness_tui.core.cache.files import (
    Damaged,
    cache_root,
    code_digest,
    private_dir,
    safe_file,
    unsealed,
    write_sealed,
)

if TYPE_CHECKING:
    from readiness_tui.core.model.board import Board

#: Beyond this many boards the oldest entries go (a lead's portfolio is tens of boards).
MAX_BOARDS = 2000


class PortfolioCache:
    """``core.portfolio.read.BoardCache`` on disk."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or cache_root() / "portfolio.cache"
        self._boards: dict[str, bytes] = {}
        self._changed: dict[str, str] = {}
        self._dirty = False
        self._load()

    def _load(self) -> None:
        if not safe_file(self.path):
            return
        try:
            with open(self.path, "rb") as fh:
                data: dict[str, Any] = pickle.loads(unsealed(fh))
        except (OSError, Damaged, pickle.UnpicklingError, EOFError, ValueError, TypeError):
            return
        if data.get("code") != code_digest():
            return
        self._boards = data.get("boards", {})
        self._changed = data.get("changed", {})

    def board(self, blob: str) -> Board | None:
        packed = self._boards.get(blob)
        if packed is None:
            return None
        try:
            board: Board = layout.unpack(pickle.loads(packed))
        except Exception:  # an entry that does not fit the models is a miss, parsed again
            del self._boards[blob]
            return None
        return board

    def keep_board(self, blob: str, board: Board) -> None:
        self._boards[blob] = pickle.dumps(layout.pack(board), protocol=pickle.HIGHEST_PROTOCOL)
        self._dirty = True

    def changed(self, commit: str, path: str) -> dt.datetime | None:
        when = self._changed.get(f"{commit}:{path}")
        return dt.datetime.fromisoformat(when) if when else None

    def keep_changed(self, commit: str, path: str, when: dt.datetime) -> None:
        self._changed[f"{commit}:{path}"] = when.isoformat()
        self._dirty = True

    def save(self) -> None:
        """Write the cache if anything was added (a failure to write is only a slower next run)."""
        if not self._dirty:
            return
        boards = dict(list(self._boards.items())[-MAX_BOARDS:])
        changed = dict(list(self._changed.items())[-MAX_BOARDS * 4 :])
        payload = pickle.dumps({"code": code_digest(), "boards": boards, "changed": changed}, protocol=5)
        try:
            private_dir(self.path.parent)
            sealed = io.BytesIO()
            write_sealed(sealed, payload)
            atomic_write(self.path, sealed.getvalue(), mode=0o600)
        except OSError:
            return
        self._dirty = False
