"""The one door to the caches: the entry point turns them on here (``enable``), which installs the
hooks the domain calls (``board.hooks``); their entries are written once the command's output is
out, in a forked child. Nothing else of readiness imports a cache."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from readiness_tui.core.board import hooks
from readiness_tui.core.cache import exit_keep, read_log

if TYPE_CHECKING:
    from readiness_tui.core.audit.chain import Record
    from readiness_tui.core.board.fsutil import FileStamp
    from readiness_tui.core.board.segments import Cuts, Segment
    from readiness_tui.core.model.board import Board


#: Whether the parse cache is on: it is imported (with the board's file and segment code) when a
#: board is first read or written, so that a kept answer is replayed without those imports.
_boards_on = False
#: Whether the answer cache is on: it is imported by the commands that keep answers, so that
#: help, ``--version`` and completion do without it.
_answers_on = False
_BOARD_CACHE = "readiness_tui.core.cache.parse_cache"
_ANALYSIS_CACHE = "readiness_tui.core.cache.analysis_file"
_ANSWER_CACHE = "readiness_tui.core.cache.answers"


def _board_cache() -> None:
    """Import the parse cache, on or off as ``enable`` said."""
    from readiness_tui.core.cache import parse_cache

    if parse_cache.enabled() != _boards_on:
        parse_cache.enable(_boards_on)


def answers_on() -> bool:
    """Whether a read-only command's answer is kept and given again (``answer_cache.prepare``)."""
    return _answers_on


def _loaded(name: str) -> ModuleType | None:
    """A cache module when it was imported already (nothing is pending in one that was not)."""
    return sys.modules.get(name)


#: The forked writer's scheduling priority, below the commands' own.
_WRITER_NICENESS = 10


class CacheHooks(hooks.Hooks):
    """The domain's hooks with the caches behind them."""

    def read(self, path: Path) -> tuple[bytes, str] | None:
        from readiness_tui.core.cache import read_once

        return read_once.take(path)  # read and hashed already for the answer cache's key

    def model(self, path: Path, stamp: FileStamp, text: str) -> tuple[Board, list[Segment] | Cuts] | None:
        from readiness_tui.core.cache import parse_cache

        _board_cache()
        return parse_cache.lookup(path, stamp, text)

    def parsed(self, path: Path, stamp: FileStamp, parts: str | list[str], board: Board) -> None:
        from readiness_tui.core.cache import parse_cache

        _board_cache()
        parse_cache.remember(path, stamp, parts, board)

    def noting(self) -> bool:
        return read_log.active()

    def note(self, kind: str, args: tuple[str, ...], result: str) -> None:
        read_log.note(kind, args, result)

    def keep(self, obj: Any) -> None:
        exit_keep.keep(obj)

    def history(self, path: Path) -> list[Record]:
        # Imported here: a kept answer is replayed without the audit trail's (and the model's) imports.
        from readiness_tui.core.cache import history as history_cache

        return history_cache.read(path)


def enable(on: bool = True, answers: bool = True) -> None:
    """Turn the caches on (the parse cache, and with ``answers`` the answer cache) or off."""
    global _boards_on, _answers_on
    _boards_on, _answers_on = on, on and answers
    if _loaded(_BOARD_CACHE) is not None:
        _board_cache()
    answer_cache = _loaded(_ANSWER_CACHE)
    if answer_cache is not None and not _answers_on:
        answer_cache.forget_pending()
    hooks.install(CacheHooks() if on else None)


def flush(may_import: bool = True) -> None:
    """The entries first, which the next command may be waiting for, then the answers; last the
    boards' analyses, which take longest and which nobody waits for."""
    board_cache, analysis_cache, answer_cache = _loaded(_BOARD_CACHE), _loaded(_ANALYSIS_CACHE), _loaded(_ANSWER_CACHE)
    if board_cache is not None:
        board_cache.flush_entries()
    if answer_cache is not None:
        answer_cache.flush()
    if analysis_cache is not None:
        analysis_cache.flush(may_import)


def flush_in_background(reap: bool = False) -> None:
    """Write the remembered entries in a forked child, so that the caller can exit at once.

    The child lets go of the terminal and pipes first (a caller reading our output must see it
    end when we exit, not when the cache is written). Without ``fork``, write them here.
    ``reap``: the caller goes on running (the app, after its first paint), so a thread waits for
    the child, which would otherwise stay a zombie for as long as the app runs.
    """
    board_cache, answer_cache = _loaded(_BOARD_CACHE), _loaded(_ANSWER_CACHE)
    boards_pending = board_cache is not None and board_cache.pending()
    answers_pending = answer_cache is not None and answer_cache.pending()
    if not boards_pending and not answers_pending:
        return
    if not hasattr(os, "fork"):
        flush()
        return
    import signal
    import threading

    # The child splits text, pickles and writes files, and works out the board's analysis. With
    # other threads running (the app, whose threads may still be winding down) it must not
    # import, nor take a lock another thread could hold: what needs an import is done here, and
    # the analysis is kept only when its modules are loaded already (``analysis_seed.compute``).
    may_import = threading.active_count() == 1
    if board_cache is not None:
        if boards_pending:
            board_cache.prepare_child()
        board_cache.cache_dir()
    if answer_cache is not None and answers_pending:
        answer_cache.version_line()
    pid = os.fork()
    if pid != 0:
        if board_cache is not None:
            board_cache.forget_pending()
        if answer_cache is not None:
            answer_cache.forget_pending()
        if reap:
            threading.Thread(target=os.waitpid, args=(pid, 0), name="board-cache-reaper", daemon=True).start()
        return
    try:
        # Whatever happens in the child (a lock a parent thread held at the fork), it ends.
        signal.alarm(120)
        null = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(null, fd)
        os.setsid()
        # The caller's next command (a script of `set`s, `lint` right after) starts at once and
        # takes the previous entry and the changed items: on a shared core it must not wait
        # behind this writer, which nobody waits for (one that does gives up at a parse's cost).
        os.nice(_WRITER_NICENESS)
        flush(may_import)
    finally:
        os._exit(0)
