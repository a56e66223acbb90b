"""What each save state means to a caller: the edit is in the file, or it is not and the user must hear it."""

from __future__ import annotations

import pytest

from readiness_tui.core.edits.results import SaveState


@pytest.mark.parametrize(
    "state,on_disk,failed",
    [
        (SaveState.SAVED, True, False),
        (SaveState.UNCHANGED, True, False),
        (SaveState.OFF, False, False),  # autosave off (a dry run, a sample board): kept in memory on purpose
        (SaveState.CONFLICT, False, True),
        (SaveState.MISSING, False, True),
        (SaveState.ERROR, False, True),
        (SaveState.PENDING, False, False),  # shown first, written right after the frame by the caller
    ],
)
def test_each_save_state_says_where_the_edit_is(state: SaveState, on_disk: bool, failed: bool) -> None:
    assert (state.on_disk, state.failed) == (on_disk, failed)


def test_every_save_state_is_covered() -> None:
    assert {s.value for s in SaveState} == {"saved", "unchanged", "off", "conflict", "missing", "error", "pending"}
