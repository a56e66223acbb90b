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
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, NamedTuple

from .model import CLOSED, PRIORITIES, Board, Item

if TYPE_CHECKING:
    import networkx as nx

PRIORITY_RANK = {p: n for n, p in enumerate(PRIORITIES)}

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


def item_state(item: Item, get: Callable[[str], Item | None], unplaced: bool) -> ItemState:
    """The rule for ready / waiting / blocked, written once: the analysis runs it over the board
    and the backlog over the items an edit touched. ``unplaced``: the item is on or behind a
    cycle or an unknown dependency (a property of the graph, not of the item)."""
    n = 0
    for d in item.depends_on:
        dep = get(d)
        if dep is None or dep.status not in CLOSED:
            n += 1
    if item.status in CLOSED:
        return ItemState(n, False, False, False)
    return ItemState(n, item.status == "todo" and not n and not unplaced, n > 0, item.status == "blocked")


def is_overdue(item: Item, today: dt.date) -> bool:
    return item.status not in CLOSED and item.due is not None and item.due < today


@dataclass(slots=True)
class ScheduleRow:
    """Earliest/latest start and finish (in days from now) of one open item, and its slack."""

    id: str
    duration: float
    es: float
    ef: float
    ls: float
    lf: float

    @property
    def slack(self) -> float:
        return round(self.ls - self.es, 6)


class Schedule(Mapping[str, ScheduleRow]):
    """Item id -> ScheduleRow, built on access: a board of 100,000 items would otherwise allocate
    a row object per item that almost nobody reads."""

    def __init__(
        self,
        order: list[str],
        dur: dict[str, float],
        es: dict[str, float],
        ef: dict[str, float],
        ls: dict[str, float],
        lf: dict[str, float],
    ) -> None:
        self._order, self._dur, self._es, self._ef, self._ls, self._lf = order, dur, es, ef, ls, lf

    def __getitem__(self, key: str) -> ScheduleRow:
        if key not in self._es:
            raise KeyError(key)
        return ScheduleRow(key, self._dur[key], self._es[key], self._ef[key], self._ls[key], self._lf[key])

    def __iter__(self) -> Iterator[str]:
        return iter(self._order)

    def __len__(self) -> int:
        return len(self._order)

    def __contains__(self, key: object) -> bool:
        return key in self._es


@dataclass
class CriticalPath:
    ids: list[str]
    total_days: float
    schedule: Mapping[str, ScheduleRow] = field(default_factory=dict)
    #: Open items with no estimate, counted as zero days (only when ``unit == "days"``).
    unestimated: list[str] = field(default_factory=list)
    #: "days" when any open item is estimated; "items" when none is, and each open item counts
    #: as one unit (the path is then the longest chain of open items, not a duration).
    unit: str = "days"

    @property
    def length_text(self) -> str:
        """``12 days`` or ``5 items (no estimates: each open item counts as one unit)``."""
        if self.unit == "items":
            n = int(self.total_days)
            return f"{n} item{'s' if n != 1 else ''} (no estimates: each open item counts as one unit)"
        return f"{self.total_days:g} days"


@dataclass
class RiskStatus:
    id: str
    title: str
    mitigated_by: list[str]
    unknown: list[str]
    state: str  # uncovered | open | in_progress | mitigated


@dataclass
class MatrixDisagreement:
    row: str
    col: str
    recorded: int
    derived: int


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

    # ------------------------------------------------------------------ graph
    @cached_property
    def _succ(self) -> dict[str, list[str]]:
        """Item -> items that depend on it (known items only, no duplicates)."""
        succ: dict[str, list[str]] = {i: [] for i in self.items}
        for i, deps in self._pred.items():
            for dep in deps:
                succ[dep].append(i)
        return succ

    @cached_property
    def _pred(self) -> dict[str, list[str]]:
        """Item -> its known dependencies, without duplicates."""
        items = self.items
        out: dict[str, list[str]] = {}
        for i, it in items.items():
            deps = it.depends_on
            if len(deps) > 1 and len(set(deps)) != len(deps):
                deps = list(dict.fromkeys(deps))
            out[i] = [d for d in deps if d in items]
        return out

    @cached_property
    def graph(self) -> nx.DiGraph[str]:
        import networkx as nx

        g: nx.DiGraph[str] = nx.DiGraph()
        g.add_nodes_from(self.items)
        g.add_edges_from((dep, i) for i, deps in self._pred.items() for dep in deps)
        return g

    @cached_property
    def unknown_dependencies(self) -> list[tuple[str, str]]:
        """(item, reference) for every dependency that names no item."""
        return [(it.id, d) for it in self.items.values() for d in it.depends_on if d not in self.items]

    @cached_property
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

    @cached_property
    def cycles(self) -> list[list[str]]:
        """One cycle per knot of mutually dependent items, as a closed path [a, b, ..., a].

        The path follows "depends on": ``a`` depends on ``b`` ... depends on ``a``.
        """
        _, leftover = self._topo
        if not leftover:
            return []
        import networkx as nx

        sub = self.graph.subgraph(leftover)
        out = []
        pos = self._board_pos
        for comp in nx.strongly_connected_components(sub):
            if len(comp) == 1:
                (n,) = comp
                if not sub.has_edge(n, n):
                    continue
            # Start from the earliest item in board order so the report is the same every run
            # (set order varies with hash randomisation).
            start = min(comp, key=pos.__getitem__)
            edges = nx.find_cycle(sub.subgraph(comp), source=start)
            path = [u for u, _ in edges] + [edges[0][0]]
            path.reverse()  # follow "depends on" rather than "is needed by"
            k = min(range(len(path) - 1), key=lambda i: pos[path[i]])
            out.append(path[k:-1] + path[:k] + [path[k]])
        return sorted(out, key=lambda c: pos[c[0]])

    @cached_property
    def cycle_edges(self) -> set[tuple[str, str]]:
        """(item, dependency) pairs that lie on a cycle."""
        edges: set[tuple[str, str]] = set()
        _, leftover = self._topo
        if not leftover:
            return edges
        import networkx as nx

        sub = self.graph.subgraph(leftover)
        for comp in nx.strongly_connected_components(sub):
            if len(comp) == 1:
                # Nodes merely downstream of a knot are their own component: no cycle edge
                # unless they depend on themselves (and a subgraph per node costs ~30 µs).
                (n,) = comp
                if n in self._pred[n]:
                    edges.add((n, n))
                continue
            for u in comp:
                for v in self._succ[u]:
                    if v in comp:
                        edges.add((v, u))
        return edges

    def order(self) -> list[str]:
        """A topological order (dependencies first); items on cycles come last, in board order."""
        gens, leftover = self._topo
        out = [n for g in gens for n in g]
        return out + leftover

    # ------------------------------------------------------------------ status
    @cached_property
    def _closed(self) -> frozenset[str]:
        return frozenset(i for i, it in self.items.items() if it.status in CLOSED)

    @cached_property
    def _open_deps(self) -> dict[str, list[str]]:
        """Item -> its dependencies that are not closed (unknown ids count as open), computed once."""
        closed = self._closed
        return {i: [d for d in it.depends_on if d not in closed] for i, it in self.items.items()}

    def is_satisfied(self, dep: str) -> bool:
        return dep in self._closed

    def open_dep_count(self, item_id: str) -> int:
        return self._states[item_id].open_deps if item_id in self._states else 0

    def open_dependencies(self, item_id: str) -> list[str]:
        return list(self._open_deps[item_id])

    @cached_property
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

    @cached_property
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

    @cached_property
    def _states(self) -> dict[str, ItemState]:
        get, stuck = self.items.get, self._stuck_reason
        return {i: item_state(it, get, i in stuck) for i, it in self.items.items()}

    @cached_property
    def ready(self) -> list[str]:
        """Items in todo whose dependencies are all closed and that have a place in the plan."""
        return [i for i, s in self._states.items() if s.ready]

    @cached_property
    def waiting(self) -> list[str]:
        """Open items with a dependency that is not closed (or that names no item)."""
        return [i for i, s in self._states.items() if s.waiting]

    @cached_property
    def blocked(self) -> list[str]:
        """Open items whose status is ``blocked``."""
        return [i for i, s in self._states.items() if s.blocked]

    def blocking_chain(self, item_id: str) -> list[list[str]]:
        """For each open dependency, the chain down to a root cause: [item, dep, ..., root].

        A root is an open item whose own dependencies are all closed (or an id that names nothing).
        The chain follows the first open dependency at each step.
        """
        od = self._open_deps
        chains: list[list[str]] = []
        for dep in od[item_id]:
            chain = [item_id, dep]
            seen = {item_id, dep}
            cur = dep
            while cur in od:
                nxt = next((d for d in od[cur] if d not in seen), None)
                if nxt is None:
                    break
                cur = nxt
                seen.add(cur)
                chain.append(cur)
            chains.append(chain)
        return chains

    def root_causes(self, item_id: str) -> list[str]:
        """The open items at the bottom of each blocking chain (memoised: linear over a board)."""
        return list(dict.fromkeys(self._root_of(d) for d in self._open_deps[item_id]))

    def _root_of(self, start: str) -> str:
        """Where following first open dependencies from ``start`` ends; a cycle ends where it closes."""
        memo = self._roots
        od = self._open_deps
        path: list[str] = []
        on_path: set[str] = set()
        cur = start
        while cur not in memo:
            path.append(cur)
            on_path.add(cur)
            nxt = next((d for d in od.get(cur, ()) if d not in on_path), None)
            if nxt is None:
                memo[cur] = cur
                break
            cur = nxt
        root = memo[cur]
        for p in path:
            memo.setdefault(p, root)
        return root

    @cached_property
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
        stuck = self._stuck_reason
        nodes = {i for i, it in self.items.items() if i not in stuck and (include_closed or it.status not in CLOSED)}
        gens, _ = self._generations(nodes)
        return [sorted(g, key=self._board_pos.__getitem__) for g in gens]

    @cached_property
    def _board_pos(self) -> dict[str, int]:
        return {i: n for n, i in enumerate(self.items)}

    # ------------------------------------------------------------------ schedule
    @cached_property
    def critical_path(self) -> CriticalPath:
        """Critical path over the remaining estimates (closed items take no time).

        Forward pass ES = max(EF of dependencies), EF = ES + duration; backward pass from the end of
        the project; slack = LS - ES. Unplaced items (on or behind a cycle or an unknown
        dependency) have no schedule. When no open item has an estimate, each open item counts as
        one unit (``unit == "items"``); the two are never mixed.
        """
        gens, _ = self._topo
        stuck = self._stuck_reason
        order = [n for g in gens for n in g if n not in stuck]
        dur: dict[str, float] = {}
        unestimated = []
        open_ids = [n for n in order if self.items[n].status not in CLOSED]
        unit = "days" if any(self.items[n].estimate_days is not None for n in open_ids) else "items"
        for n in order:
            it = self.items[n]
            if it.status in CLOSED:
                dur[n] = 0.0
            elif unit == "items":
                dur[n] = 1.0
            else:
                if it.estimate_days is None:
                    unestimated.append(n)
                dur[n] = float(it.estimate_days or 0.0)
        pred = {n: [p for p in self._pred[n] if p not in stuck] for n in order}
        succ = {n: [x for x in self._succ[n] if x not in stuck] for n in order}
        es: dict[str, float] = {}
        ef: dict[str, float] = {}
        for n in order:
            # Kahn's order emits an item only after all its dependencies, so they all have an EF.
            ps = pred[n]
            start = max([ef[p] for p in ps]) if ps else 0.0
            es[n] = start
            ef[n] = start + dur[n]
        end = max(ef.values(), default=0.0)
        lf: dict[str, float] = {}
        ls: dict[str, float] = {}
        for n in reversed(order):
            ss = succ[n]
            # Dependents on or behind a cycle have no schedule (not in ls).
            finish = min([ls[x] for x in ss if x in ls] or (end,)) if ss else end
            lf[n] = finish
            ls[n] = finish - dur[n]
        schedule = Schedule(order, dur, es, ef, ls, lf)
        path: list[str] = []
        if end > 0:
            # Walk back from the latest finishing critical item along zero-slack predecessors.
            pos = self._board_pos
            ends = [n for n in order if abs(ef[n] - end) < 1e-9 and ls[n] - es[n] <= 1e-9 and dur[n] > 0]
            cur = min(ends, key=pos.__getitem__) if ends else None
            while cur is not None:
                path.append(cur)
                preds = [p for p in pred[cur] if abs(ef[p] - es[cur]) < 1e-9 and ls[p] - es[p] <= 1e-9]
                preds = [p for p in preds if dur[p] > 0] or preds
                cur = min(preds, key=pos.__getitem__) if preds and es[cur] > 0 else None
            path.reverse()
        return CriticalPath(path, end, schedule, unestimated, unit)

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
        out = []
        for r in self.board.risks:
            known = [i for i in r.mitigated_by if i in self.items]
            unknown = [i for i in r.mitigated_by if i not in self.items]
            live = [i for i in known if self.items[i].status != "cancelled"]
            if not live:
                state = "uncovered"
            elif all(self.items[i].status == "done" for i in live):
                state = "mitigated"
            elif any(self.items[i].status in ("in_progress", "review", "done") for i in live):
                state = "in_progress"
            else:
                state = "open"
            out.append(RiskStatus(r.id, r.title, r.mitigated_by, unknown, state))
        return out

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
        order = order or self.matrix_order()
        pos = {i: n for n, i in enumerate(order)}
        rows = [[0] * len(order) for _ in order]
        for r, rid in enumerate(order):
            it = self.items.get(rid)
            if it is None:
                continue
            for d in it.depends_on:
                if d in pos:
                    rows[r][pos[d]] = 1
        return rows

    @cached_property
    def matrix_disagreements(self) -> list[MatrixDisagreement]:
        m = self.board.matrix
        if m is None or not m.order:
            return []
        recorded = m.cells()
        out = []
        for rid in m.order:
            it = self.items.get(rid)
            deps = set(it.depends_on) if it else set()
            for cid in m.order:
                rec = (rid, cid) in recorded
                der = cid in deps
                if rec != der:
                    out.append(MatrixDisagreement(rid, cid, int(rec), int(der)))
        return out

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
