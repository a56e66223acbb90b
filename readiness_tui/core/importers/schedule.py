"""Week-by-week schedules: "Complete Stream 1" under "Week 7 (Feb 16-22)" makes Feb 22 the target of S1."""

from __future__ import annotations

import datetime as dt
import re

from readiness_tui.core.importers.blocks import ListBlock, Section, plain
from readiness_tui.core.importers.builder import Builder
from readiness_tui.core.importers.dates_effort import MONTHS
from readiness_tui.core.importers.patterns import Ctx

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"


_RANGE_END = re.compile(
    rf"(?P<m1>{_MONTH})\s*(?P<d1>\d{{1,2}})\s*(?:-|–|—|to|\.\.)\s*(?:(?P<m2>{_MONTH})\s*)?(?P<d2>\d{{1,2}})\b", re.I
)


_FINISH_VERBS = re.compile(
    r"^\W*(complete|finish|finalize|finalise|deliver|ship|publish|execute|close|land|wrap up|done)\b", re.I
)


def _window_end(b: Builder, text: str) -> dt.date | None:
    """The last day of a window written in a heading: ``Week 8 (Feb 23-Mar 01)``, ``2026-03-02 .. 2026-03-08``."""

    dates = re.findall(r"\d{4}-\d{2}-\d{2}", text)
    if dates:
        try:
            return dt.date.fromisoformat(dates[-1])
        except ValueError:
            return None
    m = _RANGE_END.search(text)
    year = b.meta.get("scope_start") or b.meta.get("date")
    if not m or year is None:
        return None
    month = MONTHS.get((m.group("m2") or m.group("m1"))[:3].lower())
    if month is None:
        return None
    try:
        end = dt.date(year.year, month, int(m.group("d2")))
    except (TypeError, ValueError):
        return None
    return end


def handle_schedule(b: Builder, sec: Section, ctx: Ctx) -> Ctx:
    """Week-by-week sections: "Complete Stream 1" under "Week 7 (Feb 16-22)" -> S1's target is Feb 22.

    The section is still kept as text: the schedule says more than the targets."""
    set_any = False
    for child in [sec, *sec.children]:
        end = _window_end(b, child.title) if child is not sec else None
        if end is None:
            continue
        for blk in child.blocks:
            if not isinstance(blk, ListBlock):
                continue
            for it in blk.items:
                text = plain(it.text)
                if not _FINISH_VERBS.match(text):
                    continue
                for ref in b.refs_in(text):
                    b.schedule.append((ref, end.isoformat(), it.line))
                    set_any = True
    if set_any:
        b.note(
            sec.line, f"schedule {sec.title!r}: targets for the items it says are completed in a week; kept as text too"
        )
    return ctx
