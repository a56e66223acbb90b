"""A task heading whose fields share a line (``**Priority:** Critical | **Effort:** 4 hours``) over the boxes of its
"Deliverables:" or "Steps:": the heading is the item, with its fields and dependencies, and each box a child item
(issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Development Tasks

## Sprint 1: Foundation (Week 1-2)

### Task 1.1: Project Initialization
**Priority:** Critical | **Effort:** 4 hours | **Status:** ⬜ Pending

**Deliverables:**
- [ ] Initialize npm project
- [x] Configure ESLint and Prettier

**Acceptance Criteria:**
- `npm run dev` starts the server

### Task 1.2: Express.js Server Setup
**Priority:** High | **Effort:** 6 hours | **Status:** ⬜ Pending

**Steps**:
- [ ] Create `server.js` entry point
- [ ] Configure CORS middleware

**Dependencies:** Task 1.1

## Sprint 2: Testing

### Task 2.1: Unit Testing
**Priority:** High | **Effort:** 8 hours | **Status:** ⬜ Pending

**Dependencies:** Sprint 1 tasks
"""


def test_the_task_heading_is_the_item_with_the_fields_of_its_line() -> None:
    _, items = imported(PLAN)
    task = items["1.1"]
    assert (task.title, task.priority, task.estimate_days, task.status) == ("Project Initialization", "P0", 0.5, "todo")
    assert items["1.2"].depends_on == ["1.1"]


def test_each_deliverable_or_step_box_is_a_child_item() -> None:
    _, items = imported(PLAN)
    children = [(i.title, i.status, i.parent) for i in items.values() if i.parent]
    assert children == [
        ("Initialize npm project", "todo", "1.1"),
        ("Configure ESLint and Prettier", "done", "1.1"),
        ("Create `server.js` entry point", "todo", "1.2"),
        ("Configure CORS middleware", "todo", "1.2"),
    ]


def test_a_group_named_as_a_dependency_is_its_tasks_not_their_steps() -> None:
    _, items = imported(PLAN)
    assert items["2.1"].depends_on == ["1.1", "1.2"]


def test_plain_deliverable_bullets_say_what_the_task_holds() -> None:
    _, items = imported(
        "# Roadmap\n\n## Phase 1\n\n### Task 1.1: Project Setup (1h)\n**Priority**: Critical\n**Dependencies**: None\n\n"
        "**Deliverables**:\n- Initialize Vite project\n- Set up Git repository\n"
    )
    assert list(items) == ["1.1"]


def test_an_epic_over_sprints_of_boxes_groups_them() -> None:
    _, items = imported(
        "# Roadmap\n\n## Epic 1.1: Authentication & Security\n"
        "**Story Points:** 21 | **Duration:** 1 week | **Status:** Complete\n\n"
        "### Sprint 1.1: Core Authentication (Week 1)\n"
        "- [x] **User Registration** (5 pts) - Email/password with validation\n"
        "- [x] **JWT Login System** (5 pts) - Secure token-based authentication\n"
    )
    titles = [i.title for i in items.values()]
    assert len(titles) == 2 and titles[0].startswith("User Registration") and titles[1].startswith("JWT Login")


def test_a_task_waiting_on_its_own_group_does_not_wait_on_its_own_steps() -> None:
    _, items = imported(
        "# Tasks\n\n## Phase 3: Launch\n\n### Task 3.1: Deploy\n**Priority:** High | **Effort:** 2 hours\n\n"
        "**Dependencies:** Task 2.1\n\n### Task 3.2: Monitoring\n**Priority:** Medium | **Effort:** 3 hours\n\n"
        "**Steps:**\n- [ ] Add dashboards\n- [ ] Add alerts\n\n**Dependencies:** Phase 3 deployment\n"
    )
    assert items["3.2"].depends_on == ["3.1"]


BULLETED = """# Task Breakdown

## 3. Phase 1: Infrastructure Setup (2h)

### TSK-001: Project Initialization
- **Priority**: P0
- **Estimate**: 1h
- **Dependencies**: None
- **Deliverables**:
  - [x] Create project directory structure
  - [ ] Configure tsconfig.json
- **Traceability**: DES-ELEARN-001 §3

### TSK-002: Type Definitions
- **Priority**: P0
- **Dependencies**: TSK-001
- **Acceptance**:
  - [ ] Every type is exported
"""


def test_deliverable_boxes_under_a_field_bullet_are_child_items_with_their_state() -> None:
    # Before: the boxes were the item's deliverables list, "Create project directory structure" no longer done.
    _, items = imported(BULLETED)
    task = items["TSK-001"]
    assert (task.priority, task.deliverables) == ("P0", [])
    children = [(i.title, i.status, i.parent) for i in items.values() if i.parent]
    assert children == [
        ("Create project directory structure", "done", "TSK-001"),
        ("Configure tsconfig.json", "todo", "TSK-001"),
    ]
    # Boxes under a key that names no work are what the item must meet, as before.
    assert (items["TSK-002"].acceptance, items["TSK-002"].depends_on) == (["Every type is exported"], ["TSK-001"])
