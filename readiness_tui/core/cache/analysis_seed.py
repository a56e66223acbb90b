"""A board's analysis kept beside its parse-cache entry, so that a command on an unchanged board
loads the answers instead of working them out again.

Every command that reads an analysis (``order``, ``export``, ``lint``, the app's backlog) pays for
the graph passes, where loading the same answers costs a fraction of that. The cache's writer (a
forked child, after the output is out) works them
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
import io
import pickle
import sys
from collections.abc import Callable
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from readiness_tui.core.analysis import NOTHING
from readiness_tui.core.analysis.kept import ALL, Kept, attach_seed, kept_names, what_serves

if TYPE_CHECKING:  # imported by the first analysis, not by the load that attaches the seed
    from readiness_tui.core.analysis.analyze import Analysis
    from readiness_tui.core.analysis.delta import Delta
    from readiness_tui.core.model.board import Board, Item


def compute(board: Board, may_import: bool = True) -> bytes | None:
    """The kept answers of ``board``, each pickled apart; None when working them out would need
    an import that ``may_import`` forbids (a forked child of a process with threads must not)."""
    if not may_import and "readiness_tui.core.analysis.analyze" not in sys.modules:
        return None
    from readiness_tui.core.analysis.analyze import Analysis

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
    positions: dict[str, int] = {}
    for n, item in enumerate(board.items):
        positions.setdefault(item.id, n)
    blobs = {name: _dump(a.__dict__[name], positions) for name in names}
    return pickle.dumps(blobs, protocol=pickle.HIGHEST_PROTOCOL)


class _IdsByPosition(pickle.Pickler):
    """Writes each item id an answer holds as the item's position on the board. Unpickled, the
    answers hold the loaded board's own id strings (``_load``): pickled as text, each answer
    brought its own copy of every id it names, some 60,000 strings on a 10,000-item board."""

    def __init__(self, out: io.BytesIO, positions: dict[str, int]) -> None:
        super().__init__(out, protocol=pickle.HIGHEST_PROTOCOL)
        self._positions = positions

    def persistent_id(self, obj: object) -> int | None:
        return self._positions.get(obj) if type(obj) is str else None


def _dump(value: object, positions: dict[str, int]) -> bytes:
    out = io.BytesIO()
    _IdsByPosition(out, positions).dump(value)
    return out.getvalue()


def _load(blob: bytes, ids: list[str]) -> Any:
    """An answer ``_dump`` wrote, its ids those of ``ids`` (the ids of the items it serves, in board
    order: ``what_serves`` holds them equal to those it was worked out from)."""
    unpickler = pickle.Unpickler(io.BytesIO(blob))
    unpickler.persistent_load = ids.__getitem__  # type: ignore[method-assign]  # a builtin: no Python frame per id
    return unpickler.load()


def attach(board: Board, read: Callable[[], bytes | None], items: list[Item] | None = None) -> None:
    """Hand ``board``'s first analysis what reads its kept answers (``compute``'s bytes, or None
    when they are gone); ``items``: those the answers were worked out from, when not ``board``'s own."""
    attach_seed(board, functools.partial(_seed, list(board.items if items is None else items), read))


def _seed(items: list[Item], read: Callable[[], bytes | None], analysis: Analysis) -> tuple[Kept | None, Delta | None]:
    """The answers kept for ``items``, when the analysed board still holds them (``what_serves``);
    when only statuses or estimates changed since: the ``kept_links`` ones, and the others as the
    ground of a ``Delta`` when few items changed."""
    serves, changed = what_serves(analysis.board.items, items)
    if serves is None:
        return None, None
    data = read()
    if data is None:
        return None, None
    try:
        blobs = pickle.loads(data)  # noqa: S301 - our own file, sealed with its digest
    except Exception:  # noqa: BLE001 - a damaged file only means working the answers out
        return None, None
    if not isinstance(blobs, dict) or set(blobs) != set(kept_names(type(analysis))):
        return None, None
    ids = list(map(_item_id, analysis.board.items))
    if serves == ALL:
        return _Unpickled(blobs, ids), None
    links = {name: blobs.pop(name) for name in kept_names(type(analysis), links_only=True)}
    from readiness_tui.core.analysis.delta import Delta, worth_it

    if analysis.duplicates or not worth_it(len(changed), len(items)):
        return _Unpickled(links, ids), None
    return _Unpickled(links, ids), Delta(_Unpickled(blobs, ids), changed)


_item_id = attrgetter("id")


class _Unpickled:
    """The ``Priors`` of a command: name -> the value of a pickled answer, unpickled once, when
    first asked for (None when missing or damaged)."""

    def __init__(self, blobs: dict[str, bytes], ids: list[str]) -> None:
        self._blobs = blobs
        self._ids = ids
        self._values: dict[str, Any] = {}

    def get(self, name: str, /) -> Any:
        if name not in self._values:
            blob = self._blobs.pop(name, None)
            try:
                self._values[name] = None if blob is None else _load(blob, self._ids)
            except Exception:  # noqa: BLE001 - a damaged answer only means working it out
                self._values[name] = None
        return self._values[name]

    def pop(self, name: str, default: None, /) -> Any:
        self._blobs.pop(name, None)
        return self._values.pop(name, default)

    def left(self) -> set[str]:
        """The answers not asked for yet."""
        return set(self._blobs)

    def take(self, name: str, /) -> Any:
        """The answer ``name`` once (``Kept``), or ``NOTHING`` when missing or damaged."""
        value = self.get(name)
        self.pop(name, None)
        return NOTHING if value is None else value
