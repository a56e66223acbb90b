"""Blocking chains: from an item down its open dependencies to the root causes that hold it up.

``open_deps`` maps each item to its dependencies that are not closed (unknown ids count as open).
"""

from __future__ import annotations

from collections.abc import Mapping


def blocking_chains(open_deps: Mapping[str, list[str]], item_id: str) -> list[list[str]]:
    """For each open dependency, the chain down to a root cause: [item, dep, ..., root].

    A root is an open item whose own dependencies are all closed (or an id that names nothing).
    The chain follows the first open dependency at each step.
    """
    od = open_deps
    out: list[list[str]] = []
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
        out.append(chain)
    return out


def root_of(open_deps: Mapping[str, list[str]], memo: dict[str, str], start: str) -> str:
    """Where following first open dependencies from ``start`` ends; a cycle ends where it closes.

    ``memo`` keeps every answer found on the way, so all roots of a board cost one linear pass.
    A walk that met a cycle keeps nothing: where it closes depends on where the walk came in, so
    the answer for an item on the way may differ from the walk that starts at it, and no surface
    may get another answer because another asked first.
    """
    path: list[str] = []
    on_path: set[str] = set()
    looped = False
    cur = start
    while cur not in memo:
        path.append(cur)
        on_path.add(cur)
        deps = open_deps.get(cur, ())
        nxt = next((d for d in deps if d not in on_path), None)
        looped = looped or any(d in on_path for d in deps)
        if nxt is None:
            if looped:
                return cur
            memo[cur] = cur
            break
        cur = nxt
    root = memo[cur]
    if not looped:
        for p in path:
            memo.setdefault(p, root)
    return root
