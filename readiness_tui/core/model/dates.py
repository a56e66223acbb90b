"""Targets and due dates: ISO weeks (``2026-W09``) and plain dates, and the frozen "today"."""

from __future__ import annotations

import datetime as dt
import os
import re
from functools import lru_cache

ISO_WEEK_RE = re.compile(r"^(\d{4})-W(\d{2})$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

#: Environment variable that freezes "today" for reports and tests (ISO date).
TODAY_ENV = "READINESS_TODAY"


def normalize_target(value: object) -> str:
    """Return the canonical text of a target: ``YYYY-Www`` or ``YYYY-MM-DD``.

    Raises ``ValueError`` with what was expected when the value is neither.
    """
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str):
        raise ValueError(f"expected an ISO week like 2026-W09 or a date like 2026-02-20, got {value!r}")
    text = value.strip()
    m = ISO_WEEK_RE.match(text.upper())
    if m:
        year, week = int(m.group(1)), int(m.group(2))
        try:
            dt.date.fromisocalendar(year, week, 1)
        except ValueError:
            raise ValueError(f"{text!r} is not a real ISO week") from None
        return f"{year:04d}-W{week:02d}"
    if DATE_RE.match(text):
        try:
            return dt.date.fromisoformat(text).isoformat()
        except ValueError:
            raise ValueError(f"{text!r} is not a real date") from None
    raise ValueError(f"expected an ISO week like 2026-W09 or a date like 2026-02-20, got {text!r}")


@lru_cache(maxsize=4096)  # a board has a few dozen distinct targets and asks each item's
def target_due(target: str | None) -> dt.date | None:
    """The last day a target allows: the Sunday of an ISO week, or the date itself."""
    if not target:
        return None
    m = ISO_WEEK_RE.match(target)
    if m:
        return dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 7)
    return dt.date.fromisoformat(target)


def target_first_day(target: str | None) -> dt.date | None:
    """The first day a target allows: the Monday of an ISO week, or the date itself.

    Targets mix weeks and dates, which do not sort as text; this date does.
    """
    if not target:
        return None
    m = ISO_WEEK_RE.match(target)
    if m:
        return dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
    return dt.date.fromisoformat(target)


def iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def week_bounds(week: str) -> tuple[dt.date, dt.date]:
    """Monday and Sunday of an ISO week string."""
    m = ISO_WEEK_RE.match(week.strip().upper())
    if not m:
        raise ValueError(f"expected an ISO week like 2026-W09, got {week!r}")
    year, num = int(m.group(1)), int(m.group(2))
    return dt.date.fromisocalendar(year, num, 1), dt.date.fromisocalendar(year, num, 7)


def today(override: dt.date | None = None) -> dt.date:
    """Today's date, unless a board or the environment freezes it."""
    if override is not None:
        return override
    env = os.environ.get(TODAY_ENV)
    if env:
        return dt.date.fromisoformat(env)
    return dt.date.today()
