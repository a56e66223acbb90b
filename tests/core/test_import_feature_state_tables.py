"""A table of features or tasks, each with its state and where its code lives, is work, not a list of deliverables
(issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

FEATURES = """# Roadmap

### Legend
- ✅ **Implemented** - Feature is fully functional
- 🔄 **Partial** - Feature is partially implemented
- ❌ **Not Started** - Feature not yet implemented

## Phase 1: Calling

| Feature | Status | Location |
|---------|--------|----------|
| Call History Sync | ✅ | `CallHistorySyncService.kt` |
| Call Recording | ❌ | Not implemented |
| Cloud Media Backup | 🔄 | MMS syncs to storage |
"""

DELIVERABLES = """# Roadmap

## Tasks

- [ ] Write the runbook

## Deliverables

| Deliverable | Status | Location |
|-------------|--------|----------|
| Runbook | ✅ | `docs/runbook.md` |
| Dashboards | ✅ | `ops/dashboards/` |
"""


def test_a_table_of_features_with_their_state_and_location_is_work() -> None:
    _, items = imported(FEATURES)
    assert {i.title: i.status for i in items.values()} == {
        "Call History Sync": "done",
        "Call Recording": "todo",
        "Cloud Media Backup": "in_progress",
    }


def test_a_table_of_deliverables_with_paths_stays_deliverables() -> None:
    report, items = imported(DELIVERABLES)
    assert [i.title for i in items.values()] == ["Write the runbook"]
    assert any("deliverables table" in ln for ln in report)
