"""The schedule over remaining estimates: earliest/latest start and finish, slack, critical path."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from .model import CLOSED, Item


def slack(es: float, ls: float) -> float:
    """How far an item can slip without moving the end: latest start less earliest start."""
    return round(ls - es, 6)


@dataclass(slots=True)
class ScheduleRow:
    """Earliest/latest start and finish (in days from now) of one open item, and its slack."""

    id: str
    duration: float
    es: float
    ef: float
    ls: float
    lf: float

    @property
    def slack(self) -> float:
        return slack(self.es, self.ls)


class Schedule(Mapping[str, ScheduleRow]):
    """Item id -> ScheduleRow, built on access: a board of 100,000 items would otherwise allocate
    a row object per item that almost nobody reads."""

    def __init__(
        self,
        order: list[str],
        dur: dict[str, float],
        es: dict[str, float],
        ef: dict[str, float],
        ls: dict[str, float],
        lf: dict[str, float],
    ) -> None:
        self._order, self._dur, self._es, self._ef, self._ls, self._lf = order, dur, es, ef, ls, lf
        self._slacks: dict[str, float] | None = None

    def __getitem__(self, key: str) -> ScheduleRow:
        if key not in self._es:
            raise KeyError(key)
        return ScheduleRow(key, self._dur[key], self._es[key], self._ef[key], self._ls[key], self._lf[key])

    def __iter__(self) -> Iterator[str]:
        return iter(self._order)

    def __len__(self) -> int:
        return len(self._order)

    def __contains__(self, key: object) -> bool:
        return key in self._es

    def slacks(self) -> dict[str, float]:
        """Item id -> slack for every scheduled item, without a row object each (an export of
        100,000 items reads them all, twice). Worked out once; each caller gets its own dict."""
        found = self._slacks
        if found is None:
            ls = self._ls
            found = self._slacks = {k: slack(es, ls[k]) for k, es in self._es.items()}
        return dict(found)


@dataclass
class CriticalPath:
    ids: list[str]
    total_days: float
    schedule: Schedule
    #: Open items with no estimate, counted as zero days (only when ``unit == "days"``).
    unestimated: list[str] = field(default_factory=list)
    #: "days" when any open item is estimated; "items" when none is, and each open item counts
    #: as one unit (the path is then the longest chain of open items, not a duration).
    unit: str = "days"

    @property
    def length_text(self) -> str:
        """``12 days`` or ``5 items (no estimates: each open item counts as one unit)``."""
        if self.unit == "items":
            n = int(self.total_days)
            return f"{n} item{'s' if n != 1 else ''} (no estimates: each open item counts as one unit)"
        return f"{self.total_days:g} days"


def critical_path(
    items: Mapping[str, Item],
    order: list[str],
    pred: Mapping[str, list[str]],
    succ: Mapping[str, list[str]],
    board_pos: Mapping[str, int],
) -> CriticalPath:
    """Critical path over the remaining estimates (closed items take no time).

    ``order`` is a topological order of the placed items (dependencies first); ``pred``/``succ``
    their known dependencies and dependents, restricted to placed items; ``board_pos`` breaks ties
    by board order. Forward pass ES = max(EF of dependencies), EF = ES + duration; backward pass
    from the end of the project; slack = LS - ES. When no open item has an estimate, each open
    item counts as one unit (``unit == "items"``); the two are never mixed.
    """
    dur: dict[str, float] = {}
    unestimated: list[str] = []
    unit = "items"
    for n in order:
        it = items[n]
        if it.status in CLOSED:
            dur[n] = 0.0
        elif it.estimate_days is None:
            unestimated.append(n)
            dur[n] = 0.0
        else:
            unit = "days"
            dur[n] = float(it.estimate_days)
    if unit == "items":  # no open item is estimated: each counts as one unit, none as unestimated
        for n in unestimated:
            dur[n] = 1.0
        unestimated = []
    es: dict[str, float] = {}
    ef: dict[str, float] = {}
    for n in order:
        # Kahn's order emits an item only after all its dependencies, so they all have an EF.
        ps = pred[n]
        start = max([ef[p] for p in ps]) if ps else 0.0
        es[n] = start
        ef[n] = start + dur[n]
    end = max(ef.values(), default=0.0)
    lf: dict[str, float] = {}
    ls: dict[str, float] = {}
    for n in reversed(order):
        ss = succ[n]
        # Dependents on or behind a cycle have no schedule (not in ls).
        finish = min([ls[x] for x in ss if x in ls] or (end,)) if ss else end
        lf[n] = finish
        ls[n] = finish - dur[n]
    schedule = Schedule(order, dur, es, ef, ls, lf)
    path: list[str] = []
    if end > 0:
        # Walk back from the latest finishing critical item along zero-slack predecessors.
        pos = board_pos
        ends = [n for n in order if abs(ef[n] - end) < 1e-9 and ls[n] - es[n] <= 1e-9 and dur[n] > 0]
        cur = min(ends, key=pos.__getitem__) if ends else None
        while cur is not None:
            path.append(cur)
            preds = [p for p in pred[cur] if abs(ef[p] - es[cur]) < 1e-9 and ls[p] - es[p] <= 1e-9]
            preds = [p for p in preds if dur[p] > 0] or preds
            cur = min(preds, key=pos.__getitem__) if preds and es[cur] > 0 else None
        path.reverse()
    return CriticalPath(path, end, schedule, unestimated, unit)
