"""Gate watcher figures: change-to-report latency and idle CPU.

``watch_latency`` measures, over ``trials`` runs each, the time from
- an evidence path appearing (a gate's evidence directory created) and disappearing,
- the board file being rewritten from outside (plain write, and an atomic replace as another
  readiness instance or ``git checkout`` does it),
to ``BoardWatcher`` yielding the classified batch that names it; for the board it also times the
batch plus a full ``BoardStore.load`` + ``GateSession.set_board`` (what a naive reload costs).
``screen_latency`` measures the same in the whole app, up to the backlog showing the change.
``watcher_idle_cpu`` measures the watcher's process CPU while nothing changes on a generated repo.
``gates_pane`` times the Gates pane in tmux on an imported 10,000-item board: opening it, its
cursor, and running all 9,000 gates.

Run: ``python -m readiness_tui.bench --only gates`` or ``python -m readiness_tui.bench.gates``.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from readiness_tui.bench import gates_pane
from readiness_tui.bench.generate import generate_board_text, write_board
from readiness_tui.core.board.fsutil import atomic_write
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.board.watch import BoardWatcher, ChangeBatch, WatchFeed
from readiness_tui.core.gates import GateSession


def _stats(samples_s: list[float]) -> dict:
    ms = sorted(x * 1000 for x in samples_s)
    if not ms:
        return {}
    p95 = ms[min(len(ms) - 1, max(0, round(0.95 * len(ms)) - 1))]
    return {
        "median_ms": round(statistics.median(ms), 1),
        "p95_ms": round(p95, 1),
        "max_ms": round(ms[-1], 1),
        "n": len(ms),
    }


def _make_repo(tmp: Path, n_items: int) -> Path:
    (tmp / ".git").mkdir()
    (tmp / "src").mkdir()
    for i in range(50):
        (tmp / "src" / f"m{i}.py").write_text("x = 1\n")
    board = tmp / "board.toml"
    board.write_text(generate_board_text(n_items), encoding="utf-8")
    return board


async def _latency(n_items: int, trials: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="readiness-bench-") as d:
        board_path = _make_repo(Path(d), n_items)
        t = time.perf_counter()
        store = BoardStore.load(board_path)
        load_s = time.perf_counter() - t
        session = GateSession(store.path, store.board)
        assert store.path is not None  # loaded from a file
        watcher = BoardWatcher(store.path, board=store.board, root=session.root)
        gated = [(it.id, it.gate.evidence[0]) for it in store.board.items if it.gate and it.gate.evidence]
        pump = WatchFeed(watcher)
        await pump.start()
        rng = random.Random(1)
        created, deleted, plain, atomic, reload_ = [], [], [], [], []
        text = board_path.read_text(encoding="utf-8")
        for k in range(trials):
            item_id, evidence = rng.choice(gated)
            ev = watcher.root / evidence.rstrip("/")

            def names_it(b: ChangeBatch, i: str = item_id) -> bool:
                return i in b.evidence_items

            t0 = time.perf_counter()
            ev.mkdir(parents=True)
            b = await pump.until(names_it)
            created.append(b.at - t0)
            await asyncio.sleep(0.03)
            pump.drain()
            t0 = time.perf_counter()
            ev.rmdir()
            b = await pump.until(names_it)
            deleted.append(b.at - t0)
            await asyncio.sleep(0.03)
            pump.drain()

            text += f"\n# edit {k}\n"
            t0 = time.perf_counter()
            board_path.write_text(text, encoding="utf-8")
            b = await pump.until(lambda b: b.board_changed)
            plain.append(b.at - t0)
            await asyncio.sleep(0.03)
            pump.drain()

            text += f"\n# atomic edit {k}\n"
            t0 = time.perf_counter()
            atomic_write(board_path, text.encode())
            b = await pump.until(lambda b: b.board_changed)
            atomic.append(b.at - t0)
            fresh = BoardStore.load(board_path)
            session.set_board(fresh.board)
            watcher.set_board(fresh.board, index=session.index)
            reload_.append(time.perf_counter() - t0)
            await asyncio.sleep(0.03)
            pump.drain()
        await pump.stop()
        session.close()
        return {
            "items": n_items,
            "gated_items": len(gated),
            "initial_load_ms": round(load_s * 1000, 1),
            "evidence_created": _stats(created),
            "evidence_deleted": _stats(deleted),
            "board_written": _stats(plain),
            "board_replaced_atomically": _stats(atomic),
            "board_replaced_to_full_reload": _stats(reload_),
        }


def watch_latency(n_items: int = 1000, trials: int = 20) -> dict:
    """Median/p95 from an evidence file appearing, and the board changing outside, to the watcher
    reporting the classified batch."""
    return asyncio.run(_latency(n_items, trials))


def _make_tree(root: Path, files: int) -> None:
    (root / ".git").mkdir()
    per_dir = 100
    for i in range(0, files, per_dir):
        d = root / f"pkg{i // 1000:02d}" / f"mod{i // per_dir:04d}"
        d.mkdir(parents=True, exist_ok=True)
        for j in range(min(per_dir, files - i)):
            (d / f"f{j:03d}.py").write_bytes(b"x = 1\n")


async def _idle(files: int, seconds: float) -> dict:
    with tempfile.TemporaryDirectory(prefix="readiness-bench-") as d:
        root = Path(d)
        _make_tree(root, files)
        board = root / "board.toml"
        board.write_text(generate_board_text(200), encoding="utf-8")
        store = BoardStore.load(board)
        assert store.path is not None  # loaded from a file
        watcher = BoardWatcher(store.path, board=store.board)
        pump = WatchFeed(watcher)
        t = time.perf_counter()
        await pump.start(within=60.0)
        ready_s = time.perf_counter() - t
        await asyncio.sleep(0.5)
        c0, w0 = time.process_time(), time.perf_counter()
        await asyncio.sleep(seconds)
        c1, w1 = time.process_time(), time.perf_counter()
        await pump.stop()
        return {
            "files": files,
            "seconds": seconds,
            "cpu_percent": round(100 * (c1 - c0) / (w1 - w0), 2),
            "watcher_ready_s": round(ready_s, 2),
            "step_ms": watcher.step_ms,
        }


def watcher_idle_cpu(files: int = 20000, seconds: float = 10) -> dict:
    """Process CPU % while the watcher idles on a generated repo of ``files`` files."""
    return asyncio.run(_idle(files, seconds))


#: A gate on evidence only (nothing to trust) put first on the generated board, so that its row is
#: on screen: ``screen_latency`` creates and removes its evidence and renames it from outside.
BENCH_ITEM = """\
[[items]]
id = "BENCH-GATE"
title = "Bench gate 0"
status = "todo"
priority = "P1"
owner = "@bench"
[items.gate]
evidence = ["bench/evidence/"]

"""


async def _screen(n_items: int, trials: int) -> dict:
    from readiness_tui.ui.app import ReadinessApp
    from readiness_tui.ui.widgets.backlog_table import BacklogTable

    with tempfile.TemporaryDirectory(prefix="readiness-bench-") as d:
        root = Path(d)
        (root / ".git").mkdir()
        board = root / "board.toml"
        write_board(board, n_items)
        text = board.read_text(encoding="utf-8")
        k = text.index("[[items]]")
        text = text[:k] + BENCH_ITEM + text[k:]
        board.write_text(text, encoding="utf-8")
        t = time.perf_counter()
        app = ReadinessApp(board)
        app.animation_level = "none"
        out: dict = {"items": n_items, "trials": trials}
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            out["open_s"] = round(time.perf_counter() - t, 2)
            table = app.query_one(BacklogTable)

            def row() -> str:
                for y in range(1, min(6, table.size.height)):
                    line = table.render_line(y).text
                    if "BENCH-GATE" in line:
                        return line
                return ""

            async def until(pred: Callable[[], object], timeout: float = 15.0) -> float:
                end = time.perf_counter() + timeout
                while not pred():
                    if time.perf_counter() > end:
                        raise TimeoutError("the screen did not change")
                    await asyncio.sleep(0.001)
                return time.perf_counter()

            # The watcher is ready once it reports a touch of the board (same bytes: no reload).
            seen: list[object] = []
            app.live.on_batch = seen.append
            for _ in range(400):
                os.utime(board)
                await asyncio.sleep(0.025)
                if seen:
                    break
            app.live.on_batch = None
            await asyncio.sleep(0.2)
            ev = root / "bench" / "evidence"
            created, deleted, changed = [], [], []
            for n in range(trials):
                await until(lambda: "fail" in row())
                t0 = time.perf_counter()
                ev.mkdir(parents=True)
                created.append(await until(lambda: "pass" in row()) - t0)
                await asyncio.sleep(0.05)
                t0 = time.perf_counter()
                ev.rmdir()
                deleted.append(await until(lambda: "fail" in row()) - t0)
                await asyncio.sleep(0.05)
                new = text.replace(f'title = "Bench gate {n}"', f'title = "Bench gate {n + 1}"', 1)
                assert new != text
                text = new
                t0 = time.perf_counter()
                atomic_write(board, text.encode("utf-8"))  # as an editor, git or another instance does

                def renamed(n: int = n) -> bool:
                    return f"Bench gate {n + 1}" in row()

                changed.append(await until(renamed) - t0)
                await asyncio.sleep(0.05)
        out.update(
            {
                "evidence_created_to_screen": _stats(created),
                "evidence_deleted_to_screen": _stats(deleted),
                "board_changed_to_screen": _stats(changed),
            }
        )
        return out


def screen_latency(n_items: int = 1000, trials: int = 20) -> dict:
    """Median/p95 in the running app (App.run_test, 120x40) from a gate's evidence being created
    (and removed) to its status changing in the backlog's Gate column, and from the board file being
    replaced from outside to the new title showing (reloaded in place: only the changed item is
    parsed again). "On screen" is the backlog widget rendering the new line; the terminal frame that
    paints it follows within one refresh."""
    return asyncio.run(_screen(n_items, trials))


def run() -> dict:
    return {
        "watch_latency_1000": watch_latency(1000, 20),
        "watch_latency_10000": watch_latency(10000, 20),
        "screen_latency_1000": screen_latency(1000, 20),
        "screen_latency_10000": screen_latency(10000, 20),
        "watcher_idle_cpu_20000": watcher_idle_cpu(20000, 10),
        "gates_pane_10000": gates_pane.run(10000),
    }


if __name__ == "__main__":
    json.dump(run(), sys.stdout, indent=2)
    sys.stdout.write("\n")
