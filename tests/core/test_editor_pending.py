"""An edit whose save the caller makes once it has shown it (``save=False``: SaveState.PENDING)."""

from __future__ import annotations

from pathlib import Path

from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.edits.editor import EditController, SaveState


def test_a_pending_edit_is_in_memory_until_save_writes_it(launch_copy: Path) -> None:
    before = launch_copy.read_text(encoding="utf-8")
    ed = EditController(BoardStore.load(launch_copy), actor="t")
    r = ed.cycle_status("SEC-02", save=False)
    assert r.ok and r.saved == SaveState.PENDING and ed.dirty
    assert launch_copy.read_text(encoding="utf-8") == before and ed.can_undo
    assert ed.save() == SaveState.SAVED and not ed.dirty
    assert 'status = "in_progress"  # needs an admin' in launch_copy.read_text(encoding="utf-8")


def test_two_pending_edits_are_written_by_one_save(launch_copy: Path) -> None:
    ed = EditController(BoardStore.load(launch_copy), actor="t")
    ed.cycle_status("SEC-02", save=False)
    ed.cycle_status("VLT-01", save=False)
    assert ed.save() == SaveState.SAVED
    assert ed.save() == SaveState.UNCHANGED
    on_disk = BoardStore.load(launch_copy)
    assert on_disk.item("SEC-02").status == "in_progress" and on_disk.item("VLT-01").status != "in_progress"


def test_with_autosave_off_the_edit_waits_as_before(launch_copy: Path) -> None:
    ed = EditController(BoardStore.load(launch_copy), autosave=False)
    assert ed.cycle_status("SEC-02", save=False).saved == SaveState.OFF
