"""Dependencies read from a drawing, an order or a chart: each waiting item after each first one, reported once."""

from __future__ import annotations

from readiness_tui.core.importers.assembly.builder import Builder


def add_edge(b: Builder, line: int, waiting: list[str], first: list[str], said: str, grouped: bool = False) -> None:
    """``waiting`` after ``first`` (``add_edges``)."""
    add_edges(b, line, [(waiting, first)], said, grouped)


def add_edges(
    b: Builder,
    line: int,
    edges: list[tuple[list[str], list[str]]],
    said: str,
    grouped: bool = False,
    what: str = "drawing",
    field: str = "depends_on",
) -> None:
    """Each waiting item after each first one, but for items that state their dependencies; one note for all.
    ``grouped``: an end of the edge is a group standing for its items (``Builder.group_waits``)."""
    added: list[str] = []
    for waiting, first in edges:
        for x in waiting:
            if x in b.deps_stated:
                continue
            deps = b.items[x].values.setdefault(field, [])
            for y in first:
                if y != x and y not in deps:
                    deps.append(y)
                    added.append(f"{x} after {y}")
                    if field == "depends_on":
                        b.deps_drawn.add(x)
                    if grouped:
                        b.group_waits.add((x, y))
    if added:
        kind = "dependencies" if field == "depends_on" else "soft dependencies (an order, not a wait)"
        b.note(line, f"{kind} read from the {what} {said[:60]!r}: {', '.join(added)}")
