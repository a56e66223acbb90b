"""What an analysis of a large board keeps per item: its answers share what they can."""

from __future__ import annotations

import gc
import tracemalloc

from readiness_tui.core.analysis.analyze import Analysis
from readiness_tui.core.board.store import BoardStore

N = 3000


def test_items_with_no_open_dependency_cost_their_open_dependencies_no_container() -> None:
    rows = "".join(
        f'[[items]]\nid = "T{n}"\nstatus = "{"done" if n % 2 else "todo"}"\n'
        + (f'depends_on = ["T{n - 1}"]\n' if n % 2 == 0 and n else "")
        + "\n"
        for n in range(N)
    )
    store = BoardStore.from_text('[board]\ntitle = "t"\n\n' + rows, "big.toml")
    analysis = Analysis(store.board)
    analysis.closed  # noqa: B018 - worked out before measuring
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        assert analysis.open_dependencies("T2") == []  # its one dependency, T1, is done
        assert analysis.open_dependencies("T1") == []
        gc.collect()
        per_item = (tracemalloc.get_traced_memory()[0] - before) / N
    finally:
        tracemalloc.stop()
    # Before: a list per item, empty or not (56 bytes besides the dict's entry).
    assert per_item < 60, f"{per_item:.0f} bytes an item"


def test_the_schedule_of_closed_items_makes_no_float_for_their_finish() -> None:
    rows = "".join(
        f'[[items]]\nid = "T{n}"\nstatus = "{"done" if n % 10 else "todo"}"\nestimate_days = 2\n'
        + (f'depends_on = ["T{n - 1}"]\n' if n else "")
        + "\n"
        for n in range(N)
    )
    store = BoardStore.from_text('[board]\ntitle = "t"\n\n' + rows, "big.toml")
    analysis = Analysis(store.board)
    analysis.waves()  # the graph's answers, worked out before measuring
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        path = analysis.critical_path
        gc.collect()
        per_item = (tracemalloc.get_traced_memory()[0] - before) / N
    finally:
        tracemalloc.stop()
    assert path.total_days == 2 * (N // 10)  # the open tenth, two days each, one after another
    # Before: a closed item's earliest finish and latest start were new floats equal to its start
    # and finish (two of 24 bytes each, on every closed item).
    assert per_item < 265, f"{per_item:.0f} bytes an item"
