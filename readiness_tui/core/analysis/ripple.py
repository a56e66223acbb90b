"""Work that ripples through a graph: done on a few items, then on along their neighbours for as
long as it changes something, each item after all those it reads from. The analysis after a status
edit (``analysis_delta``, ``schedule.rescheduled``) works the waves and the schedule out again so,
around the edited items instead of over the board."""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Mapping


def ripple(
    start: Iterable[str],
    ahead: Mapping[str, list[str]],
    rank: Mapping[str, int],
    work: Callable[[str], bool],
    way: int = 1,
) -> None:
    """``work`` on each of ``start``, then on each item ``ahead`` of one where it changed
    something (it returns True), in ``rank`` order (``way`` 1: lowest first; -1: highest first),
    each once. ``rank`` must order every item after those it reads from (a topological rank, or
    its reverse with ``way`` -1), so each is worked on once their values are final. An item with
    no rank is not reached (on or behind a cycle: it has no place in the plan)."""
    heap = [(way * rank[n], n) for n in start if n in rank]
    heapq.heapify(heap)
    done: set[str] = set()
    while heap:
        n = heapq.heappop(heap)[1]
        if n in done:
            continue
        done.add(n)
        if work(n):
            for x in ahead[n]:
                if x in rank:
                    heapq.heappush(heap, (way * rank[x], x))
