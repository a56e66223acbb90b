"""The list panes (plan, problems) hold no object per row of an item: those rows are runs over id
lists the pane has anyway (``line_parts.Rows``), made when drawn or read."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

from ui_helpers import linted, show_pane, wait_for

from readiness_tui.bench.generate import write_board
from readiness_tui.ui.panes.plan import PlanPane
from readiness_tui.ui.panes.problems import ProblemsPane
from readiness_tui.ui.widgets.line_list import LineList

SIZE = (120, 40)
#: What a list may hold per row: its place among the rows with a key, an id in a list.
BYTES_PER_ROW = 40


def held_by_rows(pane: LineList, build) -> int:  # type: ignore[no-untyped-def]
    """Bytes the pane's and the list's code still hold after ``build()`` gave the pane its rows
    (the old ones let go first). Not counted: what other tasks of the app allocate meanwhile, and
    what the board's own code makes (the sort keys of the problems, which the interpreter may keep
    for reuse)."""
    pane.release()
    tracemalloc.start(25)
    try:
        build()
        snapshot = tracemalloc.take_snapshot()
    finally:
        tracemalloc.stop()
    ours = [
        tracemalloc.Filter(True, f"*/readiness_tui/ui/{where}", all_frames=True)
        for where in ("panes/*", "widgets/line_*")
    ]
    ours.append(tracemalloc.Filter(False, "*/readiness_tui/core/*"))
    return sum(stat.size for stat in snapshot.filter_traces(ours).statistics("filename"))


async def test_the_plan_holds_no_object_per_row(tmp_path: Path, make_app) -> None:
    path = write_board(tmp_path / "board.toml", 2000)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        pane = await show_pane(pilot, app, "5", PlanPane, "the plan")
        await wait_for(pilot, lambda: len(pane.rows) > 2000, timeout=20, what="the plan built")
        analysis = app.analysis
        assert analysis is not None
        lines = [pane.line_text(i).plain for i in range(len(pane.rows))]
        keys = [row[0] for row in pane.rows]

        held = held_by_rows(pane, lambda: pane.build(app.store, analysis))
        assert held < BYTES_PER_ROW * len(pane.rows), (held, len(pane.rows))
        # The same rows as before, read from the runs.
        assert [pane.line_text(i).plain for i in range(len(pane.rows))] == lines
        assert [row[0] for row in pane.rows] == keys


async def test_the_problems_pane_holds_no_object_per_row(tmp_path: Path, make_app) -> None:
    from readiness_tui.bench.outside import imported_board

    path, _ = imported_board(tmp_path, 2000)  # an imported plan: hundreds of warnings
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await linted(pilot, app)
        pane = await show_pane(pilot, app, "8", ProblemsPane, "the problems")
        await wait_for(pilot, lambda: len(pane.rows) > 400, timeout=20, what="the problems shown")
        analysis = app.analysis_made()
        assert analysis is not None and app.main.lint.latest.get(analysis) is not None
        rows = len(pane.rows)

        held = held_by_rows(pane, lambda: pane.show_board(app.store, analysis))
        # The pane's own list of the problems, worst first, is one more pointer per row; the
        # heading and what the screen marks to repaint are the same at any size.
        assert held < 16_384 + 24 * rows, (held, rows)
        assert len(pane.rows) == rows
