"""The history is parsed once per state of its file."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from readiness_tui.core import audit
from readiness_tui.core.board import hooks
from readiness_tui.core.cache import history as history_cache
from readiness_tui.core.cache.loader import CacheHooks


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every path ``audit.read`` parses from now on (it still parses them)."""
    calls: list[Path] = []
    real = audit.read

    def counting(path):  # type: ignore[no-untyped-def]
        calls.append(Path(path))
        return real(path)

    monkeypatch.setattr(audit, "read", counting)
    return calls


def test_read_parses_once_per_file_state(tmp_path: Path, reads: list[Path]) -> None:
    board = tmp_path / "plan.toml"
    hist = audit.history_path(board)
    hist.write_text('{"type": "change", "n": 1}\n', encoding="utf-8")
    first = history_cache.read(board)
    assert history_cache.read(board) == first and history_cache.read(hist) == first
    assert len(reads) == 1
    with hist.open("a", encoding="utf-8") as fh:  # an append changes the stamp
        fh.write('{"type": "change", "n": 2}\n')
    assert len(history_cache.read(board)) == len(first) + 1
    assert len(reads) == 2
    st = hist.stat()
    os.utime(hist, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))  # touched: read again
    history_cache.read(board)
    assert len(reads) == 3


def test_a_missing_history_is_empty(tmp_path: Path) -> None:
    assert history_cache.read(tmp_path / "none.toml") == []


@pytest.fixture
def cache_hooks() -> Iterator[None]:
    """The caches' hooks, as the entry point installs them (the history is read through them)."""
    hooks.install(CacheHooks())
    yield
    hooks.install(None)


@pytest.mark.usefixtures("cache_hooks")
def test_the_weekly_report_parses_an_unchanged_history_once(tmp_path: Path, reads: list[Path]) -> None:
    from readiness_tui.core.board.store import BoardStore
    from readiness_tui.core.model.records import Change
    from readiness_tui.core.outputs.report import weekly_report

    board = tmp_path / "plan.toml"
    board.write_text('[[items]]\nid = "A"\ntitle = "a"\nstatus = "done"\n', encoding="utf-8")
    done = Change(item="A", field="status", old="todo", new="done", kind="items")
    audit.append(board, [done], actor="ana", now=dt.datetime(2026, 2, 18, 10, 0))  # in 2026-W08
    store = BoardStore.load(board)
    first = weekly_report(store.board, board, week="2026-W08")
    again = weekly_report(store.board, board, week="2026-W07")  # [ in the app: the week before
    assert len(reads) == 1
    assert first.completed == ["A"] and again.completed == []  # each week from the same records
