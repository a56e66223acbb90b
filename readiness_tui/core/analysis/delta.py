"""An analysis worked out from the one before it, when an edit changed only statuses or estimates.

A status key in the app, or a status edited by hand before a command, leaves every item's id and
dependencies as they were: the answers that read only the links serve as they are
(``analysis_seed``), and those that read the statuses change only around the edited items. So the
next analysis takes the earlier answers and works out again only that part: the dependents of an
item that opened or closed, the ancestors and descendants whose schedule it moves. Each value is
made by the same rule as in the whole pass (``item_state``, ``schedule``), so it is the same value;
a hypothesis test holds every answer to a fresh analysis' (``tests/core/test_analysis_delta.py``).

Where that part is not small (a changed item on or behind a cycle, an unknown dependency whose
reach moved, the schedule's unit changing), the answer is worked out whole, as without a delta.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Protocol

from readiness_tui.core.analysis import NOTHING, schedule
from readiness_tui.core.analysis.item_state import ItemState, item_state, open_dependencies
from readiness_tui.core.analysis.ripple import ripple
from readiness_tui.core.model.board import CLOSED, Item

if TYPE_CHECKING:
    from readiness_tui.core.analysis.analyze import Analysis


#: A delta serves while at most this share of the items changed (and always up to ``FEW``).
SHARE, FEW = 16, 64


def worth_it(changed: int, total: int) -> bool:
    """Whether ``changed`` items of ``total`` are few enough to work the answers out around them."""
    return changed <= max(FEW, total // SHARE)


class Priors(Protocol):
    """The earlier analysis' status answers by name: ``get`` gives one (None when it was not
    worked out), ``pop`` lets it go."""

    def get(self, name: str, /) -> Any: ...

    def pop(self, name: str, default: None, /) -> Any: ...


class Delta:
    """The status answers of an analysis of the same links (``prior``, each let go of once no
    rule still reads it) and how the items it read looked (``then``: the changed items, by id,
    as they were)."""

    def __init__(self, prior: Priors, then: Mapping[str, Item]) -> None:
        self._priors = prior
        self._then = then
        self._flipped: list[str] | None = None
        self._stuck_moved: set[str] | None = None
        #: The rules asked already, and the earlier answers let go of once none still reads them
        #: (an analysis keeps its delta, and the earlier answers are large on a big board).
        self._asked: set[str] = set()

    def derive(self, a: Analysis, name: str) -> Any:
        """``a``'s answer ``name`` worked out from the prior one, or ``NOTHING``."""
        how = _RULES.get(name)
        if how is None:
            return NOTHING
        try:
            before = self._prior(name)
            return NOTHING if before is None else how(self, a, before)
        finally:
            self._asked.add(name)
            for p, readers in _READERS.items():
                if readers <= self._asked:
                    self._priors.pop(p, None)

    def _prior(self, name: str) -> Any:
        return self._priors.get(name)

    # ------------------------------------------------------------------ what moved
    def flipped(self, a: Analysis) -> list[str]:
        """The changed items that opened or closed."""
        if self._flipped is None:
            now = a.items
            self._flipped = [i for i, it in self._then.items() if (it.status in CLOSED) != (now[i].status in CLOSED)]
        return self._flipped

    def stuck_moved(self, a: Analysis) -> set[str] | None:
        """The items whose reason for having no place in the plan changed; None when unknown."""
        if self._stuck_moved is None:
            if not a.names_unknown:  # then only the links decide it
                self._stuck_moved = set()
                return self._stuck_moved
            before = self._prior("_stuck_reason")
            if before is None:
                return None
            now = a._stuck_reason
            moved: set[str] = set()
            if now is not before and now != before:
                moved = {k for k in before.keys() | now.keys() if before.get(k) != now.get(k)}
            self._stuck_moved = moved
        return self._stuck_moved

    def touched(self, a: Analysis) -> set[str]:
        """The changed items and the dependents of those that opened or closed."""
        out = set(self._then)
        succ = a._succ
        for i in self.flipped(a):
            out.update(succ[i])
        return out

    # ------------------------------------------------------------------ the answers
    def _closed(self, a: Analysis, before: frozenset[str]) -> frozenset[str]:
        now = a.items
        # frozenset's own methods: ``-`` with a dict's keys would give a plain, mutable set.
        return before.difference(self._then).union(i for i in self._then if now[i].status in CLOSED)

    def _open_deps(self, a: Analysis, before: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
        closed, items = a._closed, a.items
        out = dict(before)
        for i in self.touched(a):
            out[i] = open_dependencies(items[i], closed)
        return out

    def _stuck_reason(self, a: Analysis, before: dict[str, str]) -> Any:
        # Without an unknown dependency, only the links decide it (cycles, what is behind them).
        return NOTHING if a.names_unknown else before

    def _states(self, a: Analysis, before: dict[str, ItemState]) -> Any:
        moved = self.stuck_moved(a)
        if moved is None:
            return NOTHING
        items, stuck = a.items, a._stuck_reason
        get = items.get
        out = dict(before)
        for i in self.touched(a) | moved:
            out[i] = item_state(items[i], get, i in stuck)
        return out

    def _by_state(self, a: Analysis, before: tuple[list[str], list[str], list[str]]) -> Any:
        was = self._prior("_states")
        moved = self.stuck_moved(a)
        if was is None or moved is None:
            return NOTHING
        now, pos = a._states, a._board_pos
        lists = tuple(list(x) for x in before)
        for i in self.touched(a) | moved:
            old, new = was[i], now[i]
            for kind, (then, there) in enumerate(zip(old[1:], new[1:], strict=True)):
                if then != there:
                    _put(lists[kind], i, pos, there)
        return lists

    def _roots(self, a: Analysis, before: dict[str, str]) -> Any:
        flipped = self.flipped(a)
        was = self._prior("_open_deps") if flipped else {}
        if a.on_cycle or was is None:  # a walk through a cycle depends on where it came in
            return NOTHING
        # Without cycles an item's root is where following first open dependencies ends. That
        # way changed only at the flipped items' dependents whose first open dependency changed;
        # an item whose way passes one of them has the root that one had: those are worked out
        # again. The walk of every item on a kept way is kept too (``chains.root_of``).
        now, succ = a._open_deps, a._succ
        moved: set[str] = set()
        for f in flipped:
            for y in succ[f]:
                if y in before and was[y][:1] != now[y][:1]:
                    moved.add(before[y])
        kept = list(before.items())  # in one step: another analysis may still be adding to it
        return {k: v for k, v in kept if v not in moved} if moved else dict(kept)

    def _wave_cache(self, a: Analysis, before: dict[bool, list[list[str]]]) -> Any:
        moved = self.stuck_moved(a)
        if moved is None or moved:
            return NOTHING
        out: dict[bool, list[list[str]]] = {}
        if True in before:  # all placed items, open or closed: only the links decide them
            out[True] = before[True]
        if False in before:
            out[False] = _open_waves(a, before[False], self.flipped(a))
        return out

    def critical_path(self, a: Analysis, before: schedule.CriticalPath) -> Any:
        moved = self.stuck_moved(a)
        if moved is None or moved:
            return NOTHING
        stuck = a._stuck_reason
        changed = [i for i in self._then if i not in stuck]
        pred: Mapping[str, list[str]] = a._pred
        succ: Mapping[str, list[str]] = a._succ
        if stuck:  # the schedule's graph leaves the unplaced items out
            pred, succ = _Without(pred, stuck), _Without(succ, stuck)
        found = schedule.rescheduled(before, a.items, changed, (pred, succ, a._rank), a._board_pos, a.parents)
        return NOTHING if found is None else found


#: The answer each rule works out, by the name it has on ``Analysis``.
_RULES: dict[str, Callable[[Delta, Analysis, Any], Any]] = {
    name: getattr(Delta, name)
    for name in (
        "_closed",
        "_open_deps",
        "_stuck_reason",
        "_states",
        "_by_state",
        "_roots",
        "_wave_cache",
        "critical_path",
    )
}
#: Which rules read each earlier answer (``stuck_moved`` reads ``_stuck_reason`` for the rules
#: that need to know what moved).
_READERS: dict[str, set[str]] = {name: {name} for name in _RULES}
_READERS["_open_deps"].add("_roots")
_READERS["_states"].add("_by_state")
_READERS["_stuck_reason"].update(("_states", "_by_state", "_wave_cache", "critical_path"))


class _Without(dict[str, list[str]]):
    """A link map without the unplaced items, each entry made when first read: the passes around
    a few items read a few entries of 100,000."""

    def __init__(self, full: Mapping[str, list[str]], stuck: Mapping[str, str]) -> None:
        super().__init__()
        self._full, self._stuck = full, stuck

    def __missing__(self, key: str) -> list[str]:
        found = self[key] = [x for x in self._full[key] if x not in self._stuck]
        return found


def _open_waves(a: Analysis, before: list[list[str]], flipped: list[str]) -> list[list[str]]:
    """The waves of the open placed items, after ``flipped`` opened or closed. An item's wave is
    the longest way to it from an item with no open placed dependency: it is worked out again for
    the flipped items, and on along dependents while it moves (in ``_rank`` order, so that each
    item's dependencies are final first); the items that moved go from their wave to the new one."""
    stuck, items, pred, succ, rank = a._stuck_reason, a.items, a._pred, a._succ, a._rank

    def placed(i: str) -> bool:
        return i not in stuck and items[i].status not in CLOSED

    level = {n: k for k, wave in enumerate(before) for n in wave}
    fresh: dict[str, int | None] = {}  # the items whose wave changed: the new one (None: no wave)

    def work(n: str) -> bool:
        k: int | None = None
        if placed(n):
            ps = [fresh[p] if p in fresh else level[p] for p in pred[n] if placed(p)]
            k = 1 + max(ps) if ps else 0  # type: ignore[type-var,operator]
        if k == level.get(n):
            return False
        fresh[n] = k
        return True

    ripple(flipped, succ, rank, work)  # an item with no rank is on or behind a cycle
    if not fresh:
        return before
    pos = a._board_pos
    out = [list(w) for w in before]
    for n, k in fresh.items():
        if n in level:
            _put(out[level[n]], n, pos, False)
        if k is not None:
            while len(out) <= k:
                out.append([])
            _put(out[k], n, pos, True)
    while out and not out[-1]:
        out.pop()
    return out


def _put(ids: list[str], item: str, pos: Mapping[str, int], there: bool) -> None:
    """Put ``item`` into ``ids`` (``there``), or take it out, keeping them in board order."""
    at = bisect_left(ids, pos[item], key=pos.__getitem__)
    if there:
        ids.insert(at, item)
    else:
        del ids[at]
