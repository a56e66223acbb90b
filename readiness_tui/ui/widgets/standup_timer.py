"""A per-speaker countdown for standups, big enough to read across a room.

The clock is injectable (``clock``: a callable returning seconds, ``time.monotonic`` by default), so
tests can freeze and advance it. When the time is up the timer shows the overrun (``+0:12``) and
gains the ``-overtime`` class (red); in the last ``warn_at`` seconds it has ``-warning`` (yellow).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Digits

DEFAULT_SPEAKER_SECONDS = 120.0


def format_clock(seconds: float) -> str:
    """``2:00`` counting down, ``+0:12`` once over."""
    over = seconds < 0
    s = int(abs(seconds) + (0.999 if not over else 0))  # count down in whole seconds: 1:59.4 shows 2:00
    text = f"{s // 60}:{s % 60:02d}"
    return f"+{text}" if over else text


class SpeakerTimer(Widget):
    DEFAULT_CSS = """
    SpeakerTimer {
        width: auto;
        height: 3;
        padding: 0 1;
        background: $success 30%;
        color: $text;
    }
    SpeakerTimer Digits { width: auto; }
    SpeakerTimer.-warning { background: $warning 60%; }
    SpeakerTimer.-overtime { background: $error; color: $text; }
    SpeakerTimer.-paused { background: $panel; }
    """

    def __init__(
        self,
        limit: float = DEFAULT_SPEAKER_SECONDS,
        clock: Callable[[], float] = time.monotonic,
        warn_at: float = 20.0,
        *,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.limit = float(limit)
        self.clock = clock
        self.warn_at = warn_at
        self._started = clock()
        self._paused_at: float | None = None

    def compose(self) -> ComposeResult:
        yield Digits(format_clock(self.remaining))

    def on_mount(self) -> None:
        self.set_interval(0.5, self.tick)
        self.tick()

    @property
    def elapsed(self) -> float:
        now = self._paused_at if self._paused_at is not None else self.clock()
        return max(0.0, now - self._started)

    @property
    def remaining(self) -> float:
        return self.limit - self.elapsed

    @property
    def overtime(self) -> bool:
        return self.remaining < 0

    @property
    def paused(self) -> bool:
        return self._paused_at is not None

    def restart(self) -> None:
        self._started = self.clock()
        self._paused_at = None
        self.tick()

    def set_elapsed(self, seconds: float, paused: bool) -> None:
        """Show another timer's reading (a presenter's, on a follower's screen)."""
        now = self.clock()
        self._started = now - max(0.0, seconds)
        self._paused_at = now if paused else None
        self.tick()

    def toggle_pause(self) -> None:
        if self._paused_at is None:
            self._paused_at = self.clock()
        else:
            self._started += self.clock() - self._paused_at
            self._paused_at = None
        self.tick()

    def tick(self) -> None:
        """Show the time now (called twice a second; call it after moving a fake clock)."""
        remaining = self.remaining
        self.set_class(remaining < 0, "-overtime")
        self.set_class(0 <= remaining <= self.warn_at, "-warning")
        self.set_class(self.paused, "-paused")
        if self.is_mounted:
            self.query_one(Digits).update(format_clock(remaining))
