"""Reading a board file again after someone else changed it, at the cost of what changed.

An outside edit (an editor, ``git pull``, another ``readiness set``) usually touches a few items of
a board that may hold 10,000. ``reread`` reads only the changed items (``respan.items_only``) and
reuses every other segment, item and record as they are. It also works out what changed, field
by field, from those items alone, so nobody has to compare the two whole boards.

Whatever it cannot settle this way (a changed ``[board]`` table, risk or waiver, a text whose
split would differ from a full split, an item that no longer parses) falls back to
``BoardStore.reload``, which also gives the located error messages.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .audit.diff import diff_boards
from .board_file import read_board_bytes
from .board_parse import file_text
from .fsutil import FileStamp
from .problems import BoardError
from .records import Change
from .respan import items_only

if TYPE_CHECKING:
    from .store import BoardStore


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
    file as the caller has just read it (``BoardStore.look``, then ``board_parse.file_text``)."""
    from .store import BoardStore

    path = store.path
    if path is None:
        raise BoardError("this board has no file to reload from")
    if text is None or stamp is None:
        data = read_board_bytes(path)
        text, stamp = file_text(path, data)
        del data  # not held through the parse
    quick = None
    if not (store.editable_reason or store.dirty):
        # A copy of the list (the UI thread may edit the store meanwhile), not an undo snapshot.
        quick = items_only(list(store.segments_now()), store.board, text)
    if quick is None:
        return Reread(store.reload(), None)
    fresh = BoardStore(path, text, quick.board, stamp, quick.segments)
    kept = {id(it) for it in quick.old_items} & {id(it) for it in quick.new_items}
    changes = diff_boards(
        store.board.model_copy(update={"items": [it for it in quick.old_items if id(it) not in kept]}),
        quick.board.model_copy(update={"items": [it for it in quick.new_items if id(it) not in kept]}),
    )
    return Reread(fresh, changes)
