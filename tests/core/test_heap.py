"""Freed memory goes back to the system after a big turnover (glibc's malloc_trim)."""

from __future__ import annotations

import subprocess
import sys

import pytest

PROBE = """
import sys
from readiness_tui.ui import heap

def rss_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS"):
            return int(line.split()[1]) / 1024

# ~100 MB in dicts of 31 keys (over 512 bytes each: the C allocator's, as a record's fields are),
# freed, with a survivor every so often so that the heap cannot simply shrink from its top.
keys = [f"field_{n}" for n in range(31)]
rows = [dict.fromkeys(keys, n) for n in range(60_000)]
keep = rows[::50]
del rows
before = rss_mb()
assert heap.give_back()
after = rss_mb()
print(before, after)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="malloc_trim is glibc's (Linux)")
def test_give_back_returns_freed_pages_to_the_system() -> None:
    proc = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    before, after = map(float, proc.stdout.split())
    assert before - after > 20, (before, after)


ARENAS = """
import ctypes, sys, threading
from readiness_tui.ui import heap

if sys.argv[1] == "one":
    assert heap.one_arena()

def work():
    # Blocks over 512 bytes come from the C allocator: the thread's first takes it an arena.
    rows = [bytes(2000) for _ in range(2000)]
    del rows

threads = [threading.Thread(target=work) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
ctypes.CDLL(None).malloc_stats()  # one block per arena, on stderr
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="mallopt is glibc's (Linux)")
def test_one_arena_keeps_the_threads_in_one_arena() -> None:
    def arenas(mode: str) -> int:
        proc = subprocess.run([sys.executable, "-c", ARENAS, mode], capture_output=True, text=True, timeout=60)
        assert proc.returncode == 0, proc.stderr
        return proc.stderr.count("Arena ")

    assert arenas("one") == 1
    assert arenas("many") > 1  # what the app's threads did before
