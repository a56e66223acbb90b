"""The presenter's state file: atomic, numbered, read back, and followed through watchfiles."""

from __future__ import annotations

import asyncio
from pathlib import Path

from readiness_tui.core.standup.presenter import Presenter, PresenterState, follow, read_state, state_path


def test_state_file_round_trip(tmp_path: Path) -> None:
    board = tmp_path / "plan.toml"
    assert state_path(board) == tmp_path / "plan.standup.json"
    p = Presenter(board)
    first = p.publish("__overview__", "owner", 12.5, False)
    second = p.publish("Ana", "workstream", 3.0, True)
    assert second.seq == first.seq + 1
    assert read_state(state_path(board)) == second
    assert Presenter(board).seq == second.seq  # a new presenter goes on numbering
    assert [f.name for f in tmp_path.iterdir()] == ["plan.standup.json"]  # no temp file left


def test_timer_reads_on(tmp_path: Path) -> None:
    running = PresenterState("x", timer_elapsed=10.0, timer_paused=False, written_at=100.0)
    assert running.elapsed_now(now=104.0) == 14.0
    paused = PresenterState("x", timer_elapsed=10.0, timer_paused=True, written_at=100.0)
    assert paused.elapsed_now(now=104.0) == 10.0


def test_unreadable_state_is_none(tmp_path: Path) -> None:
    path = tmp_path / "plan.standup.json"
    for text in ("", "{", "[]", '{"slide": 3}', '{"slide": "a", "seq": "x"}'):
        path.write_text(text)
        assert read_state(path) is None, text


def test_follow_yields_each_publish(tmp_path: Path) -> None:
    board = tmp_path / "plan.toml"
    presenter = Presenter(board)
    presenter.publish("one", "owner", 0.0, False)

    async def go() -> list[str]:
        seen: list[str] = []
        stop = asyncio.Event()

        async def watch() -> None:
            async for state in follow(board, stop_event=stop):
                seen.append(state.slide)
                if state.slide == "one":  # the current state first, then each change
                    presenter.publish("two", "owner", 0.0, False)
                elif state.slide == "two":
                    stop.set()

        await asyncio.wait_for(watch(), timeout=20)
        return seen

    assert asyncio.run(go()) == ["one", "two"]
