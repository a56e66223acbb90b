"""Answers of an analysis that another analysis, or a loader, may hand over instead of their being
worked out again: those that follow from the items alone (``kept``), and of those the ones that read
only the links (``kept_links``).

Who hands them over is not this package's business: a loader that keeps answers beside a board (the
CLI's parse cache) attaches a ``Seed`` to the board it loaded (``attach_seed``), and the board's first
analysis takes it (``take``); the app gives an analysis the answers of the one before an edit
(``LinkAnswers``). Either way the answers serve only while the items are what they were worked out
from (``what_serves``): the very same objects (records are replaced, never mutated), or items equal
in every field the answers read (``GRAPH_FIELDS``); when only statuses or estimates changed, the
``kept_links`` ones, and the others as the ground of a ``Delta``.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING, Any, Protocol, Self, TypeVar, overload

from readiness_tui.core.analysis import NOTHING

if TYPE_CHECKING:  # a loader attaches a seed with no delta or schedule imported (``set`` reads none)
    from readiness_tui.core.analysis.analyze import Analysis
    from readiness_tui.core.analysis.delta import Delta
    from readiness_tui.core.model.board import Board, Item

T = TypeVar("T")


class Kept(Protocol):
    """Answers handed to an analysis: ``take(name)`` gives one once, or ``NOTHING``."""

    def take(self, name: str, /) -> Any: ...


#: What a loader hands to a board's first analysis: the answers and, when a few items changed
#: since they were worked out, the ``Delta`` that derives the rest.
Seed = Callable[["Analysis"], "tuple[Kept | None, Delta | None]"]

#: Where a seed waits in the board's ``__dict__`` (never a field: pydantic neither dumps nor compares
#: it; a ``model_copy`` carries it along, and the seed checks the copy's items as any).
SEED_KEY = "_analysis_seed"


def attach_seed(board: Board, seed: Seed) -> None:
    """Hand ``seed`` to ``board``'s first analysis."""
    board.__dict__[SEED_KEY] = seed


def has_seed(board: Board) -> bool:
    """Whether ``board`` was loaded with answers no analysis has taken yet."""
    return SEED_KEY in board.__dict__


def take(analysis: Analysis) -> tuple[Kept | None, Delta | None]:
    """What the analysed board's loader handed over, taken once, by its first analysis."""
    seed: Seed | None = analysis.board.__dict__.pop(SEED_KEY, None)
    return (None, None) if seed is None else seed(analysis)


class kept(cached_property[T]):  # noqa: N801 - a decorator, named as ``cached_property`` is
    """A cached property of ``Analysis`` whose value a loader may hand over (``Kept``; the CLI's
    parse cache keeps them beside its entries): it follows from the items alone, and loading it
    costs less than computing it (``_succ`` and
    ``_board_pos`` cost less to compute, ``overdue`` depends on the day, ``risk_status`` on the
    risks). Each is unpickled only when first asked for: ``lint -q`` reads a few of them,
    ``export`` most, and all of them together are slow to load on a big board."""

    @overload
    def __get__(self, instance: None, owner: type[Any] | None = None) -> Self: ...

    @overload
    def __get__(self, instance: object, owner: type[Any] | None = None) -> T: ...

    def __get__(self, instance: object | None, owner: type[Any] | None = None) -> T | Self:
        if instance is None:
            return self
        source: Kept | None = getattr(instance, "_kept", None)
        name = self.attrname
        if source is not None and name is not None:
            value = source.take(name)
            if value is not NOTHING:
                instance.__dict__[name] = value
                return value  # type: ignore[no-any-return]
        delta: Delta | None = getattr(instance, "_delta", None)
        if delta is not None and name is not None:
            found = delta.derive(instance, name)  # type: ignore[arg-type]
            if found is not NOTHING:
                instance.__dict__[name] = found
                return found  # type: ignore[no-any-return]
        return super().__get__(instance, owner)


class kept_links(kept[T]):  # noqa: N801 - a decorator, as ``kept``
    """A kept answer that reads only the items' ids and dependencies, in board order
    (``LINK_FIELDS``): it also serves a board whose statuses or estimates were edited by hand
    since (the graph's edges, order and cycles: passes over the whole graph)."""


def kept_names(cls: type, links_only: bool = False) -> list[str]:
    """The names of ``cls``'s kept properties (``links_only``: those that read only the links)."""
    kind = kept_links if links_only else kept
    return [name for name, v in vars(cls).items() if isinstance(v, kind)]


#: What of an item the kept answers read: an item whose fields these are equal to the item the
#: answers were worked out from gets the same answers (a hypothesis test edits every field).
GRAPH_FIELDS = ("id", "status", "depends_on", "estimate_days", "parent")
#: What the ``kept_links`` answers read of an item, and the parent: which items are parents decides
#: which take time in the schedule a ``Delta`` works out from them.
LINK_FIELDS = ("id", "depends_on", "parent")

#: How much of the kept answers still serve the items now (``what_serves``).
ALL, LINKS = "all", "links"


def what_serves(now: list[Item], then: list[Item]) -> tuple[str | None, dict[str, Item]]:
    """Which of the kept answers of items ``then`` are those of items ``now``: all of them while
    each item is the same object (records are replaced, never mutated) or equal in every field
    the answers read; the ``kept_links`` ones while the ids and dependencies are equal; else none.
    With the ``kept_links`` ones, the items of ``then`` whose other fields differ, by id."""
    changed: dict[str, Item] = {}
    if len(now) != len(then):
        return None, changed
    if all(map(operator.is_, now, then)):
        return ALL, changed
    graph, links = operator.attrgetter(*GRAPH_FIELDS), operator.attrgetter(*LINK_FIELDS)
    for a, b in zip(now, then):
        if a is b or graph(a) == graph(b):
            continue
        if links(a) != links(b):
            return None, {}
        changed[b.id] = b
    return (LINKS if changed else ALL), changed


def same_links(a: Analysis, b: Analysis) -> bool:
    """Whether two analyses are of items with the same ids and dependencies, in the same order
    (what a status or an estimate edit leaves as it was): at once when the later one was given
    the other's link answers, else by comparing the items."""
    topo = a.__dict__.get("_topo")
    if topo is not None and topo is b.__dict__.get("_topo"):
        return True
    if a.duplicates or b.duplicates:
        return False
    return what_serves(list(a.items.values()), list(b.items.values()))[0] is not None


#: Answers that read only the links and are not handed over by a loader (cheaper to compute
#: than to load), but free to share in memory.
_LINKS_IN_MEMORY = ("_succ", "_knots", "_board_pos", "_rank")


class LinkAnswers:
    """An analysis' answers that read only the links (the edges, the order, the cycles, who
    depends on whom), and the links they were worked out from: the app gives them to the next
    analysis when an edit left every item's id and dependencies as they were (a status or an
    estimate: the panes that read the analysis would otherwise redo them on every key). Those answers
    are never changed once made, so the analyses share them. The answers that read the statuses
    too, as far as that analysis worked them out, are the ground of the next one's ``Delta``."""

    def __init__(self, analysis: Analysis) -> None:
        got = analysis.__dict__
        names = (*kept_names(type(analysis), links_only=True), *_LINKS_IN_MEMORY)
        self.answers = {name: got[name] for name in names if name in got}
        self.statuses = {name: got[name] for name in kept_names(type(analysis)) if name in got and name not in names}
        # The items they were worked out from (that analysis' own map, never changed once made):
        # the edited ones differ from the board's now, the others are the same objects.
        self.items: dict[str, Item] | None = analysis.items if self.answers and not analysis.duplicates else None

    def give(self, analysis: Analysis) -> bool:
        """Give ``analysis`` the answers, if its items have the links they were worked out from
        (the test the cache's kept answers pass, ``_what_serves``), and a ``Delta`` from the
        others when few items changed."""
        then = self.items
        if then is None or analysis.duplicates:
            return False
        serves, changed = what_serves(list(analysis.items.values()), list(then.values()))
        if serves is None:
            return False
        mine = analysis.__dict__
        for name, value in self.answers.items():
            mine.setdefault(name, value)
        if serves == ALL:  # no status or estimate changed either (a title, an owner): all serve
            for name, value in self.statuses.items():
                mine.setdefault(name, value)
        elif self.statuses:
            from readiness_tui.core.analysis.delta import Delta, worth_it

            if worth_it(len(changed), len(then)):
                analysis._delta = Delta(dict(self.statuses), changed)  # its own map: it lets go of them
        return True
