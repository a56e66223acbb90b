"""A board file's text as one segment per TOML table, with where each record's table sits.

Segments are replaced, never mutated: a copy of the list is a snapshot, and comparing segment
objects tells whether the text changed without joining 10,000 of them.
"""

from __future__ import annotations

import threading
from itertools import compress
from operator import is_not
from typing import Any

from readiness_tui.core.board.line_index import LineIndex
from readiness_tui.core.board.parse import parse_fragment, segment_index
from readiness_tui.core.board.segments import Bound, Cuts, Segment, split_segments
from readiness_tui.core.board.toml_edit import Mutation, keep_trailing_blank_lines


class BoardText:
    """The text of one board: its segments, the text last read or written, and a lazy index.

    Once split into segments the whole text is not kept beside them: it would hold the board's
    text twice. What was last read or written is then the
    list of segments it was made of, joined when asked.
    """

    def __init__(self, text: str, segments: list[Segment] | Cuts | None, saved: list[Segment] | None = None) -> None:
        # The whole text, until it is split (the segments the parse produced, or split lazily when
        # the board came another way: cut where ``Cuts`` say, else found by ``split_segments``).
        # ``saved``: what is on disk, when it is not ``segments`` (a copy of a store with unsaved
        # edits; ``text`` is then unused).
        self._cuts: Cuts | None = None
        if isinstance(segments, Cuts):
            self._cuts, segments = segments, None
        self._whole: str | None = None if segments is not None else text
        self._segs: list[Segment] | None = segments
        self._saved_segs: list[Segment] | None = None
        if segments is not None:
            self._saved_segs = list(saved if saved is not None else segments)
        self._index: tuple[dict[str, list[int]], dict[str, int]] | None = None
        #: The cuts' shapes of the segments cut from them, until the index is read from them (no
        #: pass over the segments) or a segment is inserted or removed.
        self._shapes: list[Bound] | None = None
        self._split_lock = threading.Lock()

    # ------------------------------------------------------------------ reading
    @property
    def segments(self) -> list[Segment]:
        """The segments, in file order (edit them only through this class)."""
        if self._segs is None:
            # The app's lint thread and its UI thread may both ask first (a board read from the
            # parse cache is cut when first needed): one cuts, the other takes that same list, so
            # no edit is made to a list another thread then replaces.
            with self._split_lock:
                if self._segs is None:
                    assert self._whole is not None
                    segs = self._cuts.segments(self._whole) if self._cuts else split_segments(self._whole)
                    self._saved_segs = list(segs)
                    self._segs = segs
                    self._whole = None
                    if self._cuts is not None and self._index is None:
                        self._shapes = self._cuts.bounds
                    self._cuts = None
        return self._segs

    @property
    def saved_text(self) -> str:
        """The text as it was last read or written."""
        if self._whole is not None:
            return self._whole
        assert self._saved_segs is not None
        return "".join(s.text for s in self._saved_segs)

    def saved_parts(self) -> str | list[str]:
        """What was last read or written: the whole text while it is not split, else its segments'
        texts (the strings the segments hold, not a second copy of the board's text)."""
        if self._whole is not None:
            return self._whole
        assert self._saved_segs is not None
        return [s.text for s in self._saved_segs]

    def parts(self) -> list[str]:
        """The text as the pieces held: the whole text until it is split, else each segment's."""
        if self._segs is None:
            assert self._whole is not None
            return [self._whole]
        return [s.text for s in self._segs]

    def text(self) -> str:
        if self._segs is None:
            assert self._whole is not None
            return self._whole
        return "".join(s.text for s in self._segs)

    @property
    def dirty(self) -> bool:
        """Whether the text differs from what was last read or written."""
        segs = self._segs
        if segs is None:
            return False
        saved = self._saved_segs
        # Segments are replaced, never mutated: the same objects mean the same text, and only the
        # ones replaced need comparing (no join of 10,000 segments on every keystroke or save).
        # The replaced ones are found by ``compress`` over ``is_not``, a loop in C: the app asks
        # this several times per outside change, where a Python loop costs more.
        if saved is not None and len(segs) == len(saved):
            replaced = compress(range(len(segs)), map(is_not, segs, saved))
            return any(segs[n].text != saved[n].text for n in replaced)
        return self.text() != self.saved_text

    def mark_saved(self, text: str | list[str]) -> None:
        """Take ``text`` (this object's text, just written, whole or as ``parts``) as what is on disk."""
        if self._segs is None:
            whole = text if isinstance(text, str) else "".join(text)
            if whole != self._whole:
                self._cuts = None  # they were the old text's
            self._whole = whole
        else:
            self._saved_segs = list(self._segs)
            self._whole = None

    def mark_saved_as(self, segments: list[Segment]) -> None:
        """Take ``segments`` (an earlier snapshot of this object, just written) as what is on disk."""
        self.segments  # split first, if never split  # noqa: B018
        self._saved_segs = list(segments)
        self._whole = None

    def saved_segments(self) -> list[Segment]:
        """The segments of what was last read or written (a copy of the list)."""
        self.segments  # split first, if never split  # noqa: B018
        assert self._saved_segs is not None
        return list(self._saved_segs)

    # ------------------------------------------------------------------ indexes
    @property
    def arrays(self) -> dict[str, list[int]]:
        """Segment positions of the ``[[kind]]`` rows of each record kind."""
        return self._indexes()[0]

    @property
    def tables(self) -> dict[str, int]:
        """Segment position of the first ``[kind]`` table of each kind."""
        return self._indexes()[1]

    def _indexes(self) -> tuple[dict[str, list[int]], dict[str, int]]:
        if self._index is None:
            # Known from the cuts alone, while the segments are not cut (``editable_reason`` asks)
            # or are as they were cut.
            shapes = self._cuts.bounds if self._cuts is not None else self._shapes
            self._index = segment_index(shapes if shapes is not None else Cuts.of(self.segments).bounds)
            # The shapes served their one purpose: a tuple per segment, held for nothing after it.
            self._shapes = None
        return self._index

    def invalidate(self) -> None:
        """Forget the index (segments were inserted or removed)."""
        self._index = None
        self._shapes = None

    def line_index(self) -> LineIndex:
        """File lines of records and keys for the text as it is now."""
        arrays, tables = self._indexes()
        return LineIndex(self.segments, arrays, tables)

    # ------------------------------------------------------------------ snapshots
    def restore(self, segments: list[Segment]) -> None:
        self.segments  # split first, so that what was saved is known as segments  # noqa: B018
        self._segs = list(segments)
        self._index = None
        self._shapes = None

    # ------------------------------------------------------------------ edits
    def edit_segment(self, seg_index: int, kind: str, mutate: Mutation, name: str) -> dict[str, Any]:
        """Parse one segment with tomlkit, let ``mutate`` change its table, keep the new text.

        Returns the table's values as rtoml reads the new text (an edit that broke it is refused).
        """
        import tomlkit

        seg = self.segments[seg_index]
        doc = tomlkit.parse(seg.text)
        table = doc[kind][0] if seg.is_array else doc[kind]
        mutate(table)
        new_text = keep_trailing_blank_lines(seg.text, tomlkit.dumps(doc))
        parsed = parse_fragment(new_text, name)
        self.segments[seg_index] = Segment(seg.kind, new_text, seg.start_line, seg.header_line, seg.is_array)
        result: dict[str, Any] = parsed[kind][0] if seg.is_array else parsed[kind]
        return result

    def put(self, seg_index: int, seg: Segment) -> None:
        """Replace one segment (same kind, same place: the index stays valid)."""
        self.segments[seg_index] = seg

    def delete(self, seg_index: int) -> None:
        del self.segments[seg_index]
        self._index = None
        self._shapes = None

    def insert(self, seg_index: int, seg: Segment) -> None:
        self.segments.insert(seg_index, seg)
        self._index = None
        self._shapes = None

    def first_table_index(self) -> int:
        """Where a new table goes before all others: after the root keys, if any."""
        return 1 if self.segments and self.segments[0].kind == "" else 0

    def append(self, seg: Segment) -> None:
        """Add a segment at the end, with a blank line before it."""
        segments = self.segments
        if segments and not segments[-1].text.endswith("\n\n"):
            last = segments[-1]
            sep = "\n" if last.text.endswith("\n") else "\n\n"
            segments[-1] = Segment(last.kind, last.text + sep, last.start_line, last.header_line, last.is_array)
        segments.append(seg)
        self._index = None
        self._shapes = None

    def insert_record(self, kind: str, k: int, text: str) -> None:
        """Put a new ``[[kind]]`` table as row ``k`` of its kind, blank lines kept between rows."""
        idxs = self.arrays[kind]
        segments = self.segments
        seg = Segment(kind, text, 1, 1, True)
        if not idxs:
            self.append(seg)
            return
        pos = idxs[-1] + 1 if k >= len(idxs) else idxs[k]
        if k > 0:
            # A record's table runs to the next header, so the comments that open the next section
            # (a "# ---- 4. Execution Phases" banner, the risks' introduction) end the previous
            # record's text: the new record goes before them, and they stay above what they open.
            prev = segments[pos - 1]
            body, opening = split_opening_comments(prev.text)
            if not body.endswith("\n\n"):
                body += "\n" if body.endswith("\n") else "\n\n"
            segments[pos - 1] = Segment(prev.kind, body, prev.start_line, prev.header_line, prev.is_array)
            if opening:
                seg = Segment(kind, text.rstrip("\n") + "\n\n" + opening, 1, 1, True)
            elif not text.endswith("\n\n") and pos < len(segments):
                seg = Segment(kind, text + "\n", 1, 1, True)
        elif not text.endswith("\n\n"):
            seg = Segment(kind, text + "\n", 1, 1, True)
        segments.insert(pos, seg)
        self._index = None
        self._shapes = None


def split_opening_comments(text: str) -> tuple[str, str]:
    """``text`` (one record's table) as its own lines and the comment lines that end it, which
    open what follows ("" when none). Kept whole when the split would change what the table
    says (a comment-like line that ends a multi-line string)."""
    lines = text.splitlines(keepends=True)
    cut = len(lines)
    while cut > 0 and (not lines[cut - 1].strip() or lines[cut - 1].lstrip().startswith("#")):
        cut -= 1
    while cut < len(lines) and not lines[cut].strip():  # blank lines stay with the record
        cut += 1
    tail = "".join(lines[cut:])
    if not tail:
        return text, ""
    head = "".join(lines[:cut])
    import tomllib  # here alone: an edit that moves a record's closing comments

    try:
        if tomllib.loads(head) != tomllib.loads(text):
            return text, ""
    except tomllib.TOMLDecodeError:
        return text, ""
    return head, tail
