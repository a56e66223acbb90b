"""Burndown series from a synthetic history and the current board."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from readiness_tui.core import audit
from readiness_tui.core.analysis import burndown
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.model.records import Change

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "reports"
TZ = dt.timezone(dt.timedelta(hours=-5))

BOARD = """\
[board]
title = "Burn"

[[items]]
id = "A"
status = "done"
estimate_days = 2

[[items]]
id = "B"
status = "in_progress"
estimate_days = 3

[[items]]
id = "C"
status = "todo"
estimate_days = 5

[[items]]
id = "D"
status = "cancelled"
estimate_days = 8

[[milestones]]
id = "MS"
title = "Beta"
due = "2026-02-19"
"""


def test_series_from_synthetic_history(tmp_path: Path) -> None:
    board = tmp_path / "b.toml"
    board.write_text(BOARD)
    # 16th: A todo->in_progress; 17th: C added; 18th: A done, B estimate 1 -> 3; 19th: nothing.
    audit.append(
        board, [Change("A", "status", "todo", "in_progress")], actor="x", now=dt.datetime(2026, 2, 16, 23, tzinfo=TZ)
    )
    audit.append(
        board,
        [Change("C", "*", None, {"id": "C", "estimate_days": 5})],
        actor="x",
        now=dt.datetime(2026, 2, 17, 9, tzinfo=TZ),
    )
    audit.append(
        board,
        [Change("A", "status", "in_progress", "done"), Change("B", "estimate_days", 1, 3)],
        actor="x",
        now=dt.datetime(2026, 2, 18, 9, tzinfo=TZ),
    )
    s = burndown.series(BoardStore.load(board).board, history=board)
    # The first record is late on the 16th in its own zone (04:00 UTC on the 17th): local dates count.
    assert [d.isoformat() for d in s.dates] == ["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"]
    assert s.open_items == [2, 3, 2, 2, 2]
    assert s.open_days == [3.0, 8.0, 8.0, 8.0, 8.0]
    assert s.done_items == [0, 0, 1, 1, 1]
    assert s.total_items == [2, 3, 3, 3, 3]
    assert [(m.id, m.due) for m in s.milestones] == [("MS", dt.date(2026, 2, 19))]
    assert s.rows()[0] == {"date": "2026-02-16", "open_items": 2, "open_days": 3.0, "done_items": 0, "total_items": 2}


def test_series_without_history_is_today_only(tmp_path: Path) -> None:
    board = BoardStore.from_text(BOARD).board
    s = burndown.series(board)
    assert s.dates == [dt.date(2026, 2, 20)] and s.open_items == [2] and s.open_days == [8.0]


def test_series_of_the_launch_fixture(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "launch.toml", tmp_path / "launch.toml")
    shutil.copy(FIXTURES / "launch.history.jsonl", tmp_path / "launch.history.jsonl")
    s = burndown.series(BoardStore.load(tmp_path / "launch.toml").board, history=tmp_path / "launch.toml")
    assert s.dates[0] == dt.date(2026, 2, 9) and s.dates[-1] == dt.date(2026, 2, 20)
    assert s.open_items[0] == 8 and s.open_items[-1] == 6
    assert s.done_items[-1] == 3
    assert s.open_days[-1] == 19.0 and s.open_days[0] == 22.0  # M-05 was 2 days before the 19th


def test_series_is_capped(tmp_path: Path) -> None:
    board = BoardStore.from_text(BOARD.replace('title = "Burn"', 'title = "Burn"\nscope_start = 2020-01-01')).board
    s = burndown.series(board)
    assert len(s.dates) == burndown.MAX_DAYS and s.dates[-1] == dt.date(2026, 2, 20)


def test_the_rewinder_of_two_fields_gives_what_the_whole_items_give(tmp_path: Path) -> None:
    """The burndown rewinds only the fields it reads: day by day, those are what rewinding the
    whole items gives, through a rename, an item added and removed, and field edits."""
    shutil.copy(FIXTURES / "launch.toml", tmp_path / "launch.toml")
    shutil.copy(FIXTURES / "launch.history.jsonl", tmp_path / "launch.history.jsonl")
    path = tmp_path / "launch.toml"
    store = BoardStore.load(path)
    first = store.board.items[0]
    later = dt.datetime(2026, 2, 19, 12, tzinfo=TZ)
    audit.append(path, [Change(first.id, "id", "OLD-1", first.id)], actor="x", now=later)
    audit.append(
        path, [Change("GONE-1", "*", {"id": "GONE-1", "status": "review", "estimate_days": 4}, None)], now=later
    )
    audit.append(path, [Change(first.id, "estimate_days", 7, first.estimate_days)], actor="x", now=later)
    records = audit.read(path)
    fields = ("status", "estimate_days")
    whole, some = audit.Rewinder(store.board, records), audit.Rewinder(store.board, records, fields=fields)
    day = dt.date(2026, 2, 20)
    while day >= dt.date(2026, 2, 8):
        full = {i: {f: it.get(f) for f in ("id", *fields)} for i, it in whole.state_after(day).items()}
        # (an undone edit of another field adds that field: the burndown does not read it)
        assert {i: {f: it.get(f) for f in ("id", *fields)} for i, it in some.state_after(day).items()} == full, day
        day -= dt.timedelta(days=1)
    assert "OLD-1" in full and "GONE-1" in full
