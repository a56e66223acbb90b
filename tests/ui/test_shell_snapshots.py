"""SVG snapshots of the shell's own dialogs at 120x40: the go/no-go reasons (n) and the offer to
copy a sample board. Regenerate after an intended change with ``--snapshot-update``."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from ui_helpers import session_ready, wait_for

from readiness_tui.ui.screens.dialogs import PromptScreen
from readiness_tui.ui.screens.gonogo import GoNoGoScreen

SIZE = (120, 40)


def test_gonogo_reasons(launch_board: Path, make_app, snap_compare) -> None:
    app = make_app(launch_board)

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await session_ready(pilot.app, pilot)  # the reasons name the gates' state
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, GoNoGoScreen), what="the reasons")

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_sample_copy_offer(
    launch_board: Path, make_app, snap_compare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    samples = tmp_path / "_bundled" / "boards"
    samples.mkdir(parents=True)
    sample = samples / "launch.toml"
    shutil.copy(launch_board, sample)
    monkeypatch.chdir(tmp_path)
    app = make_app(sample, sample_dir=samples)

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await session_ready(pilot.app, pilot)  # the gate column behind the dialog
        await pilot.press("s")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, PromptScreen), what="the copy offer")

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
