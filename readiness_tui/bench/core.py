"""The core section of the bench: whole-process CLI figures and in-process edits, saves and undo
on generated boards."""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from readiness_tui.bench.external import readiness_argv, run_child
from readiness_tui.bench.generate import write_board


def whole_process(args: list[str], runs: int = 3) -> dict:
    """Median wall time and max RSS of ``readiness ARGS`` in a fresh interpreter (each run started
    by ``external.run_child``'s launcher, so that its RSS is its own)."""
    results = [run_child(readiness_argv(*args)) for _ in range(runs)]
    return {
        "median_s": round(statistics.median(r["wall_s"] for r in results), 3),
        "min_s": round(min(r["wall_s"] for r in results), 3),
        "peak_rss_mb": round(max(r["rss_mb"] for r in results), 1),
        "exit": results[-1]["exit"],
        "runs": runs,
    }


def edit_and_save(board: Path, edits: int = 20) -> dict:
    """One status edit plus the atomic save, repeated on a loaded board (ms per edit)."""
    from readiness_tui.core.board.store import BoardStore

    store = BoardStore.load(board)
    ids = [it.id for it in store.board.items]
    step = max(1, len(ids) // edits)
    store.set_status(ids[0], "review")  # first edit pays for splitting the text into segments
    store.save()
    times = []
    statuses = ("in_progress", "review", "done", "todo")
    for n in range(edits):
        item = ids[(n + 1) * step % len(ids)]
        t = time.perf_counter()
        store.set_status(item, statuses[n % len(statuses)])
        store.save()
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return {
        "median_ms": round(statistics.median(times), 2),
        "p95_ms": round(times[int(0.95 * (len(times) - 1))], 2),
        "edits": edits,
    }


def locked_edit(board: Path, edits: int = 20) -> dict:
    """One status edit through the one write path, in process: lock, disk check, history record with
    the board's hashes, atomic write (ms per edit)."""
    from readiness_tui.core.board.store import BoardStore
    from readiness_tui.core.edits.editor import EditController, SaveState

    editor = EditController(BoardStore.load(board), audit_source="cli", actor="bench")
    ids = [it.id for it in editor.store.board.items]
    step = max(1, len(ids) // edits)
    editor.set_status(ids[0], "review")  # the first edit pays for splitting the text into segments
    times = []
    for n in range(edits):
        item = ids[(n + 1) * step % len(ids)]
        t = time.perf_counter()
        result = editor.cycle_status(item)
        times.append((time.perf_counter() - t) * 1000)
        assert result.saved == SaveState.SAVED, editor.last_save_error
    times.sort()
    return {
        "median_ms": round(statistics.median(times), 2),
        "p95_ms": round(times[int(0.95 * (len(times) - 1))], 2),
        "edits": edits,
    }


def undo_memory(board: Path, edits: int = 200) -> dict:
    """What the undo stack holds after ``edits`` status changes (tracemalloc, in process): each step
    shares with the one before it what its edit did not change (``core.shared_rows``)."""
    import gc
    import tracemalloc

    from readiness_tui.core.board.store import BoardStore
    from readiness_tui.core.edits.editor import EditController

    editor = EditController(BoardStore.load(board), autosave=False)
    ids = [it.id for it in editor.store.board.items]
    editor.cycle_status(ids[0])  # the first edit pays for splitting the text into segments
    editor.undo_stack.clear()
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for n in range(edits):
            editor.cycle_status(ids[(n * 37) % len(ids)])
        gc.collect()
        grown = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    return {"edits_kept": len(editor.undo_stack), "undo_mb": round(grown / 1e6, 2), "items": len(ids)}


def core(sizes: list[int], runs: int) -> dict:
    out: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            board = write_board(Path(tmp) / f"synthetic-{n}.toml", n)
            r = max(1, runs if n <= 10_000 else 1)
            out[str(n)] = {
                "lint": whole_process(["lint", "-q", str(board)], r),
                "order": whole_process(["order", str(board)], r),
                "export_json": whole_process(["export", str(board), "-f", "json"], r),
            }
            if n <= 10_000:
                out[str(n)]["edit_save"] = edit_and_save(board)
                out[str(n)]["locked_edit_save_history"] = locked_edit(board)
                out[str(n)]["undo_after_200_edits"] = undo_memory(board)
    return out
