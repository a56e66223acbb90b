"""The rule for ready / waiting / blocked / overdue, written once, and why an item has no place in
the plan (the words are defined in ``analysis``'s docstring)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from typing import NamedTuple

from readiness_tui.core.model.board import CLOSED, Item
from readiness_tui.core.model.dates import target_due

#: Why an open item has no place in the plan (values of ``Analysis.unplaced``).
ON_CYCLE = "on a dependency cycle"
BEHIND_CYCLE = "behind a dependency cycle"
UNKNOWN_DEP = "names an unknown dependency"
BEHIND_UNKNOWN = "behind an unknown dependency"


class ItemState(NamedTuple):
    """One item's place in the words above (closed items are none of them)."""

    open_deps: int
    ready: bool
    waiting: bool
    blocked: bool


def open_dependencies(item: Item, closed: Collection[str]) -> tuple[str, ...]:
    """``item``'s dependencies that are not closed (an unknown id counts as open). A tuple: most
    items have none, and they all share the one empty tuple (a list each was 56 bytes)."""
    deps = item.depends_on
    return tuple([d for d in deps if d not in closed]) if deps else ()


def item_state(item: Item, get: Callable[[str], Item | None], unplaced: bool) -> ItemState:
    """The rule for ready / waiting / blocked, written once: the analysis runs it over the board
    and the backlog over the items an edit touched. ``unplaced``: the item is on or behind a
    cycle or an unknown dependency (a property of the graph, not of the item)."""
    n = 0
    for d in item.depends_on:
        dep = get(d)
        if dep is None or dep.status not in CLOSED:
            n += 1
    status = item.status
    if not n:  # most items: one of four states, shared (a board pass makes no tuple per item)
        if status in CLOSED:
            return _NONE
        if status == "todo":
            return _NONE if unplaced else _READY
        return _BLOCKED if status == "blocked" else _NONE
    if status in CLOSED:
        return ItemState(n, False, False, False)
    return ItemState(n, False, True, status == "blocked")


class FactSets(NamedTuple):
    """The ready, blocked, waiting and overdue items as sets: what one item's facts are read from."""

    ready: frozenset[str]
    blocked: frozenset[str]
    waiting: frozenset[str]
    overdue: frozenset[str]

    def of(self, item_id: str) -> dict[str, bool]:
        """One item's facts, the same words every surface uses, in this order."""
        return {
            "ready": item_id in self.ready,
            "blocked": item_id in self.blocked,
            "waiting": item_id in self.waiting,
            "overdue": item_id in self.overdue,
        }


_NONE = ItemState(0, False, False, False)
_READY = ItemState(0, True, False, False)
_BLOCKED = ItemState(0, False, False, True)


def is_overdue(item: Item, today: dt.date) -> bool:
    if item.status in CLOSED:
        return False
    # ``Item.due`` is ``target_due(target)``, which keeps each target's date: called directly, a
    # board pass skips a property call per open item.
    due = target_due(item.target)
    return due is not None and due < today
