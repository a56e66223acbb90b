"""Presenter mode: where the presenter's standup is, shared through a small file beside the board.

No server of our own: the presenting instance writes ``BOARD.standup.json`` (atomically, so a
reader never sees half a file; in the git dir when the board is in a git repository, see
core.board.private_files, so git never lists it) each time its slide, grouping or timer changes; following
instances watch that file with watchfiles and show the same slide and timer.

The timer travels as "elapsed seconds at ``written_at`` (wall clock), paused or not", so a
follower that joins late shows the same remaining time as the presenter.
"""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator
from dataclasses import asdict, dataclass
from pathlib import Path

from readiness_tui.core.board.fsutil import atomic_write
from readiness_tui.core.board.private_files import private_path

SUFFIX = ".standup.json"
#: How soon watchfiles hands a change over (ms): the slide must reach followers within 300 ms.
STEP_MS = 10
DEBOUNCE_MS = 100
RECHECK_MS = 500


@dataclass(frozen=True)
class PresenterState:
    slide: str
    group_by: str = "owner"
    timer_elapsed: float = 0.0
    timer_paused: bool = False
    written_at: float = 0.0
    #: Grows with every write: a follower ignores a state older than the one it shows.
    seq: int = 0
    #: The presenter left the standup: followers leave it too.
    ended: bool = False
    #: Who presents (git's user.name, else the login name): a follower says whom it follows.
    by: str = ""

    def elapsed_now(self, now: float | None = None) -> float:
        """The presenter's timer as it reads now."""
        if self.timer_paused:
            return self.timer_elapsed
        return self.timer_elapsed + max(0.0, (time.time() if now is None else now) - self.written_at)


def state_path(board_path: Path) -> Path:
    """``plan.toml`` -> ``plan.standup.json`` beside it, or in the git dir inside a repository."""
    return private_path(board_path, "presenter", "standup.json", board_path.stem + SUFFIX)


def write_state(path: Path, state: PresenterState) -> None:
    """Write the state atomically (a reader sees the old or the new file, never a mix)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, json.dumps(asdict(state), sort_keys=True).encode("utf-8"))


def read_state(path: Path) -> PresenterState | None:
    """The state in the file; None when there is none or it is not a state file (said nowhere:
    a follower simply keeps showing what it shows until the presenter writes again)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("slide"), str):
        return None
    try:
        return PresenterState(
            slide=data["slide"],
            group_by=str(data.get("group_by", "owner")),
            timer_elapsed=float(data.get("timer_elapsed", 0.0)),
            timer_paused=bool(data.get("timer_paused", False)),
            written_at=float(data.get("written_at", 0.0)),
            seq=int(data.get("seq", 0)),
            ended=bool(data.get("ended", False)),
            by=str(data.get("by", "")),
        )
    except (TypeError, ValueError):
        return None


class Presenter:
    """The presenting side: numbers its writes and stamps them with the wall clock."""

    def __init__(self, board_path: Path, by: str = "") -> None:
        self.path = state_path(board_path)
        self.by = by
        previous = read_state(self.path)
        self.seq = previous.seq if previous is not None else 0

    def publish(
        self, slide: str, group_by: str, timer_elapsed: float, timer_paused: bool, ended: bool = False
    ) -> PresenterState:
        self.seq += 1
        elapsed = round(timer_elapsed, 3)
        state = PresenterState(slide, group_by, elapsed, timer_paused, time.time(), self.seq, ended, self.by)
        write_state(self.path, state)
        return state


async def follow(board_path: Path, stop_event: object | None = None) -> AsyncIterator[PresenterState]:
    """Yield the presenter's state now (if there is one) and each time the file changes.

    ``stop_event``: an ``asyncio.Event`` (or anything watchfiles accepts) that ends the watch."""
    from watchfiles import awatch

    path = state_path(board_path)
    last = read_state(path)
    if last is not None:
        yield last
    target = str(path.resolve())
    path.parent.mkdir(parents=True, exist_ok=True)

    def ours(_change: object, changed: str) -> bool:
        return str(Path(changed).resolve()) == target

    # yield_on_timeout: the file is read again every RECHECK_MS while nothing happens, which also
    # covers a write made between the first read above and the watcher starting.
    async for _ in awatch(
        str(path.parent),
        watch_filter=ours,
        step=STEP_MS,
        debounce=DEBOUNCE_MS,
        stop_event=stop_event,
        rust_timeout=RECHECK_MS,
        yield_on_timeout=True,
    ):
        state = read_state(path)
        if state is not None and (last is None or state.seq != last.seq or state.written_at != last.written_at):
            last = state
            yield state
