"""TUI figures: first paint (from outside in tmux, and in run_test), backlog cursor move, filter
keystroke, status edit with save, peak RSS, and the 300 x 300 matrix cursor move.

CPU time (``time.process_time``) is used for per-key costs so that a busy machine does not
inflate them; first paint is wall time, as a user sees it.
"""

from __future__ import annotations

import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from readiness_tui.bench.generate import write_board


def _stats(samples_ms: list[float]) -> dict:
    s = sorted(samples_ms)
    return {
        "median_ms": round(statistics.median(s), 2),
        "p95_ms": round(s[int(0.95 * (len(s) - 1))], 2),
        "n": len(s),
    }


def first_paint_tmux(board: Path, marker: str, timeout: float = 30.0) -> dict:
    """Wall time from launching ``readiness BOARD`` in a 120x40 tmux pane to ``marker`` on screen."""
    if shutil.which("tmux") is None:
        return {"skipped": "tmux is not installed"}
    session = f"rbench{int(time.time() * 1000) % 10**8}"
    cmd = f"{sys.executable} -m readiness_tui {board}"
    from readiness_tui.bench.external import TMUX, tmux_server

    tmux_server()  # the bench's own server: the app runs with this environment
    start = time.perf_counter()
    subprocess.run([*TMUX, "new-session", "-d", "-s", session, "-x", "120", "-y", "40", cmd], check=True)
    try:
        while time.perf_counter() - start < timeout:
            screen = subprocess.run([*TMUX, "capture-pane", "-p", "-t", session], capture_output=True, text=True).stdout
            if marker in screen:
                return {"wall_s": round(time.perf_counter() - start, 3)}
            time.sleep(0.005)
        return {"timeout_s": timeout}
    finally:
        subprocess.run([*TMUX, "kill-session", "-t", session], capture_output=True)


async def _in_app(board: Path, moves: int = 50, keystrokes: int = 10, edits: int = 10) -> dict:
    from readiness_tui.core.board.store import BoardStore
    from readiness_tui.ui.app import ReadinessApp

    t0 = time.perf_counter()
    store = BoardStore.load(board)
    app = ReadinessApp(store)
    out: dict = {}
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        out["first_paint_run_test_s"] = round(time.perf_counter() - t0, 3)
        move_ms, move_wall = [], []
        for n in range(moves):
            c, w = time.process_time(), time.perf_counter()
            await pilot.press("down" if n % 10 != 9 else "up")
            await pilot.pause()
            move_ms.append((time.process_time() - c) * 1000)
            move_wall.append((time.perf_counter() - w) * 1000)
        out["cursor_move_cpu"] = _stats(move_ms)
        # Wall time through Pilot includes its own waits between key and frame: compare with
        # the edit's wall time to see what the edit itself adds.
        out["cursor_move_wall"] = _stats(move_wall)
        await pilot.press("slash")
        await pilot.pause()
        key_ms = []
        for ch in "task"[:keystrokes] + "s" * max(0, keystrokes - 4):
            c = time.process_time()
            await pilot.press(ch)
            await pilot.pause()
            key_ms.append((time.process_time() - c) * 1000)
        out["filter_keystroke_cpu"] = _stats(key_ms)
        await pilot.press("escape")
        await pilot.pause()
        edit_ms, edit_cpu = [], []
        for _ in range(edits):
            c, w = time.process_time(), time.perf_counter()
            await pilot.press("s")
            await pilot.pause()
            edit_cpu.append((time.process_time() - c) * 1000)
            edit_ms.append((time.perf_counter() - w) * 1000)
        # CPU: the work the edit costs (store edit, atomic save with fsync, refresh, repaint);
        # wall: as the test harness sees it, including Pilot's own waits between key and frame.
        out["status_edit_and_save_cpu"] = _stats(edit_cpu)
        out["status_edit_and_save_wall"] = _stats(edit_ms)
    out["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return out


def _in_app_subprocess(board: Path) -> dict:
    # A fresh interpreter per board so that peak RSS is this board's, not the previous one's.
    code = (
        "import asyncio, json, sys\n"
        "from pathlib import Path\n"
        "from readiness_tui.bench.ui import _in_app\n"
        "print(json.dumps(asyncio.run(_in_app(Path(sys.argv[1])))))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code, str(board)], capture_output=True, text=True, timeout=900)
    if proc.returncode != 0:
        return {"error": proc.stderr.strip().splitlines()[-1:] or ["failed"]}
    import json

    return json.loads(proc.stdout.strip().splitlines()[-1])


def run(n: int = 10_000) -> dict:
    from readiness_tui.resources import bundled_boards_dir

    out: dict = {}
    seed = bundled_boards_dir() / "dome-production-readiness-tracker.toml"
    with tempfile.TemporaryDirectory() as tmp:
        seed_copy = Path(tmp) / seed.name
        shutil.copy(seed, seed_copy)
        big = write_board(Path(tmp) / f"synthetic-{n}.toml", n)
        out["seed_board"] = {"first_paint_tmux": first_paint_tmux(seed_copy, "M-12")}
        out[f"synthetic_{n}"] = {"first_paint_tmux": first_paint_tmux(big, "T-000001")}
        out[f"synthetic_{n}"].update(_in_app_subprocess(big))
    from readiness_tui.bench.panes import matrix_cursor_cost

    out["matrix_300_cursor_move_cpu"] = matrix_cursor_cost(300)
    return out


if __name__ == "__main__":
    import json

    print(json.dumps(run(), indent=2))
