"""Root causes: one answer per item, whatever was asked before (the memo a board pass shares)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from readiness_tui.core.chains import root_of

NODES = [f"N{n}" for n in range(7)]


@st.composite
def graphs(draw: st.DrawFn) -> dict[str, list[str]]:
    # Open dependencies of each item, cycles and self-dependencies included, and an id naming nothing.
    return {n: draw(st.lists(st.sampled_from([*NODES, "GONE"]), max_size=3, unique=True)) for n in NODES}


@given(open_deps=graphs(), asked=st.permutations(NODES))
def test_a_root_does_not_depend_on_what_was_asked_before(open_deps: dict[str, list[str]], asked: list[str]) -> None:
    alone = {n: root_of(open_deps, {}, n) for n in NODES}
    memo: dict[str, str] = {}
    assert {n: root_of(open_deps, memo, n) for n in asked} == alone


def test_a_walk_into_a_cycle_ends_where_it_closes_for_each_start() -> None:
    open_deps = {"A": ["B"], "B": ["C"], "C": ["B"]}
    memo: dict[str, str] = {}
    assert root_of(open_deps, memo, "C") == "B"
    assert root_of(open_deps, memo, "A") == "C"  # A -> B -> C, and C's dependency B is on the way
    assert root_of(open_deps, memo, "B") == "C"
    assert memo == {}  # nothing a cycle decided is kept for another start
    chain = {"A": ["B"], "B": ["C"], "C": []}
    memo = {}
    assert root_of(chain, memo, "A") == "C"
    assert memo == {"A": "C", "B": "C", "C": "C"}
