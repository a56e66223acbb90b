"""Dependency analysis of a board: ready, waiting and blocked work, waves, cycles, critical path.

Every surface (backlog, detail, matrix, plan, standup, report, ``order``, ``export``, the filter)
reads these answers; the words mean one thing each:

* **blocked**: an open item whose status is ``blocked`` (someone said it cannot move);
* **waiting**: an open item with a dependency that is not closed, or that names no item;
* **ready**: an item in ``todo`` with every dependency closed, placed in the plan (below);
* **unplaced**: an open item on a dependency cycle, behind one, naming an unknown dependency or
  behind such an item: it has no wave, no schedule and is never ready, and the plan lists why.

The graph has an edge ``dep -> item`` for every ``item.depends_on`` entry that names a known item.
The passes every command needs (topological order, waves, critical path) run over plain adjacency
dicts; networkx is imported only for what it does best and rarely runs: the strongly connected
components and cycle paths when the topological pass finds a knot, closures, and the graph object
the UI can ask for. Building a networkx graph of 10,000 items costs more than the whole pass.

The rule for one item's state lives in ``item_state``, the schedule and critical path in
``schedule``, the knots in ``cycles``, risk coverage and the recorded matrix in ``coverage``; every
name is importable from here.
"""

from __future__ import annotations

import datetime as dt
from functools import cached_property
from typing import TYPE_CHECKING

from readiness_tui.core.analysis import chains, coverage, cycles, schedule
from readiness_tui.core.analysis import kept as handed
from readiness_tui.core.analysis.coverage import MatrixDisagreement as MatrixDisagreement
from readiness_tui.core.analysis.coverage import RiskStatus as RiskStatus
from readiness_tui.core.analysis.cycles import Knots
from readiness_tui.core.analysis.item_state import BEHIND_CYCLE as BEHIND_CYCLE
from readiness_tui.core.analysis.item_state import BEHIND_UNKNOWN as BEHIND_UNKNOWN
from readiness_tui.core.analysis.item_state import ON_CYCLE as ON_CYCLE
from readiness_tui.core.analysis.item_state import UNKNOWN_DEP as UNKNOWN_DEP
from readiness_tui.core.analysis.item_state import FactSets as FactSets
from readiness_tui.core.analysis.item_state import ItemState as ItemState
from readiness_tui.core.analysis.item_state import is_overdue as is_overdue
from readiness_tui.core.analysis.item_state import item_state as item_state
from readiness_tui.core.analysis.item_state import open_dependencies
from readiness_tui.core.analysis.kept import kept, kept_links
from readiness_tui.core.analysis.schedule import CriticalPath as CriticalPath
from readiness_tui.core.analysis.schedule import Schedule as Schedule
from readiness_tui.core.analysis.schedule import ScheduleRow as ScheduleRow
from readiness_tui.core.model.board import CLOSED, PRIORITIES, Board, Item

if TYPE_CHECKING:
    from collections.abc import Mapping

    import networkx as nx

PRIORITY_RANK = {p: n for n, p in enumerate(PRIORITIES)}


class Analysis:
    """Everything derived from a board's dependencies; computed lazily, once per board state."""

    def __init__(self, board: Board, today: dt.date | None = None):
        self.board = board
        self.items: dict[str, Item] = {}
        self.duplicates: list[str] = []
        for it in board.items:
            if it.id in self.items:
                self.duplicates.append(it.id)
            else:
                self.items[it.id] = it
        self.today = today or board.today()
        # A board's loader may have handed over answers kept for it (``kept.take``).
        self._kept, self._delta = handed.take(self)

    # ------------------------------------------------------------------ graph
    @cached_property
    def _succ(self) -> dict[str, list[str]]:
        """Item -> items that depend on it (known items only, no duplicates)."""
        succ: dict[str, list[str]] = {i: [] for i in self.items}
        for i, deps in self._pred.items():
            for dep in deps:
                succ[dep].append(i)
        return succ

    @kept_links
    def _edges(self) -> tuple[dict[str, list[str]], list[tuple[str, str]]]:
        """Known dependencies per item (without duplicates) and the references that name no
        item, in one pass (each pass reads every record)."""
        items = self.items
        pred: dict[str, list[str]] = {}
        unknown: list[tuple[str, str]] = []
        for i, it in items.items():
            deps = it.depends_on
            if not deps:
                pred[i] = []
                continue
            known = [d for d in deps if d in items]
            if len(known) != len(deps):
                unknown.extend((i, d) for d in deps if d not in items)
            if len(known) > 1 and len(set(known)) != len(known):
                known = list(dict.fromkeys(known))
            pred[i] = known
        return pred, unknown

    @property
    def _pred(self) -> dict[str, list[str]]:
        """Item -> its known dependencies, without duplicates."""
        return self._edges[0]

    @cached_property
    def graph(self) -> nx.DiGraph[str]:
        import networkx as nx

        g: nx.DiGraph[str] = nx.DiGraph()
        g.add_nodes_from(self.items)
        g.add_edges_from((dep, i) for i, deps in self._pred.items() for dep in deps)
        return g

    @property
    def unknown_dependencies(self) -> list[tuple[str, str]]:
        """(item, reference) for every dependency that names no item."""
        return self._edges[1]

    @kept_links
    def _topo(self) -> tuple[list[list[str]], list[str]]:
        """Topological generations of the whole graph, and the nodes left over by cycles."""
        return self._generations(set(self.items))

    def _generations(self, nodes: set[str]) -> tuple[list[list[str]], list[str]]:
        succ, pred = self._succ, self._pred
        if len(nodes) == len(self.items):
            indeg = {n: len(pred[n]) for n in self.items}
        else:
            indeg = {n: sum(1 for d in pred[n] if d in nodes) for n in self.items if n in nodes}
        layer = [n for n, d in indeg.items() if d == 0]
        gens: list[list[str]] = []
        seen = 0
        while layer:
            gens.append(layer)
            seen += len(layer)
            nxt = []
            for n in layer:
                for s in succ[n]:
                    if s not in indeg:
                        continue
                    indeg[s] -= 1
                    if indeg[s] == 0:
                        nxt.append(s)
            layer = nxt
        leftover = [n for n, d in indeg.items() if d > 0] if seen < len(indeg) else []
        return gens, leftover

    @kept_links
    def cycles(self) -> list[list[str]]:
        """One cycle per knot of mutually dependent items, as a closed path [a, b, ..., a].

        The path follows "depends on": ``a`` depends on ``b`` ... depends on ``a``.
        """
        return cycles.cycle_paths(self._knots, self._board_pos)

    @kept_links
    def cycle_edges(self) -> set[tuple[str, str]]:
        """(item, dependency) pairs that lie on a cycle."""
        return cycles.cycle_edges(self._knots, self._pred, self._succ)

    @cached_property
    def _knots(self) -> Knots:
        return cycles.knots(self._pred, self._topo[1])

    def order(self) -> list[str]:
        """A topological order (dependencies first); items on cycles come last, in board order."""
        gens, leftover = self._topo
        out = [n for g in gens for n in g]
        return out + leftover

    # ------------------------------------------------------------------ status
    @kept
    def _closed(self) -> frozenset[str]:
        return frozenset(i for i, it in self.items.items() if it.status in CLOSED)

    @kept
    def _open_deps(self) -> dict[str, tuple[str, ...]]:
        """Item -> its dependencies that are not closed (unknown ids count as open), computed once."""
        closed = self._closed
        return {i: open_dependencies(it, closed) for i, it in self.items.items()}

    def is_satisfied(self, dep: str) -> bool:
        return dep in self._closed

    @property
    def closed(self) -> frozenset[str]:
        """The ids of the closed items."""
        return self._closed

    def open_dep_count(self, item_id: str) -> int:
        return self._states[item_id].open_deps if item_id in self._states else 0

    @cached_property
    def open_dep_counts(self) -> dict[str, int]:
        """Item -> how many of its dependencies are not closed, for the items with any (one pass)."""
        return {i: s.open_deps for i, s in self._states.items() if s.open_deps}

    def open_dependencies(self, item_id: str) -> list[str]:
        return list(self._open_deps[item_id])

    @kept_links
    def on_cycle(self) -> frozenset[str]:
        """Every item on a dependency cycle (all members of each knot, not one path through it)."""
        _, leftover = self._topo
        if not leftover:
            return frozenset()
        out: set[str] = set()
        for item, dep in self.cycle_edges:
            out.add(item)
            out.add(dep)
        return frozenset(out)

    @cached_property
    def behind_cycle(self) -> frozenset[str]:
        """Items that depend, directly or not, on an item on a cycle (and are not on one)."""
        _, leftover = self._topo
        return frozenset(leftover) - self.on_cycle

    @cached_property
    def names_unknown(self) -> frozenset[str]:
        """Items with a dependency that names no item."""
        return frozenset(i for i, _ in self.unknown_dependencies)

    @kept
    def _stuck_reason(self) -> dict[str, str]:
        """Item (open or closed) -> why it has no place in the plan."""
        out: dict[str, str] = {}
        for i in self.on_cycle:
            out[i] = ON_CYCLE
        for i in self.behind_cycle:
            out[i] = BEHIND_CYCLE
        # A closed item's mistyped dependency holds nothing up: start from open items, go through open.
        items = self.items
        stack = [i for i in self.names_unknown if items[i].status not in CLOSED]
        for i in stack:
            out.setdefault(i, UNKNOWN_DEP)
        succ = self._succ
        while stack:
            n = stack.pop()
            for s in succ[n]:
                if s not in out and items[s].status not in CLOSED:
                    out[s] = BEHIND_UNKNOWN
                    stack.append(s)
        return out

    @cached_property
    def stuck(self) -> frozenset[str]:
        """Items (open or closed) on or behind a cycle or an unknown dependency."""
        return frozenset(self._stuck_reason)

    @cached_property
    def unplaced(self) -> dict[str, str]:
        """Open item -> why it has no wave, no schedule and is never ready, in board order."""
        r = self._stuck_reason
        return {i: r[i] for i, it in self.items.items() if i in r and it.status not in CLOSED}

    @kept
    def _states(self) -> dict[str, ItemState]:
        get, stuck = self.items.get, self._stuck_reason
        return {i: item_state(it, get, i in stuck) for i, it in self.items.items()}

    @kept
    def _by_state(self) -> tuple[list[str], list[str], list[str]]:
        ready: list[str] = []
        waiting: list[str] = []
        blocked: list[str] = []
        for i, s in self._states.items():
            if s.ready:
                ready.append(i)
            if s.waiting:
                waiting.append(i)
            if s.blocked:
                blocked.append(i)
        return ready, waiting, blocked

    @property
    def ready(self) -> list[str]:
        """Items in todo whose dependencies are all closed and that have a place in the plan."""
        return self._by_state[0]

    @property
    def waiting(self) -> list[str]:
        """Open items with a dependency that is not closed (or that names no item)."""
        return self._by_state[1]

    @property
    def blocked(self) -> list[str]:
        """Open items whose status is ``blocked``."""
        return self._by_state[2]

    @cached_property
    def fact_sets(self) -> FactSets:
        """``ready``, ``blocked``, ``waiting`` and ``overdue`` as sets, built once per analysis: a
        command that reads every item's facts asks each item of them (linear, not items x lists)."""
        return FactSets(
            frozenset(self.ready), frozenset(self.blocked), frozenset(self.waiting), frozenset(self.overdue)
        )

    def blocking_chain(self, item_id: str) -> list[list[str]]:
        """For each open dependency, the chain down to a root cause (see ``chains``)."""
        return chains.blocking_chains(self._open_deps, item_id)

    def root_causes(self, item_id: str) -> list[str]:
        """The open items at the bottom of each blocking chain (memoised: linear over a board)."""
        od, memo = self._open_deps, self._roots
        return list(dict.fromkeys(chains.root_of(od, memo, d, self.on_cycle) for d in od[item_id]))

    @kept
    def _roots(self) -> dict[str, str]:
        return {}

    @cached_property
    def children(self) -> dict[str, list[str]]:
        """Item id -> ids of the items that name it as parent, in board order."""
        out: dict[str, list[str]] = {}
        for it in self.items.values():
            if it.parent is not None:
                out.setdefault(it.parent, []).append(it.id)
        return out

    def dependents(self, item_id: str) -> list[str]:
        """Items that directly depend on ``item_id``."""
        return list(self._succ.get(item_id, ()))

    def dependents_closure(self, item_id: str) -> set[str]:
        """Everything that slips if ``item_id`` slips."""
        if item_id not in self.items:
            return set()
        import networkx as nx

        return nx.descendants(self.graph, item_id)

    def waves(self, include_closed: bool = False) -> list[list[str]]:
        """Execution waves: wave 1 can start now, wave 2 once wave 1 is done, and so on.

        Closed items are left out unless ``include_closed`` (then the waves describe the whole plan).
        Unplaced items (on or behind a cycle or an unknown dependency) never get a wave: see
        ``unplaced``.
        """
        found = self._wave_cache.get(include_closed)
        if found is None:
            stuck = self._stuck_reason
            nodes = {
                i for i, it in self.items.items() if i not in stuck and (include_closed or it.status not in CLOSED)
            }
            gens, _ = self._generations(nodes)
            found = self._wave_cache[include_closed] = [sorted(g, key=self._board_pos.__getitem__) for g in gens]
        return [list(g) for g in found]  # the caller's own lists: the kept ones are never handed out

    @kept
    def _wave_cache(self) -> dict[bool, list[list[str]]]:
        """``waves`` by include_closed."""
        return {}

    @cached_property
    def _rank(self) -> dict[str, int]:
        """Item -> its topological generation (items on or behind a cycle have none): an item's
        is above each of its dependencies', so passes around a few items go in this order."""
        return {n: k for k, g in enumerate(self._topo[0]) for n in g}

    @cached_property
    def _board_pos(self) -> dict[str, int]:
        return {i: n for n, i in enumerate(self.items)}

    def board_positions(self) -> Mapping[str, int]:
        """Item id -> its place among ``items`` (board order), made once per analysis and shared
        by whoever needs it: read it, never change it."""
        return self._board_pos

    # ------------------------------------------------------------------ schedule
    @kept
    def critical_path(self) -> CriticalPath:
        """Critical path over the remaining estimates (see ``schedule.critical_path``). Unplaced
        items (on or behind a cycle or an unknown dependency) have no schedule."""
        gens, _ = self._topo
        stuck = self._stuck_reason
        if not stuck:  # the common case: every item is placed, the graph needs no filtering
            order = [n for g in gens for n in g]
            return schedule.critical_path(self.items, order, self._pred, self._succ, self._board_pos, self.parents)
        order = [n for g in gens for n in g if n not in stuck]
        pred = {n: [p for p in self._pred[n] if p not in stuck] for n in order}
        succ = {n: [x for x in self._succ[n] if x not in stuck] for n in order}
        return schedule.critical_path(self.items, order, pred, succ, self._board_pos, self.parents)

    @cached_property
    def parents(self) -> frozenset[str]:
        """The items with children (``core.tree``): containers of work, not units of it."""
        from readiness_tui.core.analysis.tree import tree_of

        return frozenset(tree_of(self).children)

    # ------------------------------------------------------------------ dates and scores
    @cached_property
    def overdue(self) -> list[str]:
        today = self.today
        return [it.id for it in self.items.values() if is_overdue(it, today)]

    def score(self, item_id: str) -> int | None:
        return self.items[item_id].total_score

    @cached_property
    def ranking(self) -> list[str]:
        """Open items by priority, then score, then how much depends on them, then board order."""
        reach = self._reach_counts

        def key(it: Item) -> tuple[int, int, int, int]:
            return (
                PRIORITY_RANK.get(it.priority or "", len(PRIORITIES)),
                -(it.total_score or 0),
                -reach.get(it.id, 0),
                self._board_pos[it.id],
            )

        return [it.id for it in sorted((i for i in self.items.values() if i.status not in CLOSED), key=key)]

    @cached_property
    def _reach_counts(self) -> dict[str, int]:
        # Direct dependents only: the full closure for every node is quadratic on large boards.
        return {n: len(s) for n, s in self._succ.items()}

    # ------------------------------------------------------------------ risks
    @cached_property
    def risk_status(self) -> list[RiskStatus]:
        return coverage.risk_status(self.board.risks, self.items)

    @cached_property
    def uncovered_risks(self) -> list[str]:
        return [r.id for r in self.risk_status if r.state == "uncovered"]

    def risks_for(self, item_id: str) -> list[str]:
        return [r.id for r in self.board.risks if item_id in r.mitigated_by]

    # ------------------------------------------------------------------ matrix
    def matrix_order(self) -> list[str]:
        if self.board.matrix and self.board.matrix.order:
            return list(self.board.matrix.order)
        return list(self.items)

    def derived_matrix(self, order: list[str] | None = None) -> list[list[int]]:
        return coverage.derived_matrix(self.items, order or self.matrix_order())

    @cached_property
    def matrix_disagreements(self) -> list[MatrixDisagreement]:
        return coverage.matrix_disagreements(self.board.matrix, self.items)

    # ------------------------------------------------------------------ roll-ups
    def progress(self, ids: list[str]) -> tuple[int, int]:
        """(closed, total) over the given ids that name items; cancelled counts as closed."""
        known = [i for i in ids if i in self.items]
        return sum(1 for i in known if self.items[i].status in CLOSED), len(known)

    def counts_by_status(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for it in self.items.values():
            counts[it.status] = counts.get(it.status, 0) + 1
        return counts
