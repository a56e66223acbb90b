"""A board's analysis kept beside its parse-cache entry, so that a command on an unchanged board
loads the answers instead of working them out again.

Every command that reads an analysis (``order``, ``export``, ``lint``, the app's backlog) pays for
the graph passes: ~0.09 s at 10,000 items, ~1.5 s at 100,000, where loading the same answers takes
a fifth to a third of that. The cache's writer (a forked child, after the output is out) works them
out from the board it wrote, and ``analysis_cache`` keeps them in a file of their own beside the
entry, under the entry's key and a digest of the code that computes them. Each answer is pickled
apart and unpickled only when asked for (``kept``).

Only answers that follow from the items alone are kept (not what depends on today, the risks or
the matrix), and they are given only to an analysis of the board they were loaded with while it
holds the same items in the same order: the very same objects (records are replaced, never
mutated, so an edit of the board in place shows as another object in the list), or items equal in
every field the answers read (``GRAPH_FIELDS``: a board whose titles or owners were edited by hand
since keeps its earlier text's answers; one whose statuses or estimates were edited keeps the
answers that read only the links, ``kept_links``). They are given once, to the first analysis of
that board.
"""

from __future__ import annotations

import functools
import operator
import pickle
import sys
from collections.abc import Callable
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Any, Self, TypeVar, overload

from .analysis_delta import NOTHING, Delta, worth_it

if TYPE_CHECKING:
    from .analysis import Analysis
    from .model import Board, Item

T = TypeVar("T")


class kept(cached_property[T]):  # noqa: N801 - a decorator, named as ``cached_property`` is
    """A cached property of ``Analysis`` whose value is kept with the parse-cache entry: it
    follows from the items alone, and loading it costs less than computing it (``_succ`` and
    ``_board_pos`` cost less to compute, ``overdue`` depends on the day, ``risk_status`` on the
    risks). Each is unpickled only when first asked for: ``lint -q`` reads a few of them,
    ``export`` most, and at 100,000 items all of them take ~0.5 s to load."""

    @overload
    def __get__(self, instance: None, owner: type[Any] | None = None) -> Self: ...

    @overload
    def __get__(self, instance: object, owner: type[Any] | None = None) -> T: ...

    def __get__(self, instance: object | None, owner: type[Any] | None = None) -> T | Self:
        if instance is None:
            return self
        blobs: dict[str, bytes] | None = getattr(instance, "_kept", None)
        name = self.attrname
        blob = blobs.pop(name, None) if blobs and name is not None else None
        if blob is not None and name is not None:
            try:
                value: T = pickle.loads(blob)  # noqa: S301 - our own file, checked as the entry is
            except Exception:  # noqa: BLE001 - a damaged answer only means working it out
                return super().__get__(instance, owner)
            instance.__dict__[name] = value
            return value
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
    since (the graph's edges, order and cycles: ~0.04 s at 10,000 items, ~0.5 s at 100,000)."""


def kept_names(cls: type, links_only: bool = False) -> list[str]:
    """The names of ``cls``'s kept properties (``links_only``: those that read only the links)."""
    kind = kept_links if links_only else kept
    return [name for name, v in vars(cls).items() if isinstance(v, kind)]


#: The modules whose code decides those answers: a change to any of them makes every seed stale.
_ANALYSIS_MODULES = (
    "analysis",
    "analysis_seed",
    "analysis_delta",
    "ripple",
    "item_state",
    "schedule",
    "chains",
    "cycles",
)

#: Where a loaded seed waits in the board's ``__dict__`` (never a field: not dumped, copied or compared).
_KEY = "_analysis_seed"


@lru_cache(maxsize=1)
def digest() -> bytes:
    """A digest of the code that computes the kept answers."""
    from .cache_files import source_digest

    return source_digest(_ANALYSIS_MODULES).encode()


def compute(board: Board, may_import: bool = True) -> bytes | None:
    """The kept answers of ``board``, each pickled apart; None when working them out would need
    an import that ``may_import`` forbids (a forked child of a process with threads must not)."""
    if not may_import and f"{__package__}.analysis" not in sys.modules:
        return None
    from .analysis import Analysis

    a = Analysis(board)
    if a._topo[1] and not may_import and "networkx" not in sys.modules:
        return None  # the knots are found with networkx
    names = kept_names(Analysis)
    for name in names:
        getattr(a, name)
    for item_id in a.waiting:
        a.root_causes(item_id)  # fills ``_roots``: ``order`` asks for every waiting item's
    a.waves()
    a.waves(include_closed=True)
    a.critical_path.schedule.slacks()  # kept with the schedule: ``export`` reads them
    dump = functools.partial(pickle.dumps, protocol=pickle.HIGHEST_PROTOCOL)
    return dump({name: dump(a.__dict__[name]) for name in names})


#: What of an item the kept answers read: an item whose fields these are equal to the item the
#: answers were worked out from gets the same answers (a hypothesis test edits every field).
GRAPH_FIELDS = ("id", "status", "depends_on", "estimate_days")
#: What the ``kept_links`` answers read of an item.
LINK_FIELDS = ("id", "depends_on")

#: How much of the kept answers still serve the items now (``_what_serves``).
_ALL, _LINKS = "all", "links"


def attach(board: Board, read: Callable[[], bytes | None], items: list[Item] | None = None) -> None:
    """Keep with ``board``, as loaded, what reads its kept answers (``compute``'s bytes, or None
    when they are gone) for its first analysis; ``items``: those the answers were worked out from,
    when not ``board``'s own."""
    board.__dict__[_KEY] = (list(board.items if items is None else items), read)


def _what_serves(now: list[Item], then: list[Item]) -> tuple[str | None, dict[str, Item]]:
    """Which of the kept answers of items ``then`` are those of items ``now``: all of them while
    each item is the same object (records are replaced, never mutated) or equal in every field
    the answers read; the ``kept_links`` ones while the ids and dependencies are equal; else none.
    With the ``kept_links`` ones, the items of ``then`` whose other fields differ, by id."""
    changed: dict[str, Item] = {}
    if len(now) != len(then):
        return None, changed
    if all(map(operator.is_, now, then)):
        return _ALL, changed
    graph, links = operator.attrgetter(*GRAPH_FIELDS), operator.attrgetter(*LINK_FIELDS)
    for a, b in zip(now, then):
        if a is b or graph(a) == graph(b):
            continue
        if links(a) != links(b):
            return None, {}
        changed[b.id] = b
    return (_LINKS if changed else _ALL), changed


def same_links(a: Analysis, b: Analysis) -> bool:
    """Whether two analyses are of items with the same ids and dependencies, in the same order
    (what a status or an estimate edit leaves as it was): at once when the later one was given
    the other's link answers, else by comparing the items."""
    topo = a.__dict__.get("_topo")
    if topo is not None and topo is b.__dict__.get("_topo"):
        return True
    if a.duplicates or b.duplicates:
        return False
    return _what_serves(list(a.items.values()), list(b.items.values()))[0] is not None


def take(analysis: Analysis) -> tuple[dict[str, bytes] | None, Delta | None]:
    """The answers kept with the analysed board, each pickled (see ``kept``), when the board
    still holds the items they were worked out from; taken once, by the first analysis. When
    only statuses or estimates changed since: the ``kept_links`` ones, and the others as the
    ground of a ``Delta`` when few items changed."""
    found = analysis.board.__dict__.pop(_KEY, None)
    if found is None:
        return None, None
    items, read = found
    serves, changed = _what_serves(analysis.board.items, items)
    if serves is None:
        return None, None
    data = read()
    if data is None:
        return None, None
    try:
        blobs = pickle.loads(data)  # noqa: S301 - our own file, checked as the entry is
    except Exception:  # noqa: BLE001 - a damaged file only means working the answers out
        return None, None
    if not isinstance(blobs, dict) or set(blobs) != set(kept_names(type(analysis))):
        return None, None
    if serves == _ALL:
        return blobs, None
    links = {name: blobs.pop(name) for name in kept_names(type(analysis), links_only=True)}
    if analysis.duplicates or not worth_it(len(changed), len(items)):
        return links, None
    return links, Delta(_Unpickled(blobs), changed)


class _Unpickled:
    """The ``Priors`` of a command: name -> the value of a pickled answer, unpickled once, when
    first asked for (None when missing or damaged)."""

    def __init__(self, blobs: dict[str, bytes]) -> None:
        self._blobs = blobs
        self._values: dict[str, Any] = {}

    def get(self, name: str, /) -> Any:
        if name not in self._values:
            blob = self._blobs.pop(name, None)
            try:
                self._values[name] = None if blob is None else pickle.loads(blob)  # noqa: S301 - as in ``take``
            except Exception:  # noqa: BLE001 - a damaged answer only means working it out
                self._values[name] = None
        return self._values[name]

    def pop(self, name: str, default: None, /) -> Any:
        self._blobs.pop(name, None)
        return self._values.pop(name, default)


def has_seed(board: Board) -> bool:
    """Whether ``board`` was loaded with kept answers no analysis has taken yet."""
    return _KEY in board.__dict__


#: Answers that read only the links and are not kept in the cache (cheaper to compute than to
#: load there), but free to share in memory.
_LINKS_IN_MEMORY = ("_succ", "_knots", "_board_pos", "_rank")


class LinkAnswers:
    """An analysis' answers that read only the links (the edges, the order, the cycles, who
    depends on whom), and the links they were worked out from: the app gives them to the next
    analysis when an edit left every item's id and dependencies as they were (a status or an
    estimate: ~40 ms at 10,000 items per key in the panes that read the analysis). Those answers
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
        serves, changed = _what_serves(list(analysis.items.values()), list(then.values()))
        if serves is None:
            return False
        mine = analysis.__dict__
        for name, value in self.answers.items():
            mine.setdefault(name, value)
        if serves == _ALL:  # no status or estimate changed either (a title, an owner): all serve
            for name, value in self.statuses.items():
                mine.setdefault(name, value)
        elif self.statuses and worth_it(len(changed), len(then)):
            analysis._delta = Delta(dict(self.statuses), changed)  # its own map: it lets go of them
        return True
