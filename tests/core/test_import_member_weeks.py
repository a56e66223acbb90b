"""Under an item's heading, a week of its schedule over a numbered list holds work of its own; and a heading that
names tasks is about work, whoever it names (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Library system

## Tasks by Team Member

### 1. Kotresh C (Project Lead) - 4 Tasks

#### Week 1-2: Foundation
1. Scope finalization and project deliverables planning
2. System architecture design

#### Week 3: Authentication
3. Electron initialization with IPC bridge
4. Backend server setup with routing

### 2. Rahul M (Frontend) - 2 Tasks

#### Week 1-2: Research
1. UI research and wireframes
2. Design system setup
"""


def test_each_weeks_numbered_work_is_items_not_the_members_fields() -> None:
    report, items = imported(PLAN)
    work = [i.title for i in items.values() if "Tasks" not in i.title]
    assert work == [
        "Scope finalization and project deliverables planning",
        "System architecture design",
        "Electron initialization with IPC bridge",
        "Backend server setup with routing",
        "UI research and wireframes",
        "Design system setup",
    ]
    assert any("'Week 1-2: Foundation' under item 1: holds items of its own" in ln for ln in report)
