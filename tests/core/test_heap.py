"""Freed memory goes back to the system after a big turnover (glibc's malloc_trim)."""

from __future__ import annotations

import subprocess
import sys

import pytest

PROBE = """
import sys
from readiness_tui.core import heap

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
