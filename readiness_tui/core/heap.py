"""Giving memory back to the system after a big turnover (a reload of a 10,000-item board).

CPython hands every block over 512 bytes (each record's field dict) to the C allocator, which keeps
what is freed for reuse rather than returning it: after a few reloads of a 10,000-item board a
process holds ~50 MB more than its objects use (measured: 83 MB loaded, 132 MB after four
reloads). glibc's ``malloc_trim`` returns those pages (to 104 MB, in 3 ms). Elsewhere (macOS, musl,
Windows) there is no such call and ``give_back`` does nothing.
"""

from __future__ import annotations

import ctypes
import functools
import sys
from collections.abc import Callable


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(None)  # the C library this process already runs on
    except OSError:
        return None
    trim = getattr(libc, "malloc_trim", None)  # glibc only
    if trim is None:
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim  # type: ignore[no-any-return]


def give_back() -> bool:
    """Return the allocator's free pages to the system; whether this platform can."""
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True
