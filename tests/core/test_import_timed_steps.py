"""A numbered entry that says how long it takes is a task over its steps, not a group label; and a list under a
heading naming the plan's dependencies states conditions, it is no work (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# IT Infrastructure Timeline

## Phase 2: Core Infrastructure (Weeks 2-4)

### Week 2-3
1. Server Infrastructure Setup
   - Physical server deployment
   - Hypervisor installation
2. Storage Systems Implementation (7 days)
   - SAN/NAS deployment
   - Storage pool setup

## Critical Dependencies

1. Network infrastructure must be operational before server deployment
2. Core infrastructure must be complete before application deployment
"""


def test_entries_with_a_duration_are_tasks_and_their_bullets_steps() -> None:
    _, items = imported(PLAN)
    titles = [i.title for i in items.values()]
    assert titles[:2] == ["Server Infrastructure Setup", "Storage Systems Implementation"]
    assert "Physical server deployment" not in titles
    storage = list(items.values())[1]
    assert "SAN/NAS deployment" in storage.description and storage.estimate_days == 7


def test_a_list_under_a_dependencies_heading_is_no_work() -> None:
    _, items = imported(PLAN)
    assert not any("must be operational" in i.title for i in items.values())
    assert len(items) == 2
