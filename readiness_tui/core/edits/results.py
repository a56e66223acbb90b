"""What an edit returns: the save state, undo snapshots, and the results of an edit and a reload.

Kept apart from ``editor`` (the controller that makes them) so that callers that only read a
result need not know how it was made.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from readiness_tui.core.board.segments import Segment
from readiness_tui.core.board.store import BoardStore, StoreSnapshot
from readiness_tui.core.model.records import Change

#: Why an edit was refused on a read-only viewer (``readiness serve --read-only``).
READ_ONLY_REFUSAL = "read-only: this view cannot change the board"


class SaveState(StrEnum):
    """What became of a save (it compares equal to its text: ``"saved"``)."""

    SAVED = "saved"
    UNCHANGED = "unchanged"
    #: The same field was changed on disk by someone else (or an undo cannot be merged).
    CONFLICT = "conflict"
    #: The board file was deleted or moved.
    MISSING = "missing"
    #: Could not write (locked by another writer too long, permissions, disk full ...).
    ERROR = "error"
    #: Autosave is off: the edit waits in memory.
    OFF = "off"
    #: The caller saves (``EditController.save``) once it has shown the edit: an app shows the
    #: edited row first and writes right after, on the same thread.
    PENDING = "pending"

    @property
    def on_disk(self) -> bool:
        """The board file holds the edit (written now, or it already did)."""
        return self in (SaveState.SAVED, SaveState.UNCHANGED)

    @property
    def failed(self) -> bool:
        """The edit is only in memory against the user's wish: a conflict, a lost file or a write error."""
        return self in (SaveState.CONFLICT, SaveState.MISSING, SaveState.ERROR)


@dataclass
class Snapshot:
    label: str
    state: StoreSnapshot

    @property
    def segments(self) -> list[Segment]:
        return self.state.segments


def snapshot(store: BoardStore, label: str = "") -> Snapshot:
    return Snapshot(label, store.snapshot())


def restore(store: BoardStore, snap: Snapshot) -> None:
    store.restore(snap.state)


def board_of(state: StoreSnapshot) -> Any:
    """A frozen view of a store snapshot that ``audit.diff_boards`` can compare (the store's own
    board object is edited in place, so it cannot stand for "before")."""
    return SimpleNamespace(**state.records, board=state.meta, matrix=state.matrix)


@dataclass
class EditResult:
    label: str
    changes: list[Change] = field(default_factory=list)
    saved: SaveState = SaveState.UNCHANGED
    error: str = ""
    #: Ids the caller may want to show (a new item, the next item after a deletion).
    focus: str | None = None
    #: The cycle a refused dependency would have closed: [item, dep, ..., item].
    cycle: list[str] = field(default_factory=list)
    #: An undo or redo (the whole store was put back: panes show the board again).
    history: bool = False
    #: Saving merged in what someone else wrote meanwhile: panes show the board again.
    merged: bool = False

    @property
    def ok(self) -> bool:
        return not self.error


@dataclass
class ReloadResult:
    reapplied: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    backup: Path | None = None
    saved: SaveState = SaveState.UNCHANGED
    #: What changed on disk (against what we last read or wrote), as recorded in the audit trail.
    changes: list[Change] = field(default_factory=list)
