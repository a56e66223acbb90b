"""Traffic-light marks on a board's state headings are the states' colours, not ranks of the work (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Hackathon Task Tracker

## Current Sprint

### 🔴 Blocked

| Task | Assigned |
|------|----------|
| Mobile E2E Testing | Unassigned |

### 🟡 In Progress

| Task | Assigned |
|------|----------|
| Frontend Auth Debugging | Winston |

### 🟢 Ready for PR

| Task | Assigned |
|------|----------|
| Mobile App Frontend | Winston |
"""


def test_state_headings_with_colour_marks_give_states_not_priorities() -> None:
    _, items = imported(PLAN)
    assert [i.status for i in items.values()] == ["blocked", "in_progress", "review"]
    assert [i.priority for i in items.values()] == [None, None, None]


def test_colour_marks_on_headings_that_name_no_state_still_rank() -> None:
    ranked = PLAN.replace("Blocked", "Acil").replace("In Progress", "Orta").replace("Ready for PR", "Düşük")
    _, items = imported(ranked)
    assert [i.priority for i in items.values()] == ["P0", "P2", "P3"]
