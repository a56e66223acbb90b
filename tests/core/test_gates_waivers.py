"""Waivers: a failing gate is waived until (not including) its expiry date; fail closed otherwise."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.gates import GateSession, waivers_by_item

BOARD = """\
[board]
title = "w"

[[items]]
id = "A"
status = "in_progress"
[items.gate]
evidence = ["missing.txt"]

[[items]]
id = "B"
status = "todo"
[items.gate]
evidence = ["missing.txt"]
{waiver}
"""


def session_for(tmp_path: Path, waiver: str, today: str, monkeypatch: pytest.MonkeyPatch) -> GateSession:
    monkeypatch.setenv("READINESS_TODAY", today)
    (tmp_path / ".git").mkdir(exist_ok=True)
    path = tmp_path / "board.toml"
    path.write_text(BOARD.format(waiver=waiver))
    store = BoardStore.load(path)
    return GateSession(store.path, store.board)


WAIVER = '\n[[waivers]]\nitem = "A"\nreason = "vendor fix pending"\napproved_by = "cto"\nexpires = 2026-03-01\n'


@pytest.mark.parametrize(
    "today, status, state",
    [
        ("2026-02-20", "waived", "active"),  # well before
        ("2026-02-28", "waived", "active"),  # the last day it covers
        ("2026-03-01", "fail", "expired"),  # on the expiry date it fails again
        ("2026-03-09", "fail", "expired"),  # after
    ],
)
def test_waiver_before_on_and_after_expiry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, today: str, status: str, state: str
) -> None:
    s = session_for(tmp_path, WAIVER, today, monkeypatch)
    views = s.views()
    assert views["A"].status == status
    assert views["A"].waiver is not None and views["A"].waiver.state == state
    assert views["B"].status == "fail" and views["B"].waiver is None


def test_waiver_expiring_within_a_week_is_flagged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    s = session_for(tmp_path, WAIVER, "2026-02-22", monkeypatch)
    assert s.views()["A"].waiver.expiring_soon  # type: ignore[union-attr]
    s = session_for(tmp_path, WAIVER, "2026-02-20", monkeypatch)
    w = s.views()["A"].waiver
    assert w is not None and w.days_left == 9 and not w.expiring_soon


def test_waiver_without_expiry_waives_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    s = session_for(tmp_path, '\n[[waivers]]\nitem = "A"\nreason = "forever"\n', "2026-02-20", monkeypatch)
    v = s.views()["A"]
    assert v.status == "fail" and v.waiver is not None and v.waiver.state == "malformed"


def test_active_waiver_wins_over_an_expired_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    two = WAIVER.replace("2026-03-01", "2026-01-01") + WAIVER.replace("2026-03-01", "2026-04-01")
    s = session_for(tmp_path, two, "2026-02-20", monkeypatch)
    v = s.views()["A"]
    assert v.status == "waived" and v.waiver.expires == dt.date(2026, 4, 1)  # type: ignore[union-attr]


def test_waiver_does_not_hide_a_passing_gate_or_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    s = session_for(tmp_path, WAIVER, "2026-02-20", monkeypatch)
    (tmp_path / "missing.txt").write_text("now here")
    s.refresh_evidence()
    assert s.views()["A"].status == "pass"


def test_board_today_freezes_the_date(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    s = session_for(tmp_path, WAIVER, "2026-02-20", monkeypatch)
    assert waivers_by_item(s.board, dt.date(2026, 3, 2))["A"].state == "expired"
