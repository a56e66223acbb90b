"""The parse cache: a board's validated model kept in the user cache directory.

Loading a board's model from this cache costs a fraction of parsing and validating the board
(its columns: ``cache_layout``). An entry is used only when everything about
it checks out, and is otherwise ignored (and replaced by the next write), never trusted:

- the file is ours: a regular file owned by this user, writable by no one else, in a 0700 directory;
- its first line names this cache format, this readiness, pydantic, pydantic-core and Python, and a digest of
  the model's source (a cache written by another version is never unpickled);
- its key names the board's real path, size, mtime and the sha256 of the exact bytes just read
  (so a board changed within one clock tick to the same size is still caught by its content);
- the payload (the model laid out in columns, ``cache_layout``) rebuilds a ``Board`` whose
  segments rebuild the text exactly.

An entry also keeps the text it was read from, last (a load of that same text never reads it).
When the board changed since (an editor's edit, ``git pull``, a merge), a load compares the text
now with the entry's segments and parses only what changed (``respan``): changed items alone, or,
when other records changed too, every record but the items, each unchanged item taken from the
entry: after an item or a risk changed, `lint` then takes less than parsing the board whole
would. When most of the text is new, the board is parsed whole, as
without an entry.

Beside each entry, a file of its own keeps the board's analysis (``analysis_cache``), under the
entry's key and a digest of the analysis code: the writer works it out once the entry is in place,
and a load of the entry hands it to the board's first analysis. A current entry found without one
(and nobody writing one) gets one at the next ``flush``.

Whether the cache is used is the entry point's policy (like GC): the CLI turns it on with
``enable()``; library callers and tests get plain parsing unless they turn it on. Writing an entry
costs more than reading one (pickling the whole model), so loads and saves only
``remember`` what to write, and the entry point writes it when nobody waits: the CLI after its
output is flushed (in a forked child, so the shell prompt is back at once); the app's last saved
board is written when it quits.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import sys
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from readiness_tui.core.board.fsutil import FileStamp
from readiness_tui.core.board.segments import Cuts, CutText, Segment, split_segments
from readiness_tui.core.cache import analysis_file as analysis_cache
from readiness_tui.core.cache import exit_keep, in_flight
from readiness_tui.core.cache.files import (
    cache_root,
    code_digest,
    library_versions,
    private_dir,
    safe_file,
    skip_sealed,
    unsealed,
    write_sealed,
)

if TYPE_CHECKING:
    from readiness_tui.core.model.board import Board

# The model is imported where a board is read or written, not here: the entry point
# turns this cache on before it knows whether the answer cache will serve the command.

#: Raise when the payload's shape changes.
CACHE_FORMAT = 7
#: What validates a board and makes its records: another version could hold a board differently.
_VALIDATORS = ("pydantic", "pydantic_core")
_MAGIC = b"readiness-board-cache"

_enabled = False
#: Real path -> (stamp, text or the texts of its segments, board copy) waiting to be written by ``flush``.
_pending: dict[str, tuple[FileStamp, str | list[str], Board]] = {}


def enable(on: bool = True) -> None:
    """Use the cache (the entry point decides; off by default)."""
    global _enabled
    _enabled = on
    if not on:
        forget_pending()


def pending() -> bool:
    return bool(_pending) or analysis_cache.pending()


def forget_pending() -> None:
    """The entries were handed to a child that writes them (``caches.flush_in_background``).
    A one-shot command holds them until it exits (``exit_keep``): freeing an entry's segment
    texts, often their only copy, is a pass over every segment."""
    if _pending:
        exit_keep.keep(list(_pending.values()))
    _pending.clear()
    analysis_cache.forget_pending()


def enabled() -> bool:
    return _enabled


def cache_dir() -> Path:
    return cache_root() / "boards"


def _entry(path: Path) -> Path:
    return cache_dir() / (hashlib.sha256(str(path).encode()).hexdigest()[:32] + ".pickle")


def prepare_child() -> None:
    """What a forked writer needs imported and read, done before the fork (see ``caches``)."""
    version_line()


@lru_cache(maxsize=1)
def version_line() -> bytes:
    from readiness_tui import __version__

    py = f"{sys.version_info[0]}.{sys.version_info[1]}"
    fields = [str(CACHE_FORMAT), __version__, library_versions(_VALIDATORS), py, code_digest()]
    return b" ".join([_MAGIC, *(f.encode() for f in fields)])


def _key(path: Path, stamp: FileStamp) -> bytes:
    return json.dumps([str(path), stamp.size, stamp.mtime_ns, stamp.sha256]).encode()


def _header(real: Path, stamp: FileStamp) -> bytes:
    """The first two lines of the entry of the board at ``real`` as ``stamp`` read it."""
    return version_line() + b"\n" + _key(real, stamp) + b"\n"


def is_current(path: Path, with_analysis: bool = False) -> bool:
    """Whether the cache holds an entry for the board at ``path`` as it is on disk now, and
    (``with_analysis``) the analysis beside it (for the benchmark, which waits for the writer
    before timing a warm run)."""
    try:
        data = path.read_bytes()
        stamp = FileStamp.of_bytes(path, data)
        real = path.resolve()
        header = _header(real, stamp)
        entry = _entry(real)
        with open(entry, "rb") as fh:
            if fh.read(len(header)) != header:
                return False
        return not with_analysis or analysis_cache.is_current(entry, header)
    except OSError:
        return False


def lookup(path: Path, stamp: FileStamp, text: str) -> tuple[Board, list[Segment] | Cuts] | None:
    """The cached model of the board ``text`` read from ``path`` and its segments (or where they
    lie, to be cut when first needed), or None.

    An entry for an earlier text of the same board serves too when most of the text is as it was
    (an editor's edit, ``git pull``): what changed is parsed, the rest is taken from the entry
    (``_read_earlier``), and the result is remembered for the next ``flush``."""
    if not _enabled:
        return None
    real = path.resolve()
    entry = _entry(real)
    header = _header(real, stamp)
    found = _read_entry(entry, header, text)
    if found is None:
        # The entry of the text before, and the items changed since, serve sooner than waiting for
        # another process to finish this text's entry (writing an entry takes longer than
        # reading the changed items).
        earlier = _read_earlier(entry, real, text)
        if earlier is not None:
            if not in_flight.writing(entry, header):  # else that writer keeps this text already
                remember(path, stamp, text, earlier[0])
            return earlier
        if in_flight.wait_for_writer(entry, header, _wait_budget(len(text))):
            found = _read_entry(entry, header, text)
    if found is not None:
        if not analysis_cache.read(entry, header, found[0]) and not analysis_cache.being_written(entry):
            analysis_cache.remember(str(real), entry, header, stamp, _copy(found[0]))
    return found


def _read_entry(entry: Path, header: bytes, text: str) -> tuple[Board, Cuts] | None:
    """The board and the cuts of ``entry`` when it is ours and starts with ``header``, else None."""
    if not safe_file(entry):
        return None
    try:
        with open(entry, "rb") as fh:
            if fh.read(len(header)) != header:
                return None
            cuts = Cuts(pickle.loads(unsealed(fh)))
            board = _board(pickle.loads(unsealed(fh)))
            return (board, cuts) if board is not None and cuts.covers(text) else None
    except Exception:  # noqa: BLE001 - any damage to the entry means: parse the board instead
        return None


def _read_earlier(entry: Path, real: Path, text: str) -> tuple[Board, list[Segment] | Cuts] | None:
    """The board ``text`` from the entry of an earlier text of the board at ``real`` (this code's
    entry), when most of the text is as it was; else None. Changed items alone are parsed; when
    other records changed too (a risk or a phase edited by hand, a ``git pull`` that touched the
    ``[board]`` table), every record but the items is parsed again and each unchanged item taken
    from the entry (``respan.read_span``). The model is unpickled only once the text is known to
    be mostly the entry's. When only items changed, the segments are not cut from either text:
    the earlier text is compared in runs of segments (``respan.respan_cut``), and the board's
    segments are where its ``Cuts`` say, cut when first needed."""
    if not safe_file(entry):
        return None
    from readiness_tui.core.board.respan import items_only_cut, read_span, respan_cut

    try:
        with open(entry, "rb") as fh:
            version, key = fh.readline(), fh.readline()
            if version.rstrip(b"\n") != version_line() or json.loads(key)[0] != str(real):
                return None
            bounds = pickle.loads(unsealed(fh))
            model_at = fh.tell()
            skip_sealed(fh)
            old = CutText(Cuts(bounds), pickle.loads(unsealed(fh)))
            # A big board whose text is mostly new (another board at this path, a rewrite) is
            # parsed whole: splitting the stretch and unpickling the entry's model first would
            # only add to that. A small board's stretch is mostly the segments beside the change,
            # and either way costs little.
            span = respan_cut(old, text, len(text) // 2 if len(text) > 2**16 else None)
            if span is None:
                return None
            fh.seek(model_at)
            board = _board(pickle.loads(unsealed(fh)))
        if board is None:
            return None
        found: tuple[Board, list[Segment] | Cuts] | None = items_only_cut(old, board, span)
        if found is None:
            other = read_span(old.segments(), board, span)
            found = (other.board, other.segments) if other is not None else None
    except Exception:  # noqa: BLE001 - any damage to the entry means: parse the board instead
        return None
    if found is None:
        return None
    # The earlier text's analysis serves while the items depend, close and last as before (a
    # title, an owner, a risk or the [board] table edited by hand: the kept answers read the
    # items alone): ``analysis_seed.take`` compares them.
    analysis_cache.read(entry, version + key, found[0], board.items)
    return found


def _board(packed: Any) -> Board | None:
    from readiness_tui.core.cache import layout as cache_layout
    from readiness_tui.core.model.board import Board

    board = cache_layout.unpack(packed)
    return board if isinstance(board, Board) else None


def _wait_budget(chars: int) -> float:
    """How long a load may wait for another process writing this board's entry: about what parsing
    the board would cost instead, which grows with its text. The writer started before this process
    did, and writing costs less than parsing, so the wait is nearly always the shorter; the budget
    bounds a writer that stalls."""
    return 0.25 + 0.1 * chars / 2**20


def remember(path: Path, stamp: FileStamp, text: str | list[str], board: Board) -> None:
    """Keep the model of ``text`` (just parsed or just written; the whole text or its parts in
    order) to write at the next ``flush``.

    The record lists are copied: the store swaps rows in them after this, the rows themselves
    are never mutated.
    """
    if not _enabled:
        return
    real = str(path.resolve())
    _pending[real] = (stamp, text, _copy(board))
    analysis_cache.forget(real)  # the entry's writer keeps the analysis of the board it writes


def _copy(board: Board) -> Board:
    from readiness_tui.core.model.records import RECORD_MODELS

    return board.model_copy(update={k: list(getattr(board, k)) for k in RECORD_MODELS})


def flush(may_import: bool = True) -> None:
    """Write every remembered entry, then work out and keep their analyses (``analysis_cache``)."""
    flush_entries()
    analysis_cache.flush(may_import)


def flush_entries() -> None:
    """Write every remembered entry (atomically; a failure leaves no entry, and is not an error:
    the next load parses the board); each entry's analysis is remembered for ``analysis_cache``."""
    while _pending:
        real, (stamp, text, board) = _pending.popitem()
        try:
            write_entry(Path(real), stamp, text, board)
        except Exception:  # noqa: BLE001, S112 - a cache that cannot be written is only slower
            continue
        analysis_cache.remember(real, _entry(Path(real)), _header(Path(real), stamp), stamp, board)


def write_entry(real: Path, stamp: FileStamp, text: str | list[str], board: Board) -> None:
    private_dir(cache_dir())
    from readiness_tui.core.cache import layout as cache_layout

    entry = _entry(real)
    tmp = in_flight.temp_name(entry)
    header = _header(real, stamp)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "wb") as fh:
            # The header first, and at once: a load of this same board meanwhile waits for this
            # entry instead of parsing the board (``in_flight``).
            fh.write(header)
            fh.flush()
            whole = text if isinstance(text, str) else "".join(text)
            # Each piece sealed with its length and digest (``cache_files.write_sealed``): a load of a
            # later text of this board skips the model to the text, which comes last, and a
            # current load never reads the text.
            write_sealed(fh, pickle.dumps(Cuts.of(split_segments(whole)).bounds, protocol=pickle.HIGHEST_PROTOCOL))
            write_sealed(fh, pickle.dumps(cache_layout.pack(board), protocol=pickle.HIGHEST_PROTOCOL))
            write_sealed(fh, pickle.dumps(whole, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(tmp, entry)
    finally:
        if tmp.exists():
            tmp.unlink()
