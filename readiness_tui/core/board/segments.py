"""Split a board file's text into segments, one per top-level table, without parsing values.

A segment runs from a top-level header (``[board]``, ``[[items]]``, ``[matrix]`` ...) to the next
one, and takes along its sub-tables (``[items.gate]`` stays with the ``[[items]]`` above it) and the
comment block directly above its header. Joining the segments gives the text back byte for byte,
which is what lets the store rewrite one item's lines and leave everything else alone.

The scanner only tracks enough lexical state to know whether a line starts inside a multi-line
string; it is linear and touches most lines with a single substring test.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

_HEADER_RE = re.compile(
    r"""^[ \t]*(\[\[?)[ \t]*((?:[A-Za-z0-9_-]+|"[^"\n]*"|'[^'\n]*')(?:[ \t]*\.[ \t]*(?:[A-Za-z0-9_-]+|"[^"\n]*"|'[^'\n]*'))*)[ \t]*\]\]?[ \t]*(?:#.*)?$"""
)
_ML = ('"""', "'''")
# A line whose first non-blank character is "[", found from the newline before it: a pattern
# that starts with a literal lets the regex engine skip to each newline, where ``^`` with re.M
# tries every position (much slower).
_LINE_BRACKET_RE = re.compile(r"\n[ \t]*\[")
_FIRST_LINE_BRACKET_RE = re.compile(r"[ \t]*\[")


def header_candidates(text: str) -> list[int]:
    """Offsets of the lines whose first non-blank character is "[" (where a header may be)."""
    found = [m.start() + 1 for m in _LINE_BRACKET_RE.finditer(text)]
    if _FIRST_LINE_BRACKET_RE.match(text):
        found.insert(0, 0)
    return found


@dataclass(slots=True)
class Segment:
    """A slice of the file's text. ``kind`` is the first key of its header ("" for the preamble).
    Slotted: a board holds one per record (10,000 and more)."""

    kind: str
    text: str
    start_line: int  # 1-based line of the segment's first line in the file as loaded
    header_line: int  # 1-based line of its header (== start_line when no comment block above)
    is_array: bool  # ``[[kind]]`` rather than ``[kind]``


#: A segment without its text: its length, kind, start and header lines, and whether it is a row.
Bound = tuple[int, str, int, int, bool]


@dataclass(frozen=True)
class Cuts:
    """Where a text's segments lie (as ``split_segments`` found them once, kept in the parse cache):
    the segments are cut from the text when first needed. A command that never edits the board
    or asks for a line (``order``, ``export``) makes none (an object per segment saved)."""

    bounds: list[Bound]

    @classmethod
    def of(cls, segments: list[Segment]) -> Cuts:
        return cls([(len(s.text), s.kind, s.start_line, s.header_line, s.is_array) for s in segments])

    def covers(self, text: str) -> bool:
        return sum(b[0] for b in self.bounds) == len(text)

    def segments(self, text: str) -> list[Segment]:
        """The segments of ``text``; raises ValueError when these cuts are not its own."""
        out = []
        at = 0
        for length, kind, start_line, header_line, is_array in self.bounds:
            out.append(Segment(kind, text[at : at + length], start_line, header_line, is_array))
            at += length
        if at != len(text):
            raise ValueError("the cuts do not cover the text")
        return out


class CutText:
    """A text and its ``Cuts``, each segment cut only when asked for: a board read from an
    earlier parse-cache entry is compared with the text now in runs of segments, without an
    object per segment."""

    def __init__(self, cuts: Cuts, text: str) -> None:
        offsets = [0, *accumulate(b[0] for b in cuts.bounds)]
        if offsets[-1] != len(text):
            raise ValueError("the cuts do not cover the text")
        self.cuts = cuts
        self.text = text
        #: Where each segment starts, and (last) where the text ends.
        self.offsets = offsets

    def __len__(self) -> int:
        return len(self.cuts.bounds)

    def run(self, start: int, stop: int) -> str:
        """The text of the segments ``start:stop``, as one string."""
        return self.text[self.offsets[start] : self.offsets[stop]]

    def segment(self, n: int) -> Segment:
        _, kind, start_line, header_line, is_array = self.cuts.bounds[n]
        return Segment(kind, self.run(n, n + 1), start_line, header_line, is_array)

    def segments(self, start: int = 0, stop: int | None = None) -> list[Segment]:
        return [self.segment(n) for n in range(start, len(self) if stop is None else stop)]


_KEY_PART_RE = re.compile(r"""[A-Za-z0-9_-]+|"[^"\n]*"|'[^'\n]*'""")


def _unquote(key: str) -> str:
    return key[1:-1] if key[:1] in "\"'" else key


def _ml_state_after(line: str, state: str | None) -> str | None:
    """The multi-line-string delimiter still open after ``line``, given the one open before it."""
    i = 0
    n = len(line)
    while i < n:
        if state is not None:
            j = line.find(state, i)
            if j < 0:
                return state
            if state == '"""':
                # An escaped quote does not close; count the backslashes before it.
                k = j - 1
                backslashes = 0
                while k >= i and line[k] == "\\":
                    backslashes += 1
                    k -= 1
                if backslashes % 2:
                    i = j + 1
                    continue
            # Up to two extra quotes may belong to the string (""""" ends with two quotes in it).
            end = j + 3
            while end < n and line[end] == state[0] and end - j < 5:
                end += 1
            i = end
            state = None
            continue
        c = line[i]
        if c == "#":
            return None
        if line.startswith('"""', i) or line.startswith("'''", i):
            state = line[i : i + 3]
            i += 3
            continue
        if c == '"':
            i += 1
            while i < n and line[i] != '"':
                i += 2 if line[i] == "\\" else 1
            i += 1
            continue
        if c == "'":
            j = line.find("'", i + 1)
            i = n if j < 0 else j + 1
            continue
        i += 1
    return state


@lru_cache(maxsize=1024)
def _parse_header(line: str) -> tuple[str, bool, bool] | None:
    """(kind, is_array, is_subtable) of a header line (its ``\r`` too), or None when the line is
    not a header."""
    m = _HEADER_RE.match(line.rstrip("\r"))
    if not m:
        return None
    parts = _KEY_PART_RE.findall(m.group(2))
    kind = _unquote(parts[0]) if parts else m.group(2)
    return kind, m.group(1) == "[[", len(parts) > 1


#: A line whose first non-blank character is "[", from the newline before it, the line taken along.
_BRACKET_LINE_RE = re.compile(r"\n([ \t]*\[[^\n]*)")


def _bracket_lines(text: str) -> list[tuple[int, str]]:
    """(offset, line) of every line that may be a header (``header_candidates``), outside
    multi-line strings."""
    if '"""' in text or "'''" in text:
        out = []
        for pos in _outside_ml_strings(text, header_candidates(text)):
            end = text.find("\n", pos)
            out.append((pos, text[pos : end if end >= 0 else len(text)]))
        return out
    # One pass finds each line and takes its text (a board has one or two per record).
    out = [(m.start(1), m[1]) for m in _BRACKET_LINE_RE.finditer(text)]
    if _FIRST_LINE_BRACKET_RE.match(text):
        end = text.find("\n")
        out.insert(0, (0, text[: end if end >= 0 else len(text)]))
    return out


def split_segments(text: str) -> list[Segment]:
    """Split ``text`` into segments; ``"".join(s.text for s in result) == text`` always holds."""
    # Decide where segments start: at each top-level header, or a sub-table of another kind.
    starts: list[tuple[int, int, str, bool]] = []  # (start offset, header offset, kind, is_array)
    current_kind: str | None = None
    floor = 0  # a comment block above a header reaches no further back than the last header
    for pos, head in _bracket_lines(text):
        parsed = _parse_header(head)
        if parsed is None:
            continue
        kind, is_array, is_sub = parsed
        if is_sub and kind == current_kind:
            continue
        start = pos
        # Pull the comment block right above the header into this segment (a blank line above,
        # as between most records, ends it at once).
        while start > floor and text[start - 2 : start] != "\n\n":
            prev = text.rfind("\n", 0, start - 1) + 1
            if prev < floor or not text[prev:start].lstrip().startswith("#"):
                break
            start = prev
        starts.append((start, pos, kind, is_array and not is_sub))
        floor = pos + 1
        current_kind = kind

    segments: list[Segment] = []
    first = starts[0][0] if starts else len(text)
    if first > 0 or not starts:
        segments.append(Segment("", text[:first], 1, 1, False))
    line = 1 + text.count("\n", 0, first)
    ends = [s[0] for s in starts[1:]] + [len(text)] if starts else []
    for (start, hpos, kind, is_array), end in zip(starts, ends, strict=True):
        seg_text = text[start:end]
        header_line = line + text.count("\n", start, hpos) if hpos > start else line
        segments.append(Segment(kind, seg_text, line, header_line, is_array))
        line += seg_text.count("\n")
    return segments


def _outside_ml_strings(text: str, candidates: list[int]) -> list[int]:
    """Drop header candidates that sit inside a multi-line string."""
    keep: list[int] = []
    cand = set(candidates)
    state: str | None = None
    pos = 0
    n = len(text)
    while pos < n:
        end = text.find("\n", pos)
        end = n if end < 0 else end + 1
        if state is None and pos in cand:
            keep.append(pos)
        line = text[pos:end]
        if (state is None and ('"""' in line or "'''" in line)) or (state is not None and state in line):
            state = _ml_state_after(line, state)
        pos = end
    return keep


@lru_cache(maxsize=256)
def _key_pattern(key: str) -> re.Pattern[str]:
    return re.compile(r"^[ \t]*(?:\"%s\"|'%s'|%s)[ \t]*=" % ((re.escape(key),) * 3), re.M)


def find_key_line(segment_text: str, key: str, base_line: int) -> int | None:
    """The file line on which ``key = ...`` appears in a segment (first occurrence), if any."""
    # Every line the pattern matches holds ``key``: look only at the lines where ``str.find`` sees
    # it, in order (a regex search tries the pattern at every position: slower, and lint asks
    # this once per finding).
    pattern = _key_pattern(key)
    at = segment_text.find(key)
    while at >= 0:
        start = segment_text.rfind("\n", 0, at) + 1
        if pattern.match(segment_text, start):
            return base_line + segment_text.count("\n", 0, start)
        end = segment_text.find("\n", at)
        if end < 0:
            return None
        at = segment_text.find(key, end + 1)
    return None
