"""Boxes under a sub-heading naming them tasks (``##### Backend Tasks:``) inside a numbered section are that
section's child items; a heading naming tasks in another language (``#### المهام:``) is read as "Tasks" (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Plan

## Phase 1: Setup (week 1)

#### المهام:
1. **Development environment**
   - [ ] Create the Git repository
   - [ ] Set up the CI/CD pipeline
2. **Project structure**
   - [ ] Scaffold the React frontend
   - [x] Scaffold the ASP.NET Core backend

## Phase 2: Core modules

#### 2.1 User management
**Duration**: 3 days

##### Backend Tasks:
- [ ] Build the user management API
  - POST /api/users
- [ ] Build the role management API

##### Frontend Tasks:
- [ ] Login page
- [x] Users admin panel

#### 2.3 Appeals
**Duration**: 4 days

##### Backend Tasks:
- [ ] Appeals API
- [ ] Appeal routing service
"""


def test_boxes_under_task_sub_headings_are_the_sections_children() -> None:
    _, items = imported(PLAN)
    children = {i.title: (i.parent, i.status) for i in items.values() if i.parent in ("2.1", "2.3")}
    assert children == {
        "Build the user management API": ("2.1", "todo"),
        "Build the role management API": ("2.1", "todo"),
        "Login page": ("2.1", "todo"),
        "Users admin panel": ("2.1", "done"),
        "Appeals API": ("2.3", "todo"),
        "Appeal routing service": ("2.3", "todo"),
    }


def test_boxes_under_an_arabic_tasks_heading_are_work() -> None:
    _, items = imported(PLAN)
    titles = {i.title: i.status for i in items.values()}
    assert titles["Create the Git repository"] == "todo"
    assert titles["Scaffold the ASP.NET Core backend"] == "done"


def test_where_the_plan_calls_sub_headed_boxes_tasks_its_other_sub_headed_boxes_are_children_too() -> None:
    # One shape through the plan: after "##### Backend Tasks:" in 2.1 and 2.3, the boxes under "##### Test types:"
    # and "##### Security Checklist:" are 7.1's and 7.2's child items, not their checklists.
    plan = PLAN + (
        "\n## Phase 7: Testing\n\n#### 7.1 Tests\n**Duration**: 3 days\n\n##### Test types:\n"
        "- [ ] **Unit Tests** (Backend Services)\n  - Goal service tests\n- [ ] **Integration Tests**\n\n"
        "#### 7.2 Security\n**Duration**: 2 days\n\n##### Security Checklist:\n- [ ] Enable TLS 1.3\n- [ ] WAF Configuration\n"
    )
    _, items = imported(plan)
    assert {i.title: i.parent for i in items.values() if i.parent in ("7.1", "7.2")} == {
        "Unit Tests (Backend Services)": "7.1",
        "Integration Tests": "7.1",
        "Enable TLS 1.3": "7.2",
        "WAF Configuration": "7.2",
    }
    assert items["7.1"].estimate_days == 3
