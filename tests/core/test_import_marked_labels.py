"""Lines that tick a piece of work off by a mark and name it in bold, each over the bullets saying what it holds
(issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers.document.marked_lines import marked_label_lines
from readiness_tui.core.importers.vocabulary.statuses import parse_status
from tests.core.import_plan import imported

PLAN = """# Offline sync

## What Was Implemented

✅ **Sync Database Models**
- `ClientSyncState` - Track sync state per device
- `SyncConflict` - Manage data conflicts

✅ **Sync API Endpoints**
- `POST /api/v1/sync/upload` - Batch upload offline actions

🚧 **Conflict Resolution Strategies**
- Server wins (default)
"""


def test_each_marked_line_is_the_box_it_stands_for() -> None:
    lines = PLAN.split("\n")
    marked_label_lines(lines, parse_status, lambda n, text: None)
    assert lines[4:7] == ["- [x] **Sync Database Models**", "  - `ClientSyncState` - Track sync state per device",
                          "  - `SyncConflict` - Manage data conflicts"]  # fmt: skip
    assert lines[11] == "- [ ] **Conflict Resolution Strategies** (in progress)"
    assert len(lines) == len(PLAN.split("\n"))


def test_the_marked_lines_are_items_in_their_state() -> None:
    # Before: the lines were paragraphs and their bullets a list of groups with no items.
    _, items = imported(PLAN)
    assert [(i.title, i.status) for i in items.values()] == [
        ("Sync Database Models", "done"),
        ("Sync API Endpoints", "done"),
        ("Conflict Resolution Strategies", "in_progress"),
    ]
