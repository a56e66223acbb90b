"""The lines the line-drawn widgets hand to Textual are freed as soon as their caches drop them.

``Strip.crop_extend`` caches its answer in the strip it is asked, and when a strip is already that
wide, the answer is the strip itself: a cycle of one, which refcounting never frees. A backlog
paged through dropped thousands of such lines, each with its segments, to wait for a full
collection, and the app's peak memory grew by their size."""

from __future__ import annotations

import gc
from pathlib import Path

from textual.strip import Strip
from textual.widget import Widget
from ui_helpers import wait_for

from readiness_tui.bench.generate import write_board
from readiness_tui.ui.widgets.backlog_table import BacklogTable
from readiness_tui.ui.widgets.gate_table import GateTable
from readiness_tui.ui.widgets.line_list import LineList
from readiness_tui.ui.widgets.matrix_grid import MatrixGrid

SIZE = (120, 40)


def refers_to_itself(strip: Strip) -> bool:
    """Whether ``strip`` is reachable from what it holds (a strip, its caches, their dicts)."""
    frontier: list[object] = [strip]
    for _ in range(3):
        frontier = [ref for obj in frontier for ref in gc.get_referents(obj)]
        if any(ref is strip for ref in frontier):
            return True
    return False


def cyclic_lines(widget: Widget) -> list[int]:
    """The lines of ``widget`` whose strip only a full collection could free."""
    return [y for y in range(widget.size.height) if refers_to_itself(widget.render_line(y))]


async def test_no_line_drawn_by_a_pane_refers_to_itself(tmp_path: Path, make_app) -> None:
    path = write_board(tmp_path / "board.toml", 300)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        found: dict[str, list[int]] = {}
        for key, kind in (("1", BacklogTable), ("3", MatrixGrid), ("5", LineList), ("6", GateTable), ("8", LineList)):
            await pilot.press(key)
            await wait_for(
                pilot,
                lambda kind=kind: any(w.display and w.size.height for w in app.screen.query(kind)),
                what=f"{kind.__name__} shown",
            )
            await pilot.pause()
            widget = next(w for w in app.screen.query(kind) if w.display and w.size.height)
            assert widget.size.height > 10  # a screenful of lines is checked, not an empty widget
            found[f"{key}:{kind.__name__}"] = cyclic_lines(widget)
        assert found == {name: [] for name in found}


async def test_a_backlog_paged_through_leaves_no_rows_for_the_collector(tmp_path: Path, make_app) -> None:
    path = write_board(tmp_path / "board.toml", 2000)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.screen.query_one(BacklogTable)
        table.focus()
        await pilot.pause()
        gc.collect()
        gc.disable()  # what refcounting frees, and nothing else
        try:
            for _ in range(2000 // 38 + 1):
                await pilot.press("pagedown")
            await pilot.pause()
            ours = {id(strip) for strip in map(table.render_line, range(table.size.height))}
            gc.set_debug(gc.DEBUG_SAVEALL)
            gc.collect()
            rows = [o for o in gc.garbage if isinstance(o, Strip) and refers_to_itself(o) and id(o) not in ours]
            left = [o for o in rows if any("T-" in seg.text for seg in o)]
        finally:
            gc.set_debug(0)
            gc.garbage.clear()
            gc.enable()
        assert len(left) == 0
