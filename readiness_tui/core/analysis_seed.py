"""A board's analysis kept beside its parse-cache entry, so that a command on an unchanged board
loads the answers instead of working them out again.

Every command that reads an analysis (``order``, ``export``, ``lint``, the app's backlog) pays for
the graph passes: ~0.09 s at 10,000 items, ~1.5 s at 100,000, where loading the same answers takes
a fifth of that. The cache's writer (a forked child, after the output is out) works them out from
the board it writes, and ``board_cache`` keeps them in a file of their own beside the entry, under
the entry's key and a digest of the code that computes them.

Only answers that follow from the items alone are kept (not what depends on today, the risks or
the matrix), and they are planted only in an analysis of the very board they were loaded with,
holding the very same item objects in the same order: records are replaced, never mutated, so an
edit of the board in place (the store) shows as another object in the list, and the kept answers
are then dropped. They are planted once, in the first analysis made of that board.
"""

from __future__ import annotations

import operator
import pickle
import sys
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .analysis import Analysis
    from .model import Board

#: The cached properties of ``Analysis`` that are kept: each follows from the items alone, and
#: loading it costs less than computing it (``_succ`` and ``_board_pos`` cost less to compute).
SEEDED = (
    "_edges",
    "_topo",
    "cycles",
    "cycle_edges",
    "on_cycle",
    "_stuck_reason",
    "_states",
    "_by_state",
    "critical_path",
    "_closed",
    "_open_deps",
    "_roots",
    "_wave_cache",
)

#: The modules whose code decides those answers: a change to any of them makes every seed stale.
_ANALYSIS_MODULES = ("analysis", "analysis_seed", "item_state", "schedule", "chains", "cycles")

#: Where a loaded seed waits in the board's ``__dict__`` (never a field: not dumped, copied or compared).
_KEY = "_analysis_seed"


@lru_cache(maxsize=1)
def digest() -> bytes:
    """A digest of the code that computes the kept answers."""
    from .cache_files import source_digest

    return source_digest(_ANALYSIS_MODULES).encode()


def compute(board: Board, may_import: bool = True) -> bytes | None:
    """The kept answers of ``board``, pickled; None when working them out would need an import
    that ``may_import`` forbids (a forked child of a process with threads must not import)."""
    if not may_import and f"{__package__}.analysis" not in sys.modules:
        return None
    from .analysis import Analysis

    a = Analysis(board)
    if a._topo[1] and not may_import and "networkx" not in sys.modules:
        return None  # the knots are found with networkx
    for name in SEEDED:
        getattr(a, name)
    for item_id in a.waiting:
        a.root_causes(item_id)  # fills ``_roots``: ``order`` asks for every waiting item's
    a.waves()
    a.waves(include_closed=True)
    a.critical_path.schedule.slacks()  # kept with the schedule: ``export`` reads them
    kept = {name: a.__dict__[name] for name in SEEDED}
    return pickle.dumps(kept, protocol=pickle.HIGHEST_PROTOCOL)


def attach(board: Board, data: bytes) -> None:
    """Keep ``data`` (``compute``'s) with ``board``, as loaded, for its first analysis."""
    board.__dict__[_KEY] = (list(board.items), data)


def plant(analysis: Analysis) -> bool:
    """Put the answers kept with the analysed board into ``analysis`` when the board still holds
    the items they were worked out from (once: the seed is taken). Whether it did."""
    found = analysis.board.__dict__.pop(_KEY, None)
    if found is None:
        return False
    items, data = found
    now = analysis.board.items
    if len(now) != len(items) or not all(map(operator.is_, now, items)):
        return False
    try:
        kept = pickle.loads(data)  # noqa: S301 - our own entry, checked by board_cache
    except Exception:  # noqa: BLE001 - a damaged seed only means working the answers out
        return False
    if not isinstance(kept, dict) or set(kept) != set(SEEDED):
        return False
    analysis.__dict__.update(kept)
    return True


def has_seed(board: Board) -> bool:
    """Whether ``board`` was loaded with kept answers not yet planted."""
    return _KEY in board.__dict__
