"""Helpers of the app's tests: notifications through public API, waiting for an event."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Notice:
    message: str
    title: str
    severity: str


def record_notices(app) -> list[Notice]:  # type: ignore[no-untyped-def]
    """Every notification the app shows from now on, through its public ``notify`` (still shown)."""
    seen: list[Notice] = []
    real = app.notify

    def notify(message: str, *, title: str = "", severity: str = "information", **kwargs):  # type: ignore[no-untyped-def]
        seen.append(Notice(str(message), title, severity))
        return real(message, title=title, severity=severity, **kwargs)

    app.notify = notify
    return seen


async def wait_for(pilot, pred: Callable[[], object], timeout: float = 5.0, what: str = "condition") -> None:  # type: ignore[no-untyped-def]
    """Wait for an event (a condition becoming true) instead of a fixed pause."""
    for _ in range(int(timeout / 0.02)):
        if pred():
            return
        await pilot.pause(0.02)
    raise AssertionError(f"{what} not reached within {timeout}s")
