"""Giving memory back to the system after a big turnover (a reload of a 10,000-item board).

CPython hands every block over 512 bytes (each record's field dict) to the C allocator, which keeps
what is freed for reuse rather than returning it: after a few reloads of a 10,000-item board a
process holds much more than its objects use. glibc's ``malloc_trim`` returns those pages.
Elsewhere (macOS, musl,
Windows) there is no such call and ``give_back`` does nothing.

The same allocator gives each thread that allocates its own arena (up to eight per core), and
what one arena frees the others never reuse. The app's workers (lint, gates, reading the file
again) each ran in one, and the app's peak memory over a session of edits and outside changes
was higher than with one arena (Python's own lock already serializes most allocations).
``one_arena`` asks for that, before the app starts its threads.
"""

from __future__ import annotations

import ctypes
import functools
import sys
from collections.abc import Callable


@functools.cache
def _libc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None)  # the C library this process already runs on
    except OSError:
        return None


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    libc = _libc()
    trim = getattr(libc, "malloc_trim", None)  # glibc only
    if trim is None:
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim


def give_back() -> bool:
    """Return the allocator's free pages to the system; whether this platform can."""
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True


#: glibc's ``mallopt`` parameter for the most arenas (malloc.h).
_M_ARENA_MAX = -8


def one_arena() -> bool:
    """Have every thread allocate from one arena from now on; whether this platform can. Call it
    before starting threads: a thread that allocated already keeps its own."""
    mallopt = getattr(_libc(), "mallopt", None)  # glibc only
    if mallopt is None:
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    return bool(mallopt(_M_ARENA_MAX, 1))
