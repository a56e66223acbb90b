"""Parent and child items: the tree the backlog shows, what a parent rolls up from its children,
and the owner and workstream a child inherits (no Textual; one rule for every surface).

* **Parents.** ``parent = "S1"`` makes an item a child of S1. A parent that names no item, or a
  link that would close a loop (lint reports both), is ignored here: such an item is a root.
* **Roll-up.** A parent's progress is over all its descendants (children, their children ...):
  ``done`` counts the closed ones (done or cancelled, as milestone progress does), ``total`` all of
  them. A leaf has no roll-up.
* **Inheritance** (``INHERITED``). An item without an owner, a priority or a phase takes the
  nearest ancestor's; an item without a workstream takes its parent's, and a ``stream`` without one
  is its own workstream, named by its title (or id): the nearest of the two up the chain wins. So
  on a board of streams and tasks the tasks group under their stream, and ``p:P0`` finds the tasks
  of a P0 stream; an item whose chain names no owner stays in "(no owner)". Dates, status,
  milestones and estimates are the item's own: a child is not late, done or counted in a milestone
  because its parent is. The item's own fields are never rewritten: this is how grouping, the
  standup, the filter (``owner:``, ``ws:``, ``p:``, ``phase:``), ``show`` and ``list`` read them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from readiness_tui.core.model.board import CLOSED, Item

if TYPE_CHECKING:
    from readiness_tui.core.analysis.analyze import Analysis

STREAM_KINDS = frozenset({"stream", "workstream", "epic"})
#: The fields a child without one of its own takes from its parent chain (see above).
INHERITED: tuple[str, ...] = ("owner", "workstream", "priority", "phase")


@dataclass(frozen=True)
class Rollup:
    done: int
    total: int

    @property
    def fraction(self) -> float:
        return self.done / self.total if self.total else 0.0

    def text(self) -> str:
        return f"{self.done}/{self.total}"


class Hierarchy:
    """The parent/child links of a set of items, cycle-free, with the rules above."""

    def __init__(self, items: Iterable[Item]) -> None:
        self.items: dict[str, Item] = {}
        for it in items:
            self.items.setdefault(it.id, it)
        self.parent: dict[str, str] = {}
        for iid, it in self.items.items():
            p = it.parent
            if p is not None and p != iid and p in self.items:
                self.parent[iid] = p
        self._break_cycles()
        self.children: dict[str, list[str]] = {}
        for iid, p in self.parent.items():  # board order among siblings (``parent`` is in board order)
            self.children.setdefault(p, []).append(iid)
        self._workstream: dict[str, str] = {}
        self._rollup: dict[str, Rollup] = {}

    def _break_cycles(self) -> None:
        """Drop the parent link of every item on a loop (each such item becomes a root)."""
        if not self.parent:  # a flat board: no loop to look for (a pass over every item saved)
            return
        state: dict[str, int] = {}  # 1: on the current walk, 2: known to reach a root
        for start in list(self.parent):  # an item without a parent link is on no loop
            path: list[str] = []
            cur: str | None = start
            while cur is not None and state.get(cur) is None:
                state[cur] = 1
                path.append(cur)
                cur = self.parent.get(cur)
            if cur is not None and state.get(cur) == 1:  # closed a loop: cut it at every member
                loop = path[path.index(cur) :]
                for iid in loop:
                    self.parent.pop(iid, None)
            for iid in path:
                state[iid] = 2

    # ------------------------------------------------------------------ structure
    def ancestors(self, item_id: str) -> list[str]:
        out = []
        cur = self.parent.get(item_id)
        while cur is not None:
            out.append(cur)
            cur = self.parent.get(cur)
        return out

    def descendants(self, item_id: str) -> list[str]:
        out: list[str] = []
        stack = list(reversed(self.children.get(item_id, [])))
        while stack:
            iid = stack.pop()
            out.append(iid)
            stack.extend(reversed(self.children.get(iid, [])))
        return out

    def has_children(self, item_id: str) -> bool:
        return item_id in self.children

    def rows(
        self, order: Sequence[Item], folded: set[str] | frozenset[str] = frozenset()
    ) -> tuple[list[Item], dict[str, int]]:
        """``order`` (a sorted or filtered list) as a tree: the items, each under its parent,
        siblings in the order given, the children of a ``folded`` parent left out; and the depth
        of each item below the top level. An item whose parent is not in ``order`` (filtered away)
        is shown at the depth of its nearest ancestor that is.

        Two flat lists, no object per row: a 10,000-item backlog is laid out on every rebuild, and
        each allocation there can wake the collector over the whole board."""
        parent = self.parent
        present = {it.id for it in order}
        kids: dict[str, list[Item]] = {}
        roots: list[Item] = []
        for it in order:
            p = parent.get(it.id)
            while p is not None and p not in present:
                p = parent.get(p)
            if p is None:
                roots.append(it)
            else:
                kids.setdefault(p, []).append(it)
        out: list[Item] = []
        depth: dict[str, int] = {}
        stack = roots[::-1]
        levels = [0] * len(stack)
        while stack:
            it, d = stack.pop(), levels.pop()
            iid = it.id
            out.append(it)
            if d:
                depth[iid] = d
            mine = kids.get(iid)
            if mine and iid not in folded:
                stack.extend(mine[::-1])
                levels.extend([d + 1] * len(mine))
        return out, depth

    # ------------------------------------------------------------------ roll-up
    def rollup(self, item_id: str) -> Rollup | None:
        """Closed / all descendants of a parent; None for an item with no children."""
        if item_id not in self.children:
            return None
        got = self._rollup.get(item_id)
        if got is None:
            ids = self.descendants(item_id)
            done = sum(1 for i in ids if self.items[i].status in CLOSED)
            got = self._rollup[item_id] = Rollup(done, len(ids))
        return got

    #: The fields whose change can move an item in the tree or change what others inherit.
    SHAPE_FIELDS = frozenset({"id", "parent", "kind", "title", "*", *INHERITED})

    def copy(self) -> Hierarchy:
        """A hierarchy to ``replace`` items in without touching this one (the links are shared:
        ``replace`` never changes them)."""
        twin = object.__new__(Hierarchy)
        twin.items, twin.parent, twin.children = dict(self.items), self.parent, self.children
        twin._workstream, twin._rollup = dict(self._workstream), dict(self._rollup)
        return twin

    def reshapes(self, item_id: str, fields: set[str]) -> bool:
        """Whether an edit of ``fields`` of this item can move items or change what others inherit
        (then build anew, else ``replace``): what children inherit matters only to a parent."""
        if fields & {"id", "parent", "*"}:
            return True
        return bool(fields & self.SHAPE_FIELDS) and self.has_children(item_id)

    def replace(self, item: Item) -> None:
        """Take an edited item whose edit does not ``reshape`` the tree: its ancestors' roll-ups
        (and its own workstream) are worked out again when next asked."""
        self.items[item.id] = item
        self._workstream.pop(item.id, None)
        for a in self.ancestors(item.id):
            self._rollup.pop(a, None)

    # ------------------------------------------------------------------ inheritance
    def value(self, item_id: str, name: str) -> str:
        """The item's ``name`` (one of ``INHERITED``) as every surface reads it: its own, else the
        nearest ancestor's ("" when none in the chain has one)."""
        if name == "workstream":
            return self.workstream(item_id)  # kept per item: grouping asks for it on every rebuild
        for iid in (item_id, *self.ancestors(item_id)):
            it = self.items.get(iid)
            if it is not None and (got := _own_value(it, name)):
                return got
        return ""

    def effective(self, item_id: str) -> tuple[dict[str, str], list[str]]:
        """``value`` of every ``INHERITED`` field, and the names of those ``inherited``: what
        ``list`` and ``--json`` show of an item."""
        return self.effective_many([item_id])[item_id]

    def effective_many(self, item_ids: Iterable[str]) -> dict[str, tuple[dict[str, str], list[str]]]:
        """``effective`` of each of ``item_ids``, each chain read once from the top down: an item
        takes what it lacks from its parent's values, so a listing is linear in the board, not in
        the board times its depth. An id that names no item has no values."""
        items, parent = self.items, self.parent
        done: dict[str, tuple[dict[str, str], list[str]]] = {}
        blank = dict.fromkeys(INHERITED, "")
        for start in item_ids:
            if start in done:
                continue
            if start not in items:
                done[start] = (dict(blank), [])
                continue
            path: list[str] = []  # from the item up to the first ancestor already read
            cur: str | None = start
            while cur is not None and cur not in done:
                path.append(cur)
                cur = parent.get(cur)
            above = blank if cur is None else done[cur][0]
            for iid in reversed(path):
                values, came = _own_or_inherited(items[iid], above)
                done[iid] = (values, came)
                above = values
        return done

    def inherited(self, item_id: str, name: str, value: str | None = None) -> bool:
        """Whether the item's ``name`` comes from its chain rather than its own field (``value``:
        ``self.value(item_id, name)`` when the caller has it already)."""
        it = self.items.get(item_id)
        if it is None or _own_value(it, name):
            return False
        return bool(self.value(item_id, name) if value is None else value)

    def owner(self, item_id: str) -> str:
        """The item's owner, or the nearest ancestor's ("" when none in the chain has one)."""
        return self.value(item_id, "owner")

    def owner_inherited(self, item_id: str) -> bool:
        return self.inherited(item_id, "owner")

    def workstream(self, item_id: str) -> str:
        """The item's workstream, else its parent's; a stream without one is its own (its title)."""
        got = self._workstream.get(item_id)
        if got is None:
            chain = (self.items.get(iid) for iid in (item_id, *self.ancestors(item_id)))
            got = next((ws for it in chain if it is not None and (ws := _own_value(it, "workstream"))), "")
            self._workstream[item_id] = got
        return got


def _own_value(it: Item, name: str) -> str:
    """The item's own ``name`` (one of ``INHERITED``), stripped; "" when it has none. A stream without
    a workstream names its own: its title (or id)."""
    own = getattr(it, name)
    own = str(own).strip() if own else ""
    if not own and name == "workstream" and it.kind.lower() in STREAM_KINDS:
        return it.title.strip() or it.id
    return own


def _own_or_inherited(it: Item, above: dict[str, str]) -> tuple[dict[str, str], list[str]]:
    """The item's ``INHERITED`` values given its parent's (``above``), and those it took from it."""
    values: dict[str, str] = {}
    came: list[str] = []
    for name in INHERITED:
        own = _own_value(it, name)
        if own:
            values[name] = own
        else:
            got = values[name] = above[name]
            if got:
                came.append(name)
    return values, came


_OF_ANALYSIS: WeakKeyDictionary[Any, Hierarchy] = WeakKeyDictionary()


def tree_of(analysis: Analysis) -> Hierarchy:
    """The hierarchy of an analysis' items, built once per analysis (every surface that reads the
    analysis reads the same tree)."""
    got = _OF_ANALYSIS.get(analysis)
    if got is None:
        got = _OF_ANALYSIS[analysis] = Hierarchy(analysis.items.values())
    return got
