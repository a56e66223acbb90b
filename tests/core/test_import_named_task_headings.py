"""A heading that calls itself a task by number is that item, whatever its words name (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

TOPIC_TASKS = """# Affiliate System - Implementation Tasks

## Batch 4: Public Affiliate APIs

### Task 4.1: Signup API
- [ ] POST handler with Zod validation
- [ ] Call the affiliate service
- [ ] Return the new affiliate's id

### Task 4.2: Login API
- [ ] POST handler with email and password
- [ ] Check the affiliate is active
- [ ] Return a token
"""


def test_a_heading_naming_itself_a_task_is_an_item_not_a_topic_over_boxes() -> None:
    # "Signup API" names no action, but the heading calls itself Task 4.1: the task is the item, the boxes its steps.
    _, items = imported(TOPIC_TASKS)
    assert [(i.id, i.title) for i in items.values()] == [("4.1", "Signup API"), ("4.2", "Login API")]


PULL_REQUESTS = """# Modular monolith migration

### **PHASE 1: Foundation (3 PRs)**

#### **PR 1: Create Monolith Project Structure**
**Goal:** Set up the new project

**Tasks:**
- Create the `evfleet-monolith` project
- Set up Maven with all dependencies

**Acceptance Criteria:**
- ✅ Application starts successfully

#### **PR 2: Migrate Common/Shared Code**
**Tasks:**
- Create the `common/` package
- Move the common exceptions
"""


def test_a_heading_naming_a_pull_request_by_number_is_an_item_over_its_tasks() -> None:
    # Before: "PR 1" was no unit of work a heading could name, and every section was kept as text.
    _, items = imported(PULL_REQUESTS)
    assert [(i.id, i.title, i.parent) for i in items.values()] == [
        ("PR-1", "Create Monolith Project Structure", None),
        ("PR-1.1", "Create the `evfleet-monolith` project", "PR-1"),
        ("PR-1.2", "Set up Maven with all dependencies", "PR-1"),
        ("PR-2", "Migrate Common/Shared Code", None),
        ("PR-2.1", "Create the `common/` package", "PR-2"),
        ("PR-2.2", "Move the common exceptions", "PR-2"),
    ]
