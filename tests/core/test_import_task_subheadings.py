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
