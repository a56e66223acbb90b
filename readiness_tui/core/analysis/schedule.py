"""The schedule over remaining estimates: earliest/latest start and finish, slack, critical path."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Set
from dataclasses import dataclass, field

from readiness_tui.core.analysis.ripple import ripple
from readiness_tui.core.model.board import CLOSED, Item


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


#: Why a board has no critical path: it has no open work placed in a wave.
NO_PATH = "none (no open work with a place in the plan)"


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
    def unit_word(self) -> str:
        """One unit of the schedule, ``day`` or ``item``: every surface words lengths with it."""
        return "item" if self.unit == "items" else "day"

    @property
    def length_text(self) -> str:
        """``12 days`` or ``5 items (no estimates: each open item counts as one unit)``: the one
        wording of the path's length (order, the plan pane, the HTML page, ``export -f json``)."""
        n = self.total_days
        text = f"{n:g} {self.unit_word}{'' if n == 1 else 's'}"
        if self.unit == "items":
            return f"{text} (no estimates: each open item counts as one unit)"
        return text

    @property
    def headline(self) -> str:
        """``Critical path (LENGTH): A -> B`` or why there is none, as ``order`` prints it."""
        if not self.ids:
            return f"Critical path: {NO_PATH}"
        return f"Critical path ({self.length_text}): {' -> '.join(self.ids)}"

    @property
    def unestimated_text(self) -> str:
        """The open items counted as zero days ("" when there are none)."""
        return f"unestimated, counted as 0 days: {', '.join(self.unestimated)}" if self.unestimated else ""


def critical_path(
    items: Mapping[str, Item],
    order: list[str],
    pred: Mapping[str, list[str]],
    succ: Mapping[str, list[str]],
    board_pos: Mapping[str, int],
    parents: Set[str] = frozenset(),
) -> CriticalPath:
    """Critical path over the remaining estimates (closed items take no time, nor do ``parents``:
    a stream is the sum of its children's work, and counting it too would count that work twice).

    ``order`` is a topological order of the placed items (dependencies first); ``pred``/``succ``
    their known dependencies and dependents, restricted to placed items; ``board_pos`` breaks ties
    by board order. Forward pass ES = max(EF of dependencies), EF = ES + duration; backward pass
    from the end of the project; slack = LS - ES. When no open item has an estimate, each open
    item counts as one unit (``unit == "items"``); the two are never mixed.
    """
    unit = "days" if any(_estimated(items[n]) for n in order if n not in parents) else "items"
    dur: dict[str, float] = {}
    unestimated: list[str] = []
    for n in order:
        it = items[n]
        dur[n] = 0.0 if n in parents else _duration(it, unit)
        if unit == "days" and _unestimated(it) and n not in parents:
            unestimated.append(n)
    es: dict[str, float] = {}
    ef: dict[str, float] = {}
    _forward(order, pred, dur, es, ef)
    end = max(ef.values(), default=0.0)
    lf: dict[str, float] = {}
    ls: dict[str, float] = {}
    _backward(reversed(order), succ, dur, end, ls, lf)
    return _found(order, pred, board_pos, Schedule(order, dur, es, ef, ls, lf), end, unestimated, unit)


def rescheduled(
    before: CriticalPath,
    items: Mapping[str, Item],
    changed: Iterable[str],
    graph: tuple[Mapping[str, list[str]], Mapping[str, list[str]], Mapping[str, int]],
    board_pos: Mapping[str, int],
    parents: Set[str] = frozenset(),
) -> CriticalPath | None:
    """``critical_path`` of the same placed items and links as ``before``, after the statuses or
    estimates of ``changed`` were edited. ``graph``: ``pred``, ``succ`` and a rank that orders
    each item after its dependencies. The forward pass runs again from the items whose duration
    moved, on along dependents while their start or finish moves; the backward pass likewise
    along dependencies (over every item when the end moved). Each value is worked out by the same
    sum as in the whole pass, so the answer is the same to the bit. None when the unit changes
    (every duration does). ``parents`` as in ``critical_path`` (an edit of statuses or estimates
    leaves them as they were)."""
    old = before.schedule
    order = old._order
    unit = "days" if any(_estimated(items[n]) for n in order if n not in parents) else "items"
    if unit != before.unit:
        return None
    pred, succ, rank = graph
    dur = old._dur
    changed = [n for n in changed if n not in parents]  # a parent takes no time, edited or not
    moved = [n for n in dict.fromkeys(changed) if n in dur and dur[n] != _duration(items[n], unit)]
    unestimated = before.unestimated
    if unit == "days":
        edited = {n for n in changed if n in dur}
        was = set(unestimated)
        now = (was - edited) | {n for n in edited if _unestimated(items[n])}
        if now != was:
            unestimated = [n for n in order if n in now]
    if not moved:
        return CriticalPath(before.ids, before.total_days, old, list(unestimated), unit)
    dur = dict(dur)
    for n in moved:
        dur[n] = _duration(items[n], unit)
    es, ef = dict(old._es), dict(old._ef)

    def forward(n: str) -> bool:  # whether its start or finish moved
        was = es[n], ef[n]
        _forward((n,), pred, dur, es, ef)
        return (es[n], ef[n]) != was

    ripple(moved, succ, rank, forward)
    end = max(ef.values(), default=0.0)
    ls: dict[str, float] = {}
    lf: dict[str, float] = {}
    if end != before.total_days:  # every latest finish follows the end
        _backward(reversed(order), succ, dur, end, ls, lf)
    else:
        ls, lf = dict(old._ls), dict(old._lf)

        def backward(n: str) -> bool:  # whether its latest start or finish moved
            was = ls[n], lf[n]
            _backward((n,), succ, dur, end, ls, lf)
            return (ls[n], lf[n]) != was

        ripple(moved, pred, rank, backward, way=-1)
    return _found(order, pred, board_pos, Schedule(order, dur, es, ef, ls, lf), end, list(unestimated), unit)


def _estimated(it: Item) -> bool:
    return it.status not in CLOSED and it.estimate_days is not None


def _unestimated(it: Item) -> bool:
    """An open item without an estimate (counted as none when others have one)."""
    return it.status not in CLOSED and it.estimate_days is None


def _duration(it: Item, unit: str) -> float:
    """An item's days in the schedule: none when closed; an open one without an estimate counts
    none (``unit == "days"``) or one unit (``"items"``: no open item is estimated)."""
    if it.status in CLOSED:
        return 0.0
    if it.estimate_days is None:
        return 1.0 if unit == "items" else 0.0
    return float(it.estimate_days)


def _forward(
    nodes: Iterable[str],
    pred: Mapping[str, list[str]],
    dur: dict[str, float],
    es: dict[str, float],
    ef: dict[str, float],
) -> None:
    for n in nodes:
        # Kahn's order emits an item only after all its dependencies, so they all have an EF.
        ps = pred[n]
        start = max([ef[p] for p in ps]) if ps else 0.0
        es[n] = start
        d = dur[n]
        # A closed item takes no time: its finish is its start, the same float (not one more of
        # 10,000; most items of a large board are closed).
        ef[n] = start + d if d else start


def _backward(
    nodes: Iterable[str],
    succ: Mapping[str, list[str]],
    dur: dict[str, float],
    end: float,
    ls: dict[str, float],
    lf: dict[str, float],
) -> None:
    for n in nodes:
        ss = succ[n]
        # Dependents on or behind a cycle have no schedule (not in ls).
        finish = min([ls[x] for x in ss if x in ls] or (end,)) if ss else end
        lf[n] = finish
        d = dur[n]
        ls[n] = finish - d if d else finish


def _found(
    order: list[str],
    pred: Mapping[str, list[str]],
    pos: Mapping[str, int],
    schedule: Schedule,
    end: float,
    unestimated: list[str],
    unit: str,
) -> CriticalPath:
    """The path: walk back from the latest finishing critical item along zero-slack predecessors."""
    dur, es, ef, ls = schedule._dur, schedule._es, schedule._ef, schedule._ls
    path: list[str] = []
    if end > 0:
        ends = [n for n in order if abs(ef[n] - end) < 1e-9 and ls[n] - es[n] <= 1e-9 and dur[n] > 0]
        cur = min(ends, key=pos.__getitem__) if ends else None
        while cur is not None:
            path.append(cur)
            preds = [p for p in pred[cur] if abs(ef[p] - es[cur]) < 1e-9 and ls[p] - es[p] <= 1e-9]
            preds = [p for p in preds if dur[p] > 0] or preds
            cur = min(preds, key=pos.__getitem__) if preds and es[cur] > 0 else None
        path.reverse()
    return CriticalPath(path, end, schedule, unestimated, unit)
