"""Work the app does while nobody is typing: steps run one at a time, in a thread, only once no key
has come for a while.

What it is for: the records' validators (``core.model.warm_steps``, one step per record class),
built on first use (``defer_build``), that the first edit would otherwise wait for. Built right
after the first frame, they held up the keys pressed then; done in pauses, a key waits at most for
the one step under way.

And, in an app that owns its process's collector (``collect=True``): a full collection in a pause,
once young collections have passed objects on to the oldest generation since the last one. What
the screen drew and let go (Textual's strips cache themselves, removed widgets hold their parents)
is cyclic garbage that reaches the oldest generation, which the app's thresholds
(``app.GC_THRESHOLDS``) collect only after millions of allocations: an hour of use grew the process
by several MiB a round, each freed only by the next full collection.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.app import App
    from textual.timer import Timer

#: How long no key must have come before a step starts, and how often that is looked at.
QUIET_S = 0.8
TICK_S = 0.2


class IdleWork:
    """Owned by the app: ``keyed()`` on every key, ``start(steps)`` once the first frame is shown."""

    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self._last_key = time.monotonic()
        self._steps: list[Callable[[], None]] = []
        self._running = False
        self._started = False
        self._timer: Timer | None = None
        self._collect = False
        #: Full collections made in pauses.
        self.collections = 0

    def keyed(self) -> None:
        self._last_key = time.monotonic()

    @property
    def done(self) -> bool:
        """Every step given to ``start`` has run."""
        return self._started and not self._steps and not self._running

    def start(self, steps: list[Callable[[], None]], collect: bool = False) -> None:
        self._steps = list(steps)
        self._collect = collect
        self._started = True
        self._last_key = time.monotonic()
        self._timer = self.app.set_interval(TICK_S, self._tick)

    def _tick(self) -> None:
        if self._running:
            return
        if not self._steps and not self._collect:
            if self._timer is not None:
                self._timer.stop()
            return
        if time.monotonic() - self._last_key < QUIET_S:
            return
        if not self._steps:
            self._collect_garbage()
            return
        step = self._steps.pop(0)
        self._running = True

        def run() -> None:
            try:
                step()
            finally:  # a step that failed is shown by the app's report of failed workers
                self._running = False

        self.app.run_worker(run, thread=True, group="idle-work", exit_on_error=False)

    def _collect_garbage(self) -> None:
        # The third count: young collections since the last full one (none: nothing new got old).
        if gc.get_count()[2] == 0:
            return
        from readiness_tui.ui import heap

        found = gc.collect()
        self.collections += 1
        if found:
            heap.give_back()
