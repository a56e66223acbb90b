"""Task headings ticked off by a box drawn as a character (``### □ TASK-001: Setup``) under headings that each name
one milestone, and numbered tips beside them (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Comic organizer: task-based plan

## 🎯 MILESTONE 1: Project Foundation
**Goal:** Running app with basic structure

### □ TASK-001: Initial Project Setup
**Dependencies:** None
**Estimated:** 30 minutes

**Steps:**
1. Create the multiplatform project
2. Add the ZIP package

**Success Criteria:**
- [ ] Project builds without errors

### □ TASK-002: Folder Structure
**Dependencies:** TASK-001

**Success Criteria:**
- [ ] Groups created

## 🎯 MILESTONE 2: Data Foundation

### ☑ TASK-003: Comic Model
**Dependencies:** TASK-001, TASK-002

- [ ] Model compiles

## 💡 Tips for Moving Fast

### 1. **Focus on One Task at a Time**
Complete each task fully before moving to next.

### 2. **Test Immediately**
Build and run after each task.
"""


def test_each_boxed_task_heading_is_an_item_in_its_boxes_state_with_its_dependencies() -> None:
    # Before: "□" was no mark a heading could open with, so TASK-001 was no ticket; once it was, each task heading
    # under a milestone was read as a milestone of its own (the milestone's boxes its items), and the tips were items.
    _, items = imported(PLAN)
    assert list(items) == ["TASK-001", "TASK-002", "TASK-003"]
    assert [(i.title, i.status) for i in items.values()] == [
        ("Initial Project Setup", "todo"),
        ("Folder Structure", "todo"),
        ("Comic Model", "done"),
    ]
    assert items["TASK-003"].depends_on == ["TASK-001", "TASK-002"]
    assert items["TASK-002"].depends_on == ["TASK-001"]


def test_numbered_headings_under_a_heading_of_principles_are_no_items() -> None:
    text = """# Migration plan

## Key Architectural Principles

### 1. Module Independence
Each module owns its tables.

### 2. Inter-Module Communication
Modules talk through events.

## Migration Plan

### PR 1: Create the project structure
**Tasks:**
- Create the Spring Boot project
- Set up Maven
"""
    _, items = imported(text)
    assert [i.title for i in items.values()] == [
        "Create the project structure",
        "Create the Spring Boot project",
        "Set up Maven",
    ]


def test_numbered_steps_under_a_guide_are_how_to_work_not_work() -> None:
    text = """# DI refactoring plan

## Phase 1: Core

### 1.1 Refactor the settings service
- [ ] Inject the store
- [ ] Remove the singleton

## Manual Dependency Analysis Guide

#### Step 8: Quick Start Selection Guide
1. **Pick one file** from the list above
2. **Check its dependencies** with the commands above
3. **Start refactoring** with a small commit
"""
    _, items = imported(text)
    titles = [i.title for i in items.values()]
    assert "Pick one file" not in titles and "Start refactoring" not in titles
    assert "Refactor the settings service" in titles
