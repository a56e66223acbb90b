"""Benchmarks of the matrix, risk and plan panes (called by ``python -m readiness_tui.bench``).

No timing happens in tests: these functions are for the benchmark run only.

    python -c "from readiness_tui.bench.panes import matrix_cursor_cost; print(matrix_cursor_cost(300))"
"""

from __future__ import annotations

import asyncio
import random
import statistics
import time
from typing import Any


def generated_board_text(n: int, seed: int = 7, cycle: bool = True) -> str:
    """An ``n``-item board: each item depends on up to three earlier ones; one two-item cycle."""
    rng = random.Random(seed)
    statuses = ["todo"] * 6 + ["in_progress", "blocked", "review", "done", "done", "cancelled"]
    out = ['[board]\ntitle = "Generated board"\ntoday = 2026-02-20\n']
    for i in range(n):
        deps = sorted({f"T{rng.randrange(i):04d}" for _ in range(rng.randint(0, 3))}) if i else []
        if cycle and i == 1 and n > 2:
            deps = ["T0002"]  # T0002 depends on T0001 below: a cycle
        if cycle and i == 2:
            deps = ["T0001"]
        out.append(
            "[[items]]\n"
            f'id = "T{i:04d}"\n'
            f'title = "Generated item {i}"\n'
            f'status = "{rng.choice(statuses)}"\n'
            f'priority = "P{rng.randint(0, 3)}"\n'
            f"estimate_days = {rng.randint(1, 5)}\n"
            f"depends_on = [{', '.join(repr(d).replace(chr(39), chr(34)) for d in deps)}]\n"
        )
    return "\n".join(out)


def _percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1))))
    return ordered[k]


def matrix_cursor_cost(
    n: int = 300, moves: int = 50, size: tuple[int, int] = (120, 40), scroll_moves: int = 20
) -> dict[str, Any]:
    """CPU time per cursor move in the n x n matrix pane (key press to repainted screen).

    Alternates down and right moves from the top-left cell (a right move repaints every line,
    because the column highlight crosses them all; a down move repaints two lines): ``median_ms``
    and ``p95_ms`` are over these ``moves``. Then ``scroll_moves`` more from the bottom-right
    corner of the view, where every move scrolls and repaints the whole pane
    (``scrolling_median_ms``, ``scrolling_p95_ms``). Returns milliseconds of CPU time, measured
    with ``time.process_time`` around ``pilot.press`` + ``pilot.pause`` (key to repainted screen).
    """
    from textual.app import App, ComposeResult

    from readiness_tui.core.analysis.analyze import Analysis
    from readiness_tui.core.board.store import BoardStore
    from readiness_tui.ui.panes.matrix import MatrixPane

    store = BoardStore.from_text(generated_board_text(n))
    analysis = Analysis(store.board)

    class _BenchApp(App[None]):
        def compose(self) -> ComposeResult:
            yield MatrixPane(id="matrix")

        def on_mount(self) -> None:
            pane = self.query_one(MatrixPane)
            pane.show_board(store, analysis)
            pane.focus()

    costs: dict[str, list[float]] = {"down": [], "right": [], "scroll": []}
    build_ms = 0.0

    async def run() -> None:
        nonlocal build_ms
        app = _BenchApp()
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            pane = app.query_one(MatrixPane)
            t0 = time.process_time()
            pane.show_board(store, analysis)
            await pilot.pause()
            build_ms = (time.process_time() - t0) * 1000
            for k in range(moves):
                key = "down" if k % 2 == 0 else "right"
                t0 = time.process_time()
                await pilot.press(key)
                await pilot.pause()
                costs[key].append((time.process_time() - t0) * 1000)
            # To the bottom-right cell of the view: from there every move scrolls.
            pane.move_cursor(
                row=int(pane.scroll_y) + pane.body_height - 1,
                col=(int(pane.scroll_x) + pane.body_width) // 3 - 1,
            )
            await pilot.pause()
            for k in range(scroll_moves):
                key = "down" if k % 2 == 0 else "right"
                t0 = time.process_time()
                await pilot.press(key)
                await pilot.pause()
                costs["scroll"].append((time.process_time() - t0) * 1000)

    asyncio.run(run())
    all_costs = costs["down"] + costs["right"]
    return {
        "n": n,
        "moves": len(all_costs),
        "median_ms": round(statistics.median(all_costs), 3),
        "p95_ms": round(_percentile(all_costs, 95), 3),
        "down_median_ms": round(statistics.median(costs["down"]), 3),
        "right_median_ms": round(statistics.median(costs["right"]), 3),
        "scrolling_median_ms": round(statistics.median(costs["scroll"]), 3) if costs["scroll"] else None,
        "scrolling_p95_ms": round(_percentile(costs["scroll"], 95), 3) if costs["scroll"] else None,
        "show_board_ms": round(build_ms, 3),
    }


if __name__ == "__main__":  # pragma: no cover
    print(matrix_cursor_cost())
