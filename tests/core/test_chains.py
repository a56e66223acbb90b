"""Root causes: one answer per item, whatever was asked before (the memo a board pass shares), at
the cost of about one pass over the board however the items are asked."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from readiness_tui.core.analysis.chains import root_of

NODES = [f"N{n}" for n in range(7)]


@st.composite
def graphs(draw: st.DrawFn) -> dict[str, list[str]]:
    # Open dependencies of each item, cycles and self-dependencies included, and an id naming nothing.
    return {n: draw(st.lists(st.sampled_from([*NODES, "GONE"]), max_size=3, unique=True)) for n in NODES}


def on_a_cycle(open_deps: dict[str, list[str]]) -> set[str]:
    """The items that reach themselves again (as ``Analysis.on_cycle`` finds them)."""
    out = set()
    for start in open_deps:
        seen: set[str] = set()
        todo = list(open_deps[start])
        while todo:
            n = todo.pop()
            if n == start:
                out.add(start)
                break
            if n not in seen:
                seen.add(n)
                todo.extend(open_deps.get(n, ()))
    return out


def fresh(open_deps: dict[str, list[str]], start: str) -> str:
    """The walk itself, with nothing kept from another."""
    return root_of(open_deps, {}, start, on_a_cycle(open_deps))


@given(open_deps=graphs(), asked=st.permutations(NODES))
def test_a_root_does_not_depend_on_what_was_asked_before(open_deps: dict[str, list[str]], asked: list[str]) -> None:
    alone = {n: fresh(open_deps, n) for n in NODES}
    memo: dict[str, str] = {}
    cycle = on_a_cycle(open_deps)
    assert {n: root_of(open_deps, memo, n, cycle) for n in asked} == alone
    assert memo == {n: fresh(open_deps, n) for n in memo}  # what is kept is what each own walk finds


def test_a_walk_into_a_cycle_ends_where_it_closes_for_each_start() -> None:
    open_deps = {"A": ["B"], "B": ["C"], "C": ["B"]}
    cycle = on_a_cycle(open_deps)
    assert cycle == {"B", "C"}
    memo: dict[str, str] = {}
    assert root_of(open_deps, memo, "C", cycle) == "B"
    assert memo == {"C": "B"}  # B's own walk closes at C: not kept from C's
    assert root_of(open_deps, memo, "A", cycle) == "C"  # A -> B -> C, and C's dependency B is on the way
    assert memo == {"C": "B", "B": "C", "A": "C"}
    assert root_of(open_deps, memo, "B", cycle) == "C"
    chain = {"A": ["B"], "B": ["C"], "C": []}
    memo = {}
    assert root_of(chain, memo, "A") == "C"
    assert memo == {"A": "C", "B": "C", "C": "C"}


class Counting(dict[str, list[str]]):
    """Open dependencies that count how often they are read."""

    reads = 0

    def get(self, key: str, default: object = None) -> list[str]:  # type: ignore[override]
        self.reads += 1
        return super().get(key, default)  # type: ignore[arg-type]


def test_the_roots_of_a_long_chain_behind_a_cycle_cost_one_pass_in_either_order() -> None:
    n = 3000
    deps = {f"I{i}": [f"I{i + 1}"] for i in range(n)}
    deps[f"I{n}"] = [f"I{n - 1}"]
    cycle = {f"I{n - 1}", f"I{n}"}
    for asked in (list(deps), list(reversed(deps))):
        counted = Counting(deps)
        memo: dict[str, str] = {}
        roots = {i: root_of(counted, memo, i, cycle) for i in asked}
        assert roots == {**{f"I{i}": f"I{n}" for i in range(n)}, f"I{n}": f"I{n - 1}"}
        assert counted.reads < 6 * n  # a walk per item would read ~n * n / 2
