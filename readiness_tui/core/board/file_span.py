"""The stretch of a board file that changed, found by reading the file a piece at a time.

``respan`` compares a changed file's text with the segments a store holds. Read whole, the file is
held twice while it is decoded, as bytes and as text, beside the board the app already holds,
at the peak of every outside change. Here the file is read a megabyte
at a time: each piece is hashed and compared with the held segments' bytes from the start, then
the file is compared from its end, and only the stretch between is read again, decoded and split.
The result is the ``Respan`` that ``respan`` gives for the decoded text (a BOM, which the text
drops, is skipped), with the stamp of the bytes read.

Everything is read through one open file: a file replaced meanwhile (an editor's or git's rename)
is read as it was when opened. One written in place meanwhile changes its size or time between the
``fstat`` before and after; its span is then None and the caller reads it whole.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from operator import attrgetter
from pathlib import Path
from typing import BinaryIO, NamedTuple

from readiness_tui.core.board.fsutil import FileStamp
from readiness_tui.core.board.respan import Respan, split_stretch
from readiness_tui.core.board.segments import Segment

#: How much of the file is read at a time (small: see ``fsutil.CHUNK``).
CHUNK = 1 << 16
#: How many segments are compared at once (joined, one compare in C) before one at a time near the
#: difference: a Python step per segment made a big file's read slower.
BATCH = 64
_text = attrgetter("text")
_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class FileSpan:
    """The file as read: its stamp, and its changed stretch against the segments held."""

    stamp: FileStamp
    #: None: the stretch cannot be told from the pieces (a split that could differ from a full
    #: split, text that is not UTF-8, a file written while it was read): read the file whole.
    span: Respan | None


class _Front(NamedTuple):
    bom: int  # the BOM's length (0: none), which the text drops
    start: int  # how many segments match from the start of the file
    pos: int  # the file offset where they end
    lines: int  # newlines before ``pos``
    size: int  # the file's length, as read


def file_span(path: Path, old: list[Segment]) -> FileSpan:
    """The file at ``path`` against the segments ``old`` (of the text last read from it); raises
    ``OSError`` (``FileNotFoundError``: no such file) as ``open`` and ``read`` do."""
    with open(path, "rb") as fh:
        before = os.fstat(fh.fileno())
        sha = hashlib.sha256()
        front = _front(fh, old, sha.update)
        span = _span(fh, old, front)
        after = os.fstat(fh.fileno())
    stamp = FileStamp(before.st_mtime_ns, front.size, sha.hexdigest())
    if (after.st_mtime_ns, after.st_size) != (before.st_mtime_ns, before.st_size) or front.size != before.st_size:
        span = None
    return FileSpan(stamp, span)


def _front(fh: BinaryIO, old: list[Segment], hash_more: Callable[[bytes], None]) -> _Front:
    """Read the whole file, handing each piece to ``hash_more``, and match ``old`` against it from
    the start."""
    buf = fh.read(max(CHUNK, len(_BOM)))  # the file from offset ``base``; ``off``: the next unmatched byte
    hash_more(buf)
    bom = len(_BOM) if buf.startswith(_BOM) else 0
    base, off, lines, start = 0, bom, 0, 0
    ended = not buf
    batch = BATCH
    while start < len(old):
        k = min(batch, len(old) - start)
        seg = _bytes_of(old, start, start + k)
        while len(buf) - off < len(seg) and not ended:
            more = fh.read(CHUNK)
            ended = not more
            hash_more(more)
            lines += buf.count(b"\n", 0, off)
            buf, base, off = buf[off:] + more, base + off, 0
        if buf.startswith(seg, off):
            off += len(seg)
            start += k
        elif k > 1:
            batch = 1  # the first difference is among these: find it one segment at a time
        else:
            break
    lines += buf.count(b"\n", 0, off)
    size = base + len(buf)
    while more := fh.read(CHUNK):
        hash_more(more)
        size += len(more)
    return _Front(bom, start, base + off, lines, size)


def _span(fh: BinaryIO, old: list[Segment], front: _Front) -> Respan | None:
    """As ``respan`` goes on from its match from the start: match from the end, then split the rest."""
    n = len(old)
    bom, start, pos, lines, size = front
    if size == bom:
        return None  # an empty text, as respan declines it
    if start == n and pos == size:
        return Respan(n, n, [])  # the same text
    if start > 0:
        start -= 1
        pos -= len(old[start].text.encode())
        lines -= old[start].text.count("\n")
    stop, end = n, size
    window, held = b"", 0  # window[:held] is the file's bytes just before ``end``
    batch = BATCH
    while stop > start + 1:
        k = min(batch, stop - start - 1)
        seg = _bytes_of(old, stop - k, stop)
        if end - len(seg) >= pos:
            if held < len(seg):
                at = max(pos, end - held - max(CHUNK, len(seg) - held))
                more = _read_at(fh, at, end - held - at)
                if more is None:
                    return None
                window, held = more + window[:held], held + len(more)
            if window.startswith(seg, held - len(seg)):
                stop, end, held = stop - k, end - len(seg), held - len(seg)
                continue
        if k == 1:
            break
        batch = 1  # the first difference from the end is among these: one segment at a time
    guard = old[stop] if stop < n else None
    if guard is not None:
        end += len(guard.text.encode())
        stop += 1
    if end > size:
        return None
    stretch = _read_at(fh, pos, end - pos)
    if stretch is None:
        return None
    try:
        text = stretch.decode("utf-8")
    except UnicodeDecodeError:
        return None  # read whole, the file gets the located message
    return split_stretch(start, stop, text, lines, guard)


def _bytes_of(old: list[Segment], start: int, stop: int) -> bytes:
    """The text of the segments ``old[start:stop]``, as the file holds it."""
    return "".join(map(_text, old[start:stop])).encode()


def _read_at(fh: BinaryIO, at: int, length: int) -> bytes | None:
    """``length`` bytes of the file from offset ``at``; None when it ends before them."""
    fh.seek(at)
    data = fh.read(length)
    return data if len(data) == length else None
