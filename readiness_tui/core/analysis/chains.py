"""Blocking chains: from an item down its open dependencies to the root causes that hold it up.

``open_deps`` maps each item to its dependencies that are not closed (unknown ids count as open).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence


def blocking_chains(open_deps: Mapping[str, Sequence[str]], item_id: str) -> list[list[str]]:
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


def root_of(
    open_deps: Mapping[str, Sequence[str]], memo: dict[str, str], start: str, on_cycle: Collection[str] = ()
) -> str:
    """Where following first open dependencies from ``start`` ends; a cycle ends where it closes.

    ``memo`` keeps the answer of every item on the way whose own walk would take the same way
    (none of the items after it depends on one before it), so all roots of a board cost about one
    pass, and no surface gets another answer because another asked first. Where a walk closes a
    cycle depends on where it came in, so a walk that arrives at an item from another item of a
    cycle (``on_cycle``: every item on one, or more) does not take that item's kept answer: only
    there can the way on read what the walk passed before. (Keeping nothing from a walk that met a
    cycle walked a chain of 10,000 items behind a cycle once per item: quadratic.)
    """
    path: list[str] = []
    on_path: set[str] = set()
    looped = False  # an item on the way depends on one passed before it
    cur, prev = start, ""
    while True:
        if cur in memo and not (prev in on_cycle and cur in on_cycle):
            root = memo[cur]
            break
        path.append(cur)
        on_path.add(cur)
        deps = open_deps.get(cur, ())
        nxt = next((d for d in deps if d not in on_path), None)
        looped = looped or any(d in on_path for d in deps)
        if nxt is None:
            root = cur
            break
        prev, cur = cur, nxt
    if not looped:  # the common case: every item's own walk is the rest of this one
        for p in path:
            memo.setdefault(p, root)
        return root
    # path[j]'s own walk is path[j:] when no item from path[j] on depends on one before it.
    pos = {p: n for n, p in enumerate(path)}
    earliest = len(path)
    for j in range(len(path) - 1, -1, -1):
        for d in open_deps.get(path[j], ()):
            n = pos.get(d)
            if n is not None and n < earliest:
                earliest = n
        if earliest >= j:
            memo.setdefault(path[j], root)
    return root
