"""What the app's first frame does not need is not done before it: a fresh interpreter runs the app
headless and lists the modules loaded when the first frame is out (``on_ready``). Panes, screens
and libraries that are not on that frame are imported when first used, and lint runs after it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import readiness_tui
from readiness_tui.core.cache.parse_cache import is_current

FIRST_FRAME = """
import asyncio, json, sys
from pathlib import Path
from readiness_tui.ui import app as app_module
from readiness_tui.ui.app import ReadinessApp

def built() -> list[str]:  # the record classes whose validator is built (on first use: defer_build)
    from readiness_tui.core.model.record_base import Record

    kinds = list(Record.__subclasses__())
    for cls in kinds:
        kinds += cls.__subclasses__()
    return sorted(c.__name__ for c in kinds if c.__pydantic_complete__)

class Probe(ReadinessApp):
    CSS_PATH = str(Path(app_module.__file__).parent / ReadinessApp.CSS_PATH)  # else beside this file
    loaded: list[str] = []
    built_first: list[str] = []

    def on_ready(self) -> None:
        Probe.loaded = sorted(sys.modules)  # before the app's own after-first-frame work
        Probe.built_first = built()
        super().on_ready()

async def main() -> None:
    if sys.argv[2:] == ["cached"]:  # as the entry point does for the app
        from readiness_tui.core.cache import loader as caches

        caches.enable()
    app = Probe(sys.argv[1], watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        while not Probe.loaded:
            await pilot.pause(0.02)
        await pilot.pause()
        counted = app.main.lint.latest.get(app.analysis) is not None
        for _ in range(1500):  # the validators' warm-up runs while nobody types, a step at a time
            if app.idle_work.done:
                break
            await pilot.pause(0.02)
        await app.workers.wait_for_complete()
        after = built()
    print(json.dumps({"loaded": Probe.loaded, "linted": counted, "first": Probe.built_first, "validators": after}))

asyncio.run(main())
"""

#: Not on the first frame: other panes and screens, and what only they (or lint, gates) use.
NOT_BEFORE_FIRST_FRAME = [
    "plotext",
    "readiness_tui.ui.panes.burndown",
    "readiness_tui.ui.panes.gates",
    "readiness_tui.ui.panes.problems",
    "readiness_tui.ui.screens.standup",
    "readiness_tui.ui.screens.edit_form",
    "readiness_tui.ui.screens.help",
    "readiness_tui.core.lint",
    # Saving and the history: the first save, or the history check just after the first frame.
    "readiness_tui.core.audit",
    "readiness_tui.core.board.writepath",
    # The backlog's side preview, built only once the pane is wide enough (the probe's is not).
    "readiness_tui.ui.widgets.preview",
    # The filter language's grammar and matching: the first frame shows the board unfiltered.
    "readiness_tui.core.filters.syntax",
    "readiness_tui.core.filters.match",
]


def _first_frame(board: Path, tmp_path: Path, *args: str) -> dict[str, Any]:
    # A file, not ``-c``: Textual finds the app's CSS beside the file of the app's class.
    script = tmp_path / "first_frame.py"
    script.write_text(FIRST_FRAME, encoding="utf-8")
    # The package under test, whichever checkout it is (the script's directory is not on the path).
    source = str(Path(readiness_tui.__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([source, os.environ.get("PYTHONPATH", "")])}
    proc = subprocess.run(
        [sys.executable, str(script), str(board), *args], capture_output=True, text=True, timeout=120, env=env
    )
    assert proc.returncode == 0, proc.stderr
    out: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return out


def test_the_first_frame_imports_no_other_pane_or_screen_and_lint_comes_after_it(
    launch_board: Path, tmp_path: Path
) -> None:
    out = _first_frame(launch_board, tmp_path)
    loaded = set(out["loaded"])
    assert "readiness_tui.ui.panes.backlog" in loaded  # the probe saw the first frame's imports
    assert sorted(m for m in NOT_BEFORE_FIRST_FRAME if m in loaded) == []
    assert out["linted"]  # lint still ran, right after the first frame


def test_a_cached_board_is_shown_without_building_a_validator_and_they_are_built_after(
    launch_board: Path, tmp_path: Path
) -> None:
    # The board's model in the parse cache (this test's own cache directory), as after any command.
    subprocess.run(
        [sys.executable, "-m", "readiness_tui", "lint", "-q", str(launch_board)], capture_output=True, timeout=120
    )
    start = time.monotonic()
    while not is_current(launch_board) and time.monotonic() - start < 60:  # a child writes it after the output
        time.sleep(0.02)
    out = _first_frame(launch_board, tmp_path, "cached")
    assert "readiness_tui.ui.panes.backlog" in out["loaded"] and out["first"] == []
    # Built in a thread after the first frame: the first edit does not wait for them.
    assert {"Board", "Item", "Gate", "Risk", "Waiver"} <= set(out["validators"])
