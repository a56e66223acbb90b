"""SVG snapshots of the record forms (risk, phase, milestone, new waiver, deliverable) and the unsaved-changes
question, at 120x40.

Regenerate after an intended change with ``pytest tests/ui/test_record_form_snapshots.py --snapshot-update``.
"""

from __future__ import annotations

from pathlib import Path

SIZE = (120, 40)


async def _to_row(pilot, key: str) -> None:  # type: ignore[no-untyped-def]
    pane = pilot.app.screen.active_pane()
    await pilot.press("g")
    for _ in range(len(pane.rows)):
        if pane.cursor_key == key:
            break
        await pilot.press("j")
    await pilot.press("e")
    await pilot.pause()


def test_risk_form(launch_board: Path, make_app, snap_compare) -> None:
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press("4")
        await pilot.pause()
        await _to_row(pilot, "risk:R1")

    assert snap_compare(make_app(launch_board), terminal_size=SIZE, run_before=run_before)


def test_phase_form(launch_board: Path, make_app, snap_compare) -> None:
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press("5")
        await pilot.pause()
        await _to_row(pilot, "phase:A")

    assert snap_compare(make_app(launch_board), terminal_size=SIZE, run_before=run_before)


def test_milestone_form(launch_board: Path, make_app, snap_compare) -> None:
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press("5")
        await pilot.pause()
        await _to_row(pilot, "ms:M1")

    assert snap_compare(make_app(launch_board), terminal_size=SIZE, run_before=run_before)


def test_new_waiver_form(launch_board: Path, make_app, snap_compare) -> None:
    assert snap_compare(make_app(launch_board), terminal_size=SIZE, press=["6", "w"])


def test_new_deliverable_form(launch_board: Path, make_app, snap_compare) -> None:
    assert snap_compare(make_app(launch_board), terminal_size=SIZE, press=["j", "enter", "D"])


def test_unsaved_changes_question(launch_board: Path, make_app, snap_compare) -> None:
    assert snap_compare(make_app(launch_board), terminal_size=SIZE, press=["j", "e", "x", "escape"])


def test_item_form_at_its_acceptance(launch_board: Path, make_app, snap_compare) -> None:
    """A in Detail: the item form scrolled to description, acceptance and deliverables."""
    assert snap_compare(make_app(launch_board), terminal_size=SIZE, press=["j", "enter", "A"])
