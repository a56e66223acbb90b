"""Where a loader plugs into the domain, and the only place it does.

The domain reads and parses boards plainly. The CLI and the app load them through ``cache.loader``,
which installs its own ``Hooks`` when the entry point turns the caches on: the bytes a command has
read already, a board's model kept from an earlier parse, the reads a kept answer depends on, what
a one-shot command may keep until it exits, a history parsed once per state of its file. A library
caller or a test that installs nothing gets the plain behaviour of this base class by construction.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from readiness_tui.core.audit.chain import Record
    from readiness_tui.core.board.fsutil import FileStamp
    from readiness_tui.core.board.segments import Cuts, Segment
    from readiness_tui.core.model.board import Board


class Hooks:
    """The plain behaviour: nothing kept, nothing noted."""

    def read(self, path: Path) -> tuple[bytes, str] | None:
        """The bytes of the board file at ``path`` and their SHA-256, when read already."""
        return None

    def model(self, path: Path, stamp: FileStamp, text: str) -> tuple[Board, list[Segment] | Cuts] | None:
        """A model of the board ``text``, read from ``path`` as ``stamp``, and its segments."""
        return None

    def parsed(self, path: Path, stamp: FileStamp, parts: str | list[str], board: Board) -> None:
        """The board at ``path`` was just parsed or written: its text (whole or in parts) and model."""

    def noting(self) -> bool:
        """Whether reads are being noted now (``note``): a read costly to describe asks first."""
        return False

    def note(self, kind: str, args: tuple[str, ...], result: str) -> None:
        """A read outside the board an answer depends on (see ``cache.read_log``)."""

    def keep(self, obj: Any) -> None:
        """``obj`` is done with; a one-shot command may keep it until its process ends."""

    def history(self, path: Path) -> list[Record]:
        """The records of the history of the board at ``path``."""
        from readiness_tui.core import audit

        return audit.read(audit.history_path(path))


_installed = Hooks()


def current() -> Hooks:
    return _installed


def install(hooks: Hooks | None) -> None:
    """Use ``hooks`` from now on (None: the plain ones again)."""
    global _installed
    _installed = hooks or Hooks()
