"""What one standup leaves in the board's history: when it started, the slides shown in order and
how long each was on screen (the speaker's time). The standup screen feeds it as slides change."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any


class SpeakerLog:
    """Slides visited and seconds per slide, on an injectable clock (seconds, monotonic)."""

    def __init__(self, clock: Callable[[], float], started: dt.datetime) -> None:
        self.clock = clock
        self.started = started
        self.visited: list[str] = []
        self.seconds: dict[str, float] = {}
        self._since = clock()

    def visit(self, key: str) -> None:
        """A slide was shown (the first time counts for the order)."""
        if key not in self.visited:
            self.visited.append(key)

    def account(self, key: str) -> None:
        """The time since the last call goes to ``key``, the slide that was on screen."""
        now = self.clock()
        self.seconds[key] = self.seconds.get(key, 0.0) + (now - self._since)
        self._since = now

    def summary(self, group_by: str) -> dict[str, Any]:
        """The details of the "standup held" record (``core.audit.record_standup``)."""
        return {
            "started": self.started.isoformat(timespec="seconds"),
            "group_by": group_by,
            "slides": list(self.visited),
            "speaker_seconds": {k: round(v, 1) for k, v in self.seconds.items()},
        }
