"""Reading a board file again after someone else changed it, at the cost of what changed.

An outside edit (an editor, ``git pull``, another ``readiness set``) usually touches a few items of
a board that may hold 10,000. ``reread`` reads only the changed items (``respan.read_span``) and
reuses every other segment, item and record as they are. It also works out what changed, field
by field, from those items alone, so nobody has to compare the two whole boards. The file itself
is read a piece at a time (``file_span``), so that a big board's file is not held whole, twice
(as bytes and as text), beside the board in memory.

A changed ``[board]`` table, risk or waiver is read from the segments too: the records other than
items are parsed again, each unchanged item reused. Whatever it cannot settle this way (a text
whose split would differ from a full split, a record that no longer parses) falls back to
``BoardStore.reload``, which also gives the located error messages.
"""

from __future__ import annotations

from dataclasses import dataclass
from operator import is_
from pathlib import Path
from typing import TYPE_CHECKING

from readiness_tui.core.audit.diff import diff_boards
from readiness_tui.core.board.file import DiskState
from readiness_tui.core.board.file_span import FileSpan, file_span
from readiness_tui.core.board.fsutil import FileStamp
from readiness_tui.core.board.parse import file_text
from readiness_tui.core.board.respan import ItemsChanged, Respan, read_span, respan
from readiness_tui.core.board.segments import Segment
from readiness_tui.core.model.problems import BoardError
from readiness_tui.core.model.records import Change

if TYPE_CHECKING:
    from readiness_tui.core.board.store import BoardStore
    from readiness_tui.core.model.board import Board


@dataclass
class Reread:
    """A store for the file as it is now, and what changed against the store it was read for."""

    store: BoardStore
    #: The changes field by field (``audit.diff_boards``'s records), when worked out from the
    #: changed items alone; None: the caller compares the boards.
    changes: list[Change] | None


def reread(store: BoardStore, text: str | None = None, stamp: FileStamp | None = None) -> Reread:
    """The board file as it is now (see the module docstring). Raises what ``BoardStore.reload``
    raises: ``BoardMissing``, ``BoardError`` with file, line and field. ``text``/``stamp``: the
    file as the caller has just read it (``BoardStore.look``, then ``board_parse.file_text``);
    without them the file is read in pieces (``file_span``)."""
    path = store.path
    if path is None:
        raise BoardError("this board has no file to reload from")
    taken = None
    if not (store.editable_reason or store.dirty):
        # A copy of the list (the UI thread may edit the store meanwhile), not an undo snapshot.
        old = list(store.segments_now())
        if text is None or stamp is None:
            found = _in_pieces(path, old)
            taken = _taken(store, path, old, found.span, found.stamp) if found is not None else None
        else:
            taken = _taken(store, path, old, respan(old, text), stamp)
    return taken if taken is not None else Reread(store.reload(), None)


def read_if_changed(store: BoardStore) -> tuple[DiskState, Reread | None]:
    """``store.look()`` for a store that takes a changed file in: whether the file changed and,
    when it did, the store read from it (``reread``). The file is read once: in pieces
    (``file_span``) when the store holds its segments as they were read, so a 100,000-item file is
    never held whole; else whole, as ``look`` reads it. Raises what ``reread`` raises (the file
    then changed)."""
    path, stamp = store.path, store.stamp
    if path is None or stamp is None or store.editable_reason or store.dirty:
        return _read_whole(store)
    try:
        st = path.stat()
    except FileNotFoundError:
        return DiskState.MISSING, None
    if st.st_mtime_ns == stamp.mtime_ns and st.st_size == stamp.size:
        return DiskState.SAME, None  # trusted without reading, as ``look`` trusts it
    old = list(store.segments_now())
    found = _in_pieces(path, old)
    if found is None:
        return _read_whole(store)
    if found.stamp.sha256 == stamp.sha256:
        return DiskState.SAME, None  # touched, not changed: nothing to take in
    taken = _taken(store, path, old, found.span, found.stamp)
    if taken is None:
        return _read_whole(store)
    return DiskState.CHANGED, taken


def _read_whole(store: BoardStore) -> tuple[DiskState, Reread | None]:
    state, data, sha = store.look()
    if state != DiskState.CHANGED or data is None or store.path is None:
        return state, None
    text, stamp = file_text(store.path, data, sha)
    del data  # not held beside the text while it is parsed
    return state, reread(store, text, stamp)


def _in_pieces(path: Path, old: list[Segment]) -> FileSpan | None:
    """The file read in pieces against the segments held; None when it cannot be read so (the
    caller reads it whole, which reports why)."""
    try:
        return file_span(path, old)
    except OSError:
        return None


def _taken(store: BoardStore, path: Path, old: list[Segment], span: Respan | None, stamp: FileStamp) -> Reread | None:
    """The store for the text ``span`` says changed against ``old`` (the store's segments), and
    what changed: from its changed items alone, or, when other records changed too (a risk, a
    phase, the ``[board]`` table), from every record but the items parsed again and each
    unchanged item reused (``respan.read_span``, as ``BoardStore.reload`` does, without
    splitting the whole text again, which is what made a risk's edit slow on a big board). None
    when neither can be done (the caller reads the file whole, which also locates any error)."""
    found = read_span(old, store.board, span)
    if found is None:
        return None
    if isinstance(found, ItemsChanged):
        return _changed_items(store, path, found, stamp)
    from readiness_tui.core.board.store import BoardStore

    return Reread(BoardStore(path, "", found.board, stamp, found.segments), _other_changes(store.board, found.board))


def _other_changes(before: Board, board: Board) -> list[Change] | None:
    """What changed from ``before`` to ``board`` when every item is the same object and the
    board's own tables are as they were: only other records changed, worked out from them alone
    for the panes to follow. None otherwise (the caller compares the boards)."""
    if len(board.items) != len(before.items) or not all(map(is_, board.items, before.items)):
        return None
    if (board.board, board.matrix, board.conflicts) != (before.board, before.matrix, before.conflicts):
        return None
    return diff_boards(before.model_copy(update={"items": []}), board.model_copy(update={"items": []}))


def _changed_items(store: BoardStore, path: Path, changed: ItemsChanged, stamp: FileStamp) -> Reread:
    """The store made from the board ``changed`` gives (its text is its segments'), and what changed."""
    from readiness_tui.core.board.store import BoardStore

    fresh = BoardStore(path, "", changed.board, stamp, changed.segments)
    kept = {id(it) for it in changed.old_items} & {id(it) for it in changed.new_items}
    changes = diff_boards(
        store.board.model_copy(update={"items": [it for it in changed.old_items if id(it) not in kept]}),
        changed.board.model_copy(update={"items": [it for it in changed.new_items if id(it) not in kept]}),
    )
    return Reread(fresh, changes)
