"""Merge driver figures: ``readiness merge-driver board`` on a 10,000-item board, whole process.

Ours and theirs each change the status of 100 items and add 20 items (disjoint: a clean merge);
a second case adds one field changed both ways (a recorded conflict, exit 1). The history driver is
timed on two branches of 1,000 new records each over a common 10,000. Each run gets fresh copies,
because the driver writes its result into the OURS file.

Run: ``python -m readiness_tui.bench --only gitmerge`` or ``python -m readiness_tui.bench.gitmerge``.
"""

from __future__ import annotations

import datetime as dt
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from readiness_tui.bench.generate import write_board
from readiness_tui.core import audit
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.model.records import Change


def _branch(base: Path, out: Path, start: int, status: str, prefix: str, conflict: bool) -> None:
    store = BoardStore.load(base)
    ids = [it.id for it in store.board.items]
    for i in range(start, start + 100 * 37, 37):
        store.set_status(ids[i % len(ids)], status)
    for k in range(20):
        store.add_item({"id": f"{prefix}-{k:03d}", "title": f"added on {prefix}"})
    if conflict:
        store.set_fields(ids[1], {"owner": f"@{prefix.lower()}"})
    store.save(out)


def _history(path: Path, n: int, actor: str) -> None:
    now = dt.datetime(2026, 2, 20, 9, 0, tzinfo=dt.UTC)
    batch = [Change(f"T-{i:06d}", "status", "todo", "done") for i in range(n)]
    audit.append(path, batch, actor=actor, source="cli", now=now)


def _time(kind: str, files: tuple[Path, Path, Path], runs: int) -> dict:
    o, a, b = files
    times = []
    cpu = []
    code = None
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        work = a.with_name("work-" + a.name)
        shutil.copy(a, work)
        t = time.perf_counter()
        res = subprocess.run(
            [sys.executable, "-m", "readiness_tui", "merge-driver", kind, str(o), str(work), str(b), "plan"],
            capture_output=True,
            text=True,
            check=False,
        )
        times.append(time.perf_counter() - t)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        # CPU time of the driver process: what the wall time would be on an idle machine, roughly.
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        code = res.returncode
    return {
        "median_s": round(statistics.median(times), 3),
        "min_s": round(min(times), 3),
        "cpu_median_s": round(statistics.median(cpu), 3),
        "exit": code,
        "runs": runs,
    }


def run(n: int = 10_000, runs: int = 3) -> dict:
    out: dict = {"items": n}
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        base = write_board(d / "base.toml", n)
        for case, conflict in (("board_clean", False), ("board_one_conflict", True)):
            _branch(base, d / "ours.toml", 3, "done", "OURS", conflict)
            _branch(base, d / "theirs.toml", 5, "blocked", "THEIRS", conflict)
            out[case] = _time("board", (base, d / "ours.toml", d / "theirs.toml"), runs)
        hb, ha, ht = (d / f"{s}.history.jsonl" for s in ("base", "ours", "theirs"))
        _history(hb, n, "Ada")
        shutil.copy(hb, ha)
        shutil.copy(hb, ht)
        _history(ha, 1000, "Ada")
        _history(ht, 1000, "Bob")
        out["history_10000_plus_2x1000"] = _time("history", (hb, ha, ht), runs)
    return out


if __name__ == "__main__":
    json.dump(run(), sys.stdout, indent=2)
    sys.stdout.write("\n")
