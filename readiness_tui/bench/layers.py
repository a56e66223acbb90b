"""What each cache layer pays, where a whole-process figure cannot show it apart.

The parse cache, the analysis kept beside its entries and the kept answers show in ``outside``'s
figures (cold, warm_no_analysis, warm, kept). The smaller layers are timed here, in process, as the
work each one saves: freeing a board a one-shot command drops (``exit_keep``), reading and hashing
the board file a second time (``read_once``), parsing the history again (``history``).
"""

from __future__ import annotations

import datetime as dt
import gc
import statistics
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from readiness_tui.bench.generate import write_board


def _median_ms(work: Callable[[], object], runs: int) -> float:
    took = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        took.append(time.perf_counter() - start)
    return round(statistics.median(took) * 1000, 1)


def _free_ms(board: Path, runs: int) -> float:
    """Freeing the store of a loaded board, the collector off as in a one-shot command."""
    from readiness_tui.core.board.store import BoardStore

    took = []
    gc.disable()
    try:
        for _ in range(runs):
            store = BoardStore.load(board)
            start = time.perf_counter()
            del store
            took.append(time.perf_counter() - start)
    finally:
        gc.enable()
    return round(statistics.median(took) * 1000, 1)


def _read_and_hash(board: Path) -> str:
    from readiness_tui.core.board.fsutil import sha256_bytes

    return sha256_bytes(board.read_bytes())


def _history(board: Path, records: int) -> None:
    from readiness_tui.core import audit
    from readiness_tui.core.model.records import Change

    start = dt.datetime(2026, 1, 5, 9, 0)
    changes = [
        Change(item=f"T-{i % 500:04d}", field="status", old="todo", new="done", kind="items") for i in range(records)
    ]
    for at in range(0, records, 500):
        audit.append(board, changes[at : at + 500], actor="bench", now=start + dt.timedelta(minutes=at))


def run(sizes: list[int] | None = None, runs: int = 5, history_records: int = 20_000) -> dict[str, Any]:
    from readiness_tui.core import audit
    from readiness_tui.core.cache import history as history_cache

    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes or [10_000]:
            board = write_board(Path(tmp) / f"b{n}.toml", n)
            out[str(n)] = {
                "exit_keep_saves_ms": _free_ms(board, runs),
                "read_once_saves_ms": _median_ms(partial(_read_and_hash, board), runs),
            }
        board = Path(tmp) / "history.toml"
        board.write_text('[board]\ntitle = "h"\n', encoding="utf-8")
        _history(board, history_records)
        history_cache.read(board)
        out["history"] = {
            "records": history_records,
            "parse_ms": _median_ms(lambda: audit.read(audit.history_path(board)), runs),
            "kept_ms": _median_ms(lambda: history_cache.read(board), runs),
        }
    return out
