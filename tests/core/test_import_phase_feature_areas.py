"""A heading under a phase that names a feature with a schedule's word ("### Timeline & Activities") over boxes of
work: the boxes are items, not the phase's window (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Daycare MVP roadmap

## Phase 2: Core features

### Attendance
- [ ] Check-in and check-out
- [ ] Attendance reports

### Timeline & Activities
- [ ] Daily activity posts
- [ ] Photo sharing throughout the day

### Schedule
Weeks 5-8
"""


def test_boxes_under_a_feature_named_timeline_are_the_phases_items() -> None:
    # Before: "Timeline & Activities" was read as phase 2's window, its boxes with it.
    report, items = imported(PLAN)
    assert [i.title for i in items.values()] == [
        "Check-in and check-out",
        "Attendance reports",
        "Daily activity posts",
        "Photo sharing throughout the day",
    ]
    assert not any("Timeline & Activities' -> the window" in line for line in report)
