"""The parse cache and the answer cache as the entry point uses them: turned on together, their
entries written once the command's output is out, in a forked child."""

from __future__ import annotations

import os

from . import analysis_cache, answer_cache, board_cache


def enable(on: bool = True) -> None:
    board_cache.enable(on)
    answer_cache.enable(on)


def flush(may_import: bool = True) -> None:
    """The entries first, which the next command may be waiting for, then the answers; last the
    boards' analyses, which take longest (~2 s at 100,000 items) and which nobody waits for."""
    board_cache.flush_entries()
    answer_cache.flush()
    analysis_cache.flush(may_import)


def flush_in_background(reap: bool = False) -> None:
    """Write the remembered entries in a forked child, so that the caller can exit at once.

    The child lets go of the terminal and pipes first (a caller reading our output must see it
    end when we exit, not when the cache is written). Without ``fork``, write them here.
    ``reap``: the caller goes on running (the app, after its first paint), so a thread waits for
    the child, which would otherwise stay a zombie for as long as the app runs.
    """
    if not board_cache.pending() and not answer_cache.pending():
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
    if board_cache.pending():
        board_cache.prepare_child()
    if answer_cache.pending():
        answer_cache.version_line()
    board_cache.cache_dir()
    pid = os.fork()
    if pid != 0:
        board_cache.forget_pending()
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
        flush(may_import)
    finally:
        os._exit(0)
