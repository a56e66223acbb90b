"""What each term of the filter language means for an item (the grammar is ``core.filter_syntax``,
the overview ``core.filtering``): a parsed tree becomes a predicate once per filter, so matching
an item is a call per term, not a walk of the tree.

What a term reads beyond the item's own fields (its haystack, its owner or workstream as
inherited through the parents) comes from ``Lookups``, worked out per item as asked;
``ItemIndex`` works each out once per board and keeps it until the items change, so that a
keystroke in the app's filter line does not ask the tree for 10,000 owners again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from readiness_tui.core.filters.syntax import And, Compare, Field, Flag, Node, Not, Or, Text
from readiness_tui.core.model.board import STATUSES, Item
from readiness_tui.core.model.dates import ISO_WEEK_RE, week_bounds

if TYPE_CHECKING:
    from readiness_tui.core.filters.filtering import Facts

Pred = Callable[[Item], bool]
Reader = Callable[[Item], str]

#: Fields matched by the start of their value (the others by the whole value).
PREFIX_FIELDS = frozenset({"owner", "contributor", "workstream", "kind", "id", "target"})
#: Fields read as inherited through the parents when the item has none (``core.tree.INHERITED``).
_INHERITED_EQUAL = ("priority", "phase")
#: Fields an item carries itself, read lower-cased: equal to a value, or starting with one.
_OWN_EQUAL = ("milestone",)
_OWN_PREFIX = ("kind", "id", "target")


#: What a plain word is looked for in, as ``haystack`` reads it (and help says it).
TEXT_FIELDS = ("id", "title", "owner", "workstream", "kind", "tags", "description", "notes", "acceptance")


def haystack(item: Item) -> str:
    """The lower-cased text plain words search in: ``TEXT_FIELDS``, written out for speed."""
    parts = (item.id, item.title, item.owner, item.workstream, item.kind, " ".join(item.tags), item.description)
    return " ".join((*parts, item.notes, " ".join(item.acceptance))).lower()


class Lookups:
    """The haystack, owner and workstream of an item (inherited ones through ``facts.tree``),
    lower-cased as the terms compare them; worked out on every call."""

    def __init__(self, facts: Facts) -> None:
        self.facts = facts

    def hay(self) -> Reader:
        return haystack

    def owner(self) -> Reader:
        return self._owner

    def workstream(self) -> Reader:
        return self._workstream

    def inherited(self, name: str) -> Reader:
        """The item's ``name`` (priority, phase), its parent chain's when it has none."""
        return lambda it: self._inherited(it, name)

    def _inherited(self, it: Item, name: str) -> str:
        tree = self.facts.tree
        return (tree.value(it.id, name) if tree is not None else getattr(it, name) or "").lower()

    def _owner(self, it: Item) -> str:
        tree = self.facts.tree
        owner = tree.owner(it.id) if tree is not None else it.owner
        return owner.lower().lstrip("@")

    def _workstream(self, it: Item) -> str:
        tree = self.facts.tree
        return (tree.workstream(it.id) if tree is not None else it.workstream).lower()


class ItemIndex(Lookups):
    """``Lookups`` kept per item id for a board's items: each kind is worked out for all of them
    the first time a filter reads it. ``replaced`` takes edited items in (their haystacks anew;
    owners and workstreams all again when next read, as a parent's edit reaches its children)."""

    def __init__(self, items: Sequence[Item], facts: Facts) -> None:
        super().__init__(facts)
        self.items = items
        self._hays: dict[str, str] | None = None
        self._owners: dict[str, str] | None = None
        self._streams: dict[str, str] | None = None
        self._inherits: dict[str, dict[str, str]] = {}

    def replaced(self, items: Iterable[Item]) -> None:
        if self._hays is not None:
            for it in items:
                self._hays[it.id] = haystack(it)
        self._owners = self._streams = None
        self._inherits = {}

    def hay(self) -> Reader:
        if self._hays is None:
            self._hays = {it.id: haystack(it) for it in self.items}
        return _kept(self._hays, haystack)

    def owner(self) -> Reader:
        if self._owners is None:
            self._owners = {it.id: self._owner(it) for it in self.items}
        return _kept(self._owners, self._owner)

    def workstream(self) -> Reader:
        if self._streams is None:
            self._streams = {it.id: self._workstream(it) for it in self.items}
        return _kept(self._streams, self._workstream)

    def inherited(self, name: str) -> Reader:
        got = self._inherits.get(name)
        if got is None:
            got = self._inherits[name] = {it.id: self._inherited(it, name) for it in self.items}
        return _kept(got, lambda it: self._inherited(it, name))


def _kept(values: dict[str, str], work_out: Reader) -> Reader:
    """A reader of ``values`` by item id; an item it does not hold is worked out."""
    get = values.get

    def read(it: Item) -> str:
        got = get(it.id)
        return got if got is not None else work_out(it)

    return read


def select(node: Node, items: list[Item], facts: Facts, look: Lookups) -> list[Item]:
    """The items ``node`` matches, in their order. Terms ANDed at the top are applied one after
    the other, each to what the ones before let through."""
    for part in node.nodes if isinstance(node, And) else (node,):
        keep = predicate(part, facts, look)
        items = [it for it in items if keep(it)]
    return items


def predicate(node: Node, facts: Facts, look: Lookups) -> Pred:
    """Whether an item matches ``node``."""
    if isinstance(node, Text):
        value, hay = node.value, look.hay()
        return lambda it: value in hay(it)
    if isinstance(node, Flag):
        return _flag(node.name, facts)
    if isinstance(node, Field):
        return _field(node.name, node.values, facts, look)
    if isinstance(node, Compare):
        return lambda it: _compare(node, it)
    if isinstance(node, Not):
        inner = predicate(node.node, facts, look)
        return lambda it: not inner(it)
    if isinstance(node, (And, Or)):
        parts = [predicate(n, facts, look) for n in node.nodes]
        if isinstance(node, And):
            return lambda it: all(p(it) for p in parts)
        return lambda it: any(p(it) for p in parts)
    return predicate(node.node, facts, look)  # a View


def _flag(name: str, facts: Facts) -> Pred:
    tree = facts.tree
    if name in ("ready", "blocked", "waiting", "overdue"):
        ids: set[str] = getattr(facts, name)
        return lambda it: it.id in ids
    if name == "open":
        return lambda it: not it.is_closed
    if name == "closed":
        return lambda it: it.is_closed
    if name == "gate":
        return lambda it: it.gate is not None and not it.gate.is_empty
    if name == "parent":
        return (lambda it: tree.has_children(it.id)) if tree is not None else (lambda it: False)
    if name == "child":
        return (lambda it: it.id in tree.parent) if tree is not None else (lambda it: it.parent is not None)
    raise KeyError(name)


def _field(name: str, values: tuple[str, ...], facts: Facts, look: Lookups) -> Pred:
    """Any of ``values`` matches (``str.startswith`` takes them all at once)."""
    tree = facts.tree
    wanted = frozenset(values)
    if name in ("owner", "workstream"):
        read = look.owner() if name == "owner" else look.workstream()
        return lambda it: read(it).startswith(values)
    if name == "contributor":
        return lambda it: any(c.lower().lstrip("@").startswith(values) for c in it.contributors)
    if name == "status":
        # A whole status is that status; a part of one ("in_pr", typed so far) its start.
        whole = frozenset(v for v in values if v in STATUSES)
        starts = tuple(v for v in values if v not in STATUSES)
        return lambda it: it.status in whole or it.status.startswith(starts)
    if name == "parent":
        if tree is None:
            return lambda it: (it.parent or "").lower() in wanted
        return lambda it: any(a.lower() in wanted for a in tree.ancestors(it.id))
    if name == "tag":
        return lambda it: any(t.lower() in wanted for t in it.tags)
    if name in _INHERITED_EQUAL:
        value = look.inherited(name)
        return lambda it: value(it) in wanted
    if name in _OWN_EQUAL:
        return lambda it: (getattr(it, name) or "").lower() in wanted
    if name in _OWN_PREFIX:
        return lambda it: (getattr(it, name) or "").lower().startswith(values)
    raise KeyError(name)


def _span(target: str) -> tuple[dt.date, dt.date]:
    if ISO_WEEK_RE.match(target):
        return week_bounds(target)
    day = dt.date.fromisoformat(target)
    return day, day


def _compare(node: Compare, item: Item) -> bool:
    op = node.op
    if node.name in ("score", "estimate"):
        have = item.total_score if node.name == "score" else item.estimate_days
        if have is None:
            return False
        want = float(node.value)
        return {"<": have < want, "<=": have <= want, ">": have > want, ">=": have >= want, "=": have == want}[op]
    if not item.target:
        return False
    lo, hi = _span(item.target)
    vlo, vhi = _span(node.value)
    # Spans: "before W10" is over before W10 starts; "by W10" is over by its end.
    return {"<": hi < vlo, "<=": hi <= vhi, ">": lo > vhi, ">=": lo >= vlo, "=": vlo <= lo and hi <= vhi}[op]
