"""The stretch of a board's text that changed, and the board it gives when only items changed.

A board read before (by the app, or kept in the parse cache) and the file's text now usually
differ in a few items of thousands (an editor's edit, ``git pull``, another ``readiness set``).
``respan`` finds the changed stretch by comparing the new text with the old segments from both
ends (a memory compare per segment) and splits only that stretch again; ``items_only`` parses only
the items in it and reuses every other segment, item and record as they are. When a ``[board]``
table, risk or waiver changed too, ``reassemble`` parses every record but the items again and
reuses each unchanged item. Anything else (a split that could differ from a full split, a record
that no longer parses) is declined: the caller parses the whole board, which also gives the
located error messages.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from readiness_tui.core.board.parse import assemble_by_item, parse_item_text
from readiness_tui.core.board.segments import Cuts, CutText, Segment, split_segments

if TYPE_CHECKING:
    from readiness_tui.core.model.board import Board, Item


@dataclass(frozen=True)
class Respan:
    """The new text's segments: ``old[:start] + new + old[stop:]``."""

    start: int
    stop: int
    new: list[Segment]

    def applied(self, old: list[Segment]) -> list[Segment]:
        """The new text's segments, ``old`` being those the span was found against."""
        return [*old[: self.start], *self.new, *old[self.stop :]]


def respan(old: list[Segment], text: str, most: int | None = None) -> Respan | None:
    """Split only the stretch of ``text`` that differs from the segments ``old``; None when the
    result could differ from ``split_segments(text)`` (then split it all), or when the stretch
    is longer than ``most`` characters (splitting it would cost as much as splitting it all).

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
    return _with_guard(text, start, stop, pos, end, old[stop] if stop < n else None, most)


#: Segments compared at a time by ``respan_cut`` while they are all as they were.
_RUN = 64


def respan_cut(old: CutText, text: str, most: int | None = None) -> Respan | None:
    """``respan(old.segments(), text, most)``, found without cutting every segment of ``old``:
    runs of ``_RUN`` segments are compared as one stretch of the old text while they are the same,
    then one by one, and only the segment beside the changed stretch is cut (a board read from
    an earlier parse-cache entry; at 100,000 items, cutting them all cost more than the rest)."""
    n = len(old)
    if not text:
        return None
    offsets = old.offsets
    start = 0
    while start + _RUN <= n and text.startswith(old.run(start, start + _RUN), offsets[start]):
        start += _RUN
    while start < n and text.startswith(old.run(start, start + 1), offsets[start]):
        start += 1
    pos = offsets[start]
    if start == n and pos == len(text):
        return Respan(n, n, [])  # the same text
    if start > 0:
        start -= 1
        pos = offsets[start]
    stop, end = n, len(text)
    while stop - _RUN > start and text.endswith(old.run(stop - _RUN, stop), pos, end):
        end -= offsets[stop] - offsets[stop - _RUN]
        stop -= _RUN
    while stop > start + 1 and text.endswith(old.run(stop - 1, stop), pos, end):
        end -= offsets[stop] - offsets[stop - 1]
        stop -= 1
    return _with_guard(text, start, stop, pos, end, old.segment(stop) if stop < n else None, most)


def _with_guard(
    text: str, start: int, stop: int, pos: int, end: int, guard: Segment | None, most: int | None
) -> Respan | None:
    """The span of the old segments ``start:stop`` (``text[pos:end]`` now), with the segment after
    them (``guard``) split again with it; None when the stretch is longer than ``most``."""
    if guard is not None:
        end += len(guard.text)
        stop += 1
    if end > len(text) or (most is not None and end - pos > most):
        return None
    return split_stretch(start, stop, text[pos:end], text.count("\n", 0, pos), guard)


def split_stretch(start: int, stop: int, stretch: str, lines: int, guard: Segment | None) -> Respan | None:
    """The ``Respan`` whose new segments are ``stretch`` split (the text now where the old segments
    ``start:stop`` were, ``lines`` lines into the file); ``guard``: the last of those old segments,
    when the stretch ends with it. None when the split would differ from a full split."""
    new = split_segments(stretch) if stretch else []
    # The guard must come out of the split whole: then everything after it is split as before.
    if guard is not None and (not new or new[-1].text != guard.text or new[-1].kind != guard.kind):
        return None
    new = [Segment(s.kind, s.text, s.start_line + lines, s.header_line + lines, s.is_array) for s in new]
    if guard is not None:
        # Kept, like every segment after it: their line numbers are where they were read (only
        # the distance from a segment's start to its header is used after that, see LineIndex).
        new[-1] = guard
    return Respan(start, stop, new)


def is_item(seg: Segment) -> bool:
    return seg.is_array and seg.kind == "items"


@dataclass(frozen=True)
class ItemsChanged:
    """The board read again from its changed items alone."""

    segments: list[Segment]
    board: Board
    #: The items of the changed stretch, before and after (items split again beside the change
    #: but not changed are the same objects in both).
    old_items: list[Item]
    new_items: list[Item]


def only_items(old_segs: list[Segment], span: Respan | None) -> Respan | None:
    """``span`` (of a text against ``old_segs``) when it changed only items; None otherwise."""
    if span is None or not _others_as_they_were(old_segs[span.start : span.stop], span):
        return None
    return span


def _others_as_they_were(before: list[Segment], span: Respan) -> bool:
    """Whether the segments ``span`` puts where ``before`` were hold the same records but items."""
    return [s.text for s in before if not is_item(s)] == [s.text for s in span.new if not is_item(s)]


def items_only(old_segs: list[Segment], board: Board, span: Respan | None) -> ItemsChanged | None:
    """The board read from ``old_segs`` changed as ``span`` says (``only_items``: the text now
    against them, when it changed only items); None otherwise."""
    # Every item must be an [[items]] table of its own: then the n-th item segment is the n-th item.
    if span is None or sum(1 for s in old_segs if is_item(s)) != len(board.items):
        return None
    first = sum(1 for s in old_segs[: span.start] if is_item(s))
    changed = _items_changed(old_segs[span.start : span.stop], first, board, span)
    if changed is None:
        return None
    items, old_items, new_items = changed
    return ItemsChanged(span.applied(old_segs), board.model_copy(update={"items": items}), old_items, new_items)


def items_only_cut(old: CutText, board: Board, span: Respan) -> tuple[Board, Cuts] | None:
    """``items_only(old.segments(), board, only_items(old.segments(), span))`` without cutting every
    segment of ``old``: the board, and where the segments of the text now lie (cut when first
    needed, ``segments.Cuts``); None otherwise."""
    bounds = old.cuts.bounds
    before = old.segments(span.start, span.stop)
    if not _others_as_they_were(before, span):
        return None
    # As ``items_only``: every item an [[items]] table of its own.
    if sum(1 for b in bounds if b[4] and b[1] == "items") != len(board.items):
        return None
    first = sum(1 for b in bounds[: span.start] if b[4] and b[1] == "items")
    changed = _items_changed(before, first, board, span)
    if changed is None:
        return None
    cuts = Cuts([*bounds[: span.start], *Cuts.of(span.new).bounds, *bounds[span.stop :]])
    return board.model_copy(update={"items": changed[0]}), cuts


def _items_changed(
    before: list[Segment], first: int, board: Board, span: Respan
) -> tuple[list[Item], list[Item], list[Item]] | None:
    """The board's items with the segments ``before`` (the old segments ``span`` replaces, whose
    first item is the board's ``first``) replaced by ``span.new``: every item, and the items of the
    stretch before and after. None when a changed item does not parse or validate."""
    n_old = sum(1 for s in before if is_item(s))
    old_items = board.items[first : first + n_old]
    # The segments split again beside the change are mostly as they were: keep their items.
    known = dict(zip((s.text for s in before if is_item(s)), old_items))
    new_items: list[Item] = []
    for seg in span.new:
        if is_item(seg):
            item = known.get(seg.text) or parse_item_text(seg.text, board)
            if item is None:
                return None
            new_items.append(item)
    return [*board.items[:first], *new_items, *board.items[first + n_old :]], old_items, new_items


def reassemble(old_segs: list[Segment], board: Board, segments: list[Segment]) -> Board | None:
    """The board of ``segments`` (the text now), read from ``old_segs`` before as ``board``: every
    record but the items parsed again, each item whose text is unchanged taken as it was
    (``assemble_by_item``). None when the items are not all ``[[items]]`` tables of their own, or
    where a full load could differ."""
    item_texts = [s.text for s in old_segs if is_item(s)]
    if len(item_texts) != len(board.items):
        return None
    return assemble_by_item(segments, dict(zip(item_texts, board.items)), board.board.status_aliases)


@dataclass(frozen=True)
class Reassembled:
    """The board read again from every record but its items, each unchanged item reused."""

    segments: list[Segment]
    board: Board


def read_span(old_segs: list[Segment], board: Board, span: Respan | None) -> ItemsChanged | Reassembled | None:
    """The board of the text ``span`` says changed against ``old_segs`` (read before as ``board``):
    from its changed items alone when only items changed (``items_only``), else from every record
    but the items (``reassemble``). None when neither can be done: the caller parses the text
    whole, which also locates any error."""
    changed = items_only(old_segs, board, only_items(old_segs, span))
    if changed is not None or span is None:
        return changed
    segments = span.applied(old_segs)
    other = reassemble(old_segs, board, segments)
    return Reassembled(segments, other) if other is not None else None
