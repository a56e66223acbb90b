"""The board file on disk: reading it with user-facing errors, and whether it changed under us."""

from __future__ import annotations

import re
from enum import StrEnum
from pathlib import Path

from readiness_tui.core.board.fsutil import FileStamp, sha256_bytes, sha256_file
from readiness_tui.core.board.segments import Segment, split_segments
from readiness_tui.core.model.problems import BoardError, BoardMissing


class DiskState(StrEnum):
    """The board file compared with what a store last read or wrote."""

    SAME = "same"
    CHANGED = "changed"
    MISSING = "missing"


def read_board_bytes(path: Path) -> bytes:
    """The file's bytes; a missing or unreadable file is a ``BoardError`` naming it, not a traceback."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise BoardMissing(f"{path}: no such board file", path) from None
    except OSError as exc:
        raise BoardError(f"{path}: cannot read: {exc.strerror}", path) from None


def disk_state(path: Path | None, stamp: FileStamp | None, strict: bool = False) -> DiskState:
    """Whether the file is as ``stamp`` saw it, changed by someone else, or gone.

    ``strict`` always compares contents: a writer that replaced the file in the same clock tick
    with the same size (and a recycled inode) looks unchanged to ``stat``. The write path, which
    must never overwrite another writer's edit, asks for it.
    """
    return look(path, stamp, strict)[0]


def look(
    path: Path | None, stamp: FileStamp | None, strict: bool = False
) -> tuple[DiskState, bytes | None, str | None]:
    """``disk_state``, with the bytes it read and their SHA-256 when it had to read them: a reader
    of a changed file then reads it once, not twice."""
    if path is None or stamp is None:
        return DiskState.SAME, None, None
    try:
        st = path.stat()
    except FileNotFoundError:
        return DiskState.MISSING, None, None
    # Same size and time: trust it without hashing (the common case, on every save).
    unchanged = st.st_mtime_ns == stamp.mtime_ns and st.st_size == stamp.size
    if unchanged and not strict:
        return DiskState.SAME, None, None
    if unchanged:
        # What every save asks: hashed in chunks, since the answer is nearly always "the same"
        # and nobody needs the bytes then (no copy of the whole file).
        try:
            if sha256_file(path) == stamp.sha256:
                return DiskState.SAME, None, None
        except FileNotFoundError:
            return DiskState.MISSING, None, None
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return DiskState.MISSING, None, None
    sha = sha256_bytes(data)
    return (DiskState.SAME if sha == stamp.sha256 else DiskState.CHANGED), data, sha


def diff_with_disk(path: Path | None, mine: str | list[str], context: int = 2) -> str:
    """Unified diff from the file as it is on disk now to ``mine`` (the version in memory: its
    text, or the pieces it is held in, each starting a line)."""
    name = path.name if path else "board"
    try:
        # Split at once: the whole text is not held beside its tables while they are compared.
        theirs = _tables(path.read_text(encoding="utf-8")) if path is not None else None
    except OSError:
        theirs = None
    if theirs is None:
        return f"{name} is no longer on disk; the whole board in memory would be written."
    return segment_diff(theirs, mine, f"{name} (on disk)", f"{name} (mine)", context) or "No difference."


def diff_held_with_disk(path: Path | None, held: list[Segment], context: int = 2) -> str:
    """``diff_with_disk`` for mine held as segments (a store's): the file is read a piece at a time
    against them (``file_span``), and only the stretch between the first and the last table that
    differ is split and compared. A conflict over tables near each other (an outside edit beside
    mine) then costs what they cost, not a second copy of the board split into tables; whatever
    ``file_span`` cannot tell is compared as ``diff_with_disk`` does."""
    from readiness_tui.core.board.file_span import file_span

    span = None
    if path is not None and held:
        try:
            span = file_span(path, held).span
        except OSError:
            span = None  # told by diff_with_disk, which reads it again
    if path is None or span is None:
        return diff_with_disk(path, [s.text for s in held], context)
    theirs = [s.text for s in span.new]
    mine = [s.text for s in held[span.start : span.stop]]
    before = sum(s.text.count("\n") for s in held[: span.start])
    name = path.name
    return segment_diff(theirs, mine, f"{name} (on disk)", f"{name} (mine)", context, before) or "No difference."


_HUNK = re.compile(r"@@ -(\d+)(,\d+)? \+(\d+)(,\d+)? @@")


def segment_diff(
    theirs: str | list[str], mine: str | list[str], from_name: str, to_name: str, context: int = 2, first_line: int = 0
) -> str:
    """``difflib.unified_diff`` of two board texts, worked out a table at a time: the tables that
    differ are found first (most are the same), and only their lines are compared, with their
    line numbers in the whole text. Comparing the lines of two 10,000-item boards whole took a
    minute and 50 MB, while the app waited (the dialog of a save refused under unsaved edits).
    Each text is given whole or as the pieces it is held in (each starting a line); ``first_line``:
    the lines before both (the texts are then a stretch of two files that agree up to there)."""
    a, b = _pieces(theirs), _pieces(mine)
    import difflib  # here alone: only a refused save shows a diff

    ops = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    out: list[str] = []
    a_line = b_line = first_line  # lines before the stretch being looked at, in each text
    n = 0
    while n < len(ops):
        tag, i1, i2, j1, j2 = ops[n]
        if tag == "equal":
            a_line, b_line, n = a_line + _lines(a[i1:i2]), b_line + _lines(b[j1:j2]), n + 1
            continue
        # This change and those after it that only a few equal lines part (one hunk of the whole
        # diff), with the equal lines on either side that give the hunk its context.
        end = n
        while end + 2 < len(ops) and _lines(a[ops[end + 1][1] : ops[end + 1][2]]) <= 2 * context:
            end += 2
        i_end, j_end = ops[end][2], ops[end][4]
        before = _last_lines(a[ops[n - 1][1] : i1], context) if n else []
        after = _first_lines(a[i_end : ops[end + 1][2]], context) if end + 1 < len(ops) else []
        old = before + "".join(a[i1:i_end]).splitlines(keepends=True) + after
        new = before + "".join(b[j1:j_end]).splitlines(keepends=True) + after
        a_off, b_off = a_line - len(before), b_line - len(before)
        for line in list(difflib.unified_diff(old, new, from_name, to_name, n=context))[2:]:
            out.append(_moved(line, a_off, b_off) if line.startswith("@@") else line)
        a_line, b_line, n = a_line + _lines(a[i1:i_end]), b_line + _lines(b[j1:j_end]), end + 1
    if not out:
        return ""
    return "".join([f"--- {from_name}\n", f"+++ {to_name}\n", *out])


def _tables(text: str) -> list[str]:
    return [seg.text for seg in split_segments(text)]


def _pieces(text: str | list[str]) -> list[str]:
    """A text as its tables; pieces already cut are taken as they are (a text held whole is one)."""
    if isinstance(text, list) and len(text) > 1:
        return text
    return _tables(text if isinstance(text, str) else "".join(text))


def _lines(parts: list[str]) -> int:
    return sum(p.count("\n") for p in parts)


def _last_lines(parts: list[str], n: int) -> list[str]:
    """The last ``n`` lines of ``parts`` joined (fewer when they hold fewer)."""
    found: list[str] = []
    for part in reversed(parts):
        if len(found) >= n:
            break
        found = part.splitlines(keepends=True)[-(n - len(found)) :] + found
    return found[-n:] if n else []


def _first_lines(parts: list[str], n: int) -> list[str]:
    found: list[str] = []
    for part in parts:
        if len(found) >= n:
            break
        found += part.splitlines(keepends=True)[: n - len(found)]
    return found


def _moved(header: str, a_off: int, b_off: int) -> str:
    """A hunk's ``@@`` line with its line numbers moved down by the lines before its stretch."""
    m = _HUNK.match(header)
    assert m is not None  # difflib's own header
    return f"@@ -{int(m[1]) + a_off}{m[2] or ''} +{int(m[3]) + b_off}{m[4] or ''} @@{header[m.end() :]}"
