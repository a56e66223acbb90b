"""The Gates pane on a board as users make them, in tmux: opening it, its cursor, and running
every gate.

On an imported 10,000-item board (9,000 gates, every verify command made ``true`` and every
evidence path dropped, so that what is timed is the app and not the commands):
- ``open``: from ``6`` to the pane showing its first gate (a fresh app each time; median);
- ``cursor_move``: ``j`` to the screen (median, p95; ``external.key_latency``);
- ``run_all``: from ``R`` on the trusted board to every gate shown passing, the gates a second and
  the app's CPU meanwhile.

Trust is recorded in a data directory of the bench's own (``XDG_DATA_HOME``), never the user's.

Run: ``python -m readiness_tui.bench --only gates`` or ``python -m readiness_tui.bench.gates_pane``.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from readiness_tui.bench.external import key_latency, load_average, settle, shows, tmux_app, tmux_available
from readiness_tui.bench.outside import imported_board

_VERIFY = re.compile(r'^verify = ".*"$', re.M)
_EVIDENCE = re.compile(r"^evidence = \[.*\]$\n", re.M)


def _board(tmp: Path, n: int) -> tuple[Path, int]:
    """An imported board of ``n`` items in a repo of its own, its gates made to pass at once."""
    made, _ = imported_board(tmp, n)
    repo = tmp / "repo"
    (repo / ".git").mkdir(parents=True)
    text = _EVIDENCE.sub("", _VERIFY.sub('verify = "true"', made.read_text(encoding="utf-8")))
    board = repo / "board.toml"
    board.write_text(text, encoding="utf-8")
    return board, len(_VERIFY.findall(text))


def _summary(screen: str) -> str:
    found = re.search(r"\d+ gates .*?auto-run", re.sub(r"\x1b\[[0-9;]*m", "", screen))
    return found.group(0) if found else ""


def run(n: int = 10_000, samples: int = 30, opens: int = 3) -> dict[str, Any]:
    if not tmux_available():
        return {"skipped": "tmux is not installed"}
    out: dict[str, Any] = {"items": n, "load_at_start": load_average()}
    with tempfile.TemporaryDirectory(prefix="readiness-bench-") as tmp_name:
        tmp = Path(tmp_name)
        board, gates = _board(tmp, n)
        out["gates"] = gates
        env = {**os.environ, "XDG_DATA_HOME": str(tmp / "data"), "XDG_CACHE_HOME": str(tmp / "cache")}
        prefix = " ".join(f"{k}={shlex.quote(env[k])}" for k in ("XDG_DATA_HOME", "XDG_CACHE_HOME"))
        app = f"env {prefix} {sys.executable} -m readiness_tui {shlex.quote(str(board))}"
        first = "M-000001"
        times = []
        for _ in range(opens):
            with tmux_app(app) as pane:
                pane.wait_for(shows(first), timeout=120)
                settle(pane, 1.0)  # the gate session is made in a thread after the first frame
                t = time.perf_counter()
                pane.send("6")
                if pane.wait_for(lambda s: "Last run" in s and f"{gates} gates" in s, timeout=60) is not None:
                    times.append(time.perf_counter() - t)
        out["open"] = {"median_s": round(statistics.median(times), 3), "runs": len(times)} if times else {}
        subprocess.run(
            [sys.executable, "-m", "readiness_tui", "trust", "--yes", str(board)],
            env=env,
            capture_output=True,
            check=True,
        )
        with tmux_app(app) as pane:
            pane.wait_for(shows(first), timeout=120)
            settle(pane, 1.0)
            pane.send("6")
            pane.wait_for(lambda s: "Last run" in s and "not-run" in _summary(s), timeout=60)
            settle(pane, 0.5)
            out["cursor_move"] = key_latency(pane, ["j"] * samples)
            cpu0 = pane.cpu_s()
            t = time.perf_counter()
            pane.send("R")
            done = pane.wait_for(lambda s: f"{gates} pass" in _summary(s), timeout=1800)
            took = time.perf_counter() - t
            out["run_all"] = {
                "s": round(took, 1),
                "finished": done is not None,
                "gates_per_s": round(gates / took, 1) if done is not None else None,
                "app_cpu_s": round(pane.cpu_s() - cpu0, 1),
                "summary": _summary(pane.screen()),
            }
    return out


if __name__ == "__main__":
    json.dump(run(), sys.stdout, indent=2)
    sys.stdout.write("\n")
