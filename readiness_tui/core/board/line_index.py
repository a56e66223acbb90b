"""Where records and keys sit in a board's text, as file line numbers (for messages and jumps)."""

from __future__ import annotations

import bisect
from collections.abc import Mapping

from readiness_tui.core.board.segments import Segment, find_key_line


class LineIndex:
    """Where records and keys sit in a store's text: line starts counted once, looked up by kind."""

    def __init__(self, segments: list[Segment], arrays: Mapping[str, list[int]], tables: Mapping[str, int]) -> None:
        self._segments = segments
        self._arrays = arrays
        self._tables = tables
        self._starts: list[int] = []
        self._rows: dict[int, tuple[str, int]] | None = None  # segment -> (kind, row), made when asked
        line = 1
        for seg in segments:
            self._starts.append(line)
            line += seg.text.count("\n")

    def segment_line(self, seg_i: int) -> int:
        """The file line segment ``seg_i`` starts on."""
        return self._starts[seg_i]

    def _line(self, seg_i: int, key: str | None) -> int:
        seg = self._segments[seg_i]
        base = self._starts[seg_i]
        if key:
            found = find_key_line(seg.text, key, base)
            if found:
                return found
        return base + (seg.header_line - seg.start_line)

    def record(self, kind: str, index: int, key: str | None = None) -> int | None:
        """The line of ``key`` in row ``index`` of ``[[kind]]`` (its header line without the key)."""
        idxs = self._arrays.get(kind)
        if idxs is None or index >= len(idxs):
            return None
        # ``_line`` inlined: lint asks this once per finding (8,500 times on a board of 10,000 items).
        seg_i = idxs[index]
        seg = self._segments[seg_i]
        base = self._starts[seg_i]
        if key and (found := find_key_line(seg.text, key, base)):
            return found
        return base + (seg.header_line - seg.start_line)

    def table(self, kind: str, key: str | None = None) -> int | None:
        """The line of ``key`` in the ``[kind]`` table (its header line without the key)."""
        seg_i = self._tables.get(kind)
        if seg_i is None:
            return None
        return self._line(seg_i, key)

    def row_at(self, line: int) -> tuple[str, int] | None:
        """The ``[[kind]]`` row whose text holds file line ``line``: (kind, its index), or None
        when that line is in a table or the preamble."""
        if self._rows is None:
            self._rows = {seg_i: (kind, k) for kind, idxs in self._arrays.items() for k, seg_i in enumerate(idxs)}
        return self._rows.get(bisect.bisect_right(self._starts, line) - 1)
