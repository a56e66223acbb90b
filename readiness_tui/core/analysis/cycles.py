"""Dependency cycles: the knots the topological pass could not place, as paths and as edges.

Only the items the pass left over are looked at (a board without a knot never gets here), and
networkx is imported only then: its strongly connected components and ``find_cycle`` do what it
does best, on a graph of the knotted part alone rather than the whole board.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import networkx as nx


#: The knotted part's graph and its strongly connected parts (no graph when nothing is knotted).
Knots = tuple["nx.DiGraph[str] | None", list[set[str]]]


def knots(pred: Mapping[str, list[str]], leftover: list[str]) -> Knots:
    """The graph of the left-over items (edge ``dep -> item``) and its strongly connected parts;
    built once per analysis, for both the paths and the edges."""
    if not leftover:
        return None, []
    import networkx as nx

    inside = set(leftover)
    g: nx.DiGraph[str] = nx.DiGraph()
    g.add_nodes_from(leftover)
    g.add_edges_from((dep, i) for i in leftover for dep in pred[i] if dep in inside)
    return g, list(nx.strongly_connected_components(g))


def cycle_paths(found: Knots, pos: Mapping[str, int]) -> list[list[str]]:
    """One closed path [a, b, ..., a] per knot, following "depends on", each starting at its
    earliest item in board order and listed in board order (the same report every run)."""
    g, comps = found
    if g is None or not comps:
        return []
    import networkx as nx

    out = []
    for comp in comps:
        if len(comp) == 1:
            (n,) = comp
            if not g.has_edge(n, n):
                continue
        # Set order varies with hash randomisation: start from the earliest item in board order.
        start = min(comp, key=pos.__getitem__)
        edges = nx.find_cycle(g.subgraph(comp), source=start)
        path = [u for u, _ in edges] + [edges[0][0]]
        path.reverse()  # follow "depends on" rather than "is needed by"
        k = min(range(len(path) - 1), key=lambda i: pos[path[i]])
        out.append(path[k:-1] + path[:k] + [path[k]])
    return sorted(out, key=lambda c: pos[c[0]])


def cycle_edges(found: Knots, pred: Mapping[str, list[str]], succ: Mapping[str, list[str]]) -> set[tuple[str, str]]:
    """(item, dependency) pairs that lie on a cycle."""
    edges: set[tuple[str, str]] = set()
    for comp in found[1]:
        if len(comp) == 1:
            # Items merely downstream of a knot are their own part: no cycle edge unless they
            # depend on themselves.
            (n,) = comp
            if n in pred[n]:
                edges.add((n, n))
            continue
        for u in comp:
            for v in succ[u]:
                if v in comp:
                    edges.add((v, u))
    return edges
