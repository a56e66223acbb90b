"""Reading a board file again after someone else changed it, at the cost of what changed.

An outside edit (an editor, ``git pull``, another ``readiness set``) usually touches a few items of
a board that may hold 10,000. ``reread`` finds the changed stretch of text by comparing the new
text with the store's segments from both ends (a memory compare per segment), splits only that
stretch into segments again, parses only the items in it, and reuses every other segment, item
and record as they are. It also works out what changed, field by field, from those items alone,
so nobody has to compare the two whole boards.

Whatever it cannot settle this way (a changed ``[board]`` table, risk or waiver, a text whose
split would differ from a full split, an item that no longer parses) falls back to
``BoardStore.reload``, which also gives the located error messages.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .audit.diff import diff_boards
from .board_file import read_board_bytes
from .board_parse import file_text, parse_item_text
from .fsutil import FileStamp
from .problems import BoardError
from .records import Change
from .segments import Segment, split_segments

if TYPE_CHECKING:
    from .model import Board, Item
    from .store import BoardStore


@dataclass
class Reread:
    """A store for the file as it is now, and what changed against the store it was read for."""

    store: BoardStore
    #: The changes field by field (``audit.diff_boards``'s records), when worked out from the
    #: changed items alone; None: the caller compares the boards.
    changes: list[Change] | None


@dataclass(frozen=True)
class Respan:
    """The new text's segments: ``old[:start] + new + old[stop:]``."""

    start: int
    stop: int
    new: list[Segment]


def respan(old: list[Segment], text: str) -> Respan | None:
    """Split only the stretch of ``text`` that differs from the segments ``old``; None when the
    result could differ from ``split_segments(text)`` (then split it all).

    The segment on each side of the changed stretch is split again with it: an edit next to it
    can move its boundary (a header removed, a comment written right above the next header).
    """
    n = len(old)
    if not text:
        return None
    start, pos = 0, 0
    while start < n and text.startswith(old[start].text, pos):
        pos += len(old[start].text)
        start += 1
    if start == n and pos == len(text):
        return Respan(n, n, [])  # the same text
    if start > 0:
        start -= 1
        pos -= len(old[start].text)
    stop, end = n, len(text)
    while stop > start + 1 and text.endswith(old[stop - 1].text, pos, end):
        stop -= 1
        end -= len(old[stop].text)
    guard = old[stop] if stop < n else None
    if guard is not None:
        end += len(guard.text)
        stop += 1
    if end > len(text):
        return None
    new = split_segments(text[pos:end]) if end > pos else []
    # The guard must come out of the split whole: then everything after it is split as before.
    if guard is not None and (not new or new[-1].text != guard.text or new[-1].kind != guard.kind):
        return None
    lines = text.count("\n", 0, pos)
    new = [Segment(s.kind, s.text, s.start_line + lines, s.header_line + lines, s.is_array) for s in new]
    if guard is not None:
        # Kept, like every segment after it: their line numbers are where they were read (only
        # the distance from a segment's start to its header is used after that, see LineIndex).
        new[-1] = guard
    return Respan(start, stop, new)


def _is_item(seg: Segment) -> bool:
    return seg.is_array and seg.kind == "items"


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
    quick = None if store.editable_reason or store.dirty else _items_only(store, text)
    if quick is None:
        return Reread(store.reload(), None)
    segments, board, old_items, new_items = quick
    fresh = BoardStore(path, text, board, stamp, segments)
    kept = {id(it) for it in old_items} & {id(it) for it in new_items}
    changes = diff_boards(
        store.board.model_copy(update={"items": [it for it in old_items if id(it) not in kept]}),
        board.model_copy(update={"items": [it for it in new_items if id(it) not in kept]}),
    )
    return Reread(fresh, changes)


def _items_only(store: BoardStore, text: str) -> tuple[list[Segment], Board, list[Item], list[Item]] | None:
    """When only items changed: the new segments, the new board, and the items of the changed
    stretch before and after. None otherwise."""
    old_segs = store.snapshot().segments
    span = respan(old_segs, text)
    if span is None:
        return None
    before = old_segs[span.start : span.stop]
    # Every other record must be as it was, in the same order: then the board's rest is reused.
    if [s.text for s in before if not _is_item(s)] != [s.text for s in span.new if not _is_item(s)]:
        return None
    board = store.board
    first = sum(1 for s in old_segs[: span.start] if _is_item(s))
    n_old = sum(1 for s in before if _is_item(s))
    old_items = board.items[first : first + n_old]
    # The segments split again beside the change are mostly as they were: keep their items.
    known = dict(zip((s.text for s in before if _is_item(s)), old_items))
    new_items: list[Item] = []
    for seg in span.new:
        if _is_item(seg):
            item = known.get(seg.text) or parse_item_text(seg.text, board)
            if item is None:
                return None
            new_items.append(item)
    items = [*board.items[:first], *new_items, *board.items[first + n_old :]]
    segments = [*old_segs[: span.start], *span.new, *old_segs[span.stop :]]
    return segments, board.model_copy(update={"items": items}), old_items, new_items
