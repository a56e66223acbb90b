"""A ticket whose sub-headings hold items of their own: those are its children, not its fields; and boxes that
open with a task word and number (``- [ ] **Task 1.2:** x``) are items of that id (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# WebSocket tracker

## WS-1: Connection Manager ⏳

**Status:** Not Started

### Tasks

### Task 1.1: Implement the client class
- [x] Create `src/services/realtime-websocket.ts`
  - [ ] Connection lifecycle
  - [ ] Ping/pong heartbeat

- [ ] **Task 1.2:** Create `src/types/realtime.ts`
  - [ ] `ConnectionStatus` type

- [ ] **Task 1.3:** Manual testing

### Acceptance Criteria
- Connects and reconnects
"""


def test_the_sub_headings_items_are_children_of_the_ticket() -> None:
    report, items = imported(PLAN)
    phase = next(i for i in items.values() if i.title == "Connection Manager")
    kids = {i.id: i for i in items.values() if i.parent == phase.id}
    assert "1.1" in kids and kids["1.1"].title == "Implement the client class"
    assert {"1.2", "1.3"} <= set(items)
    assert items["1.2"].title == "Create `src/types/realtime.ts`" and items["1.2"].parent == "1.1"
    assert items["1.3"].title == "Manual testing"
    assert any("holds items of its own, not WS-1's fields" in ln for ln in report)
    assert "Connects and reconnects" in phase.acceptance  # a criteria heading is still the ticket's own


def test_a_task_number_on_a_box_is_its_id_and_references_resolve() -> None:
    _, items = imported(
        "# Plan\n\n## Work\n\n- [ ] **Task 5.1:** Unit tests\n- [ ] **Task 5.2:** Integration tests after Task 5.1\n"
    )
    assert list(items) == ["5.1", "5.2"]
    assert items["5.1"].title == "Unit tests"


def test_a_task_number_closing_its_bold_before_the_colon_is_the_boxs_id() -> None:
    # "**Task 1.1**: x" as "**Task 1.1:** x": the boxes define items; they are no view of items named elsewhere.
    report, items = imported(
        "# Billing plan\n\n## Phase 1: Foundation\n\n### Database\n"
        "- [ ] **Task 1.1**: Create the subscription migration\n  - [ ] Create the plans table\n"
        "- [ ] **Task 1.2**: Seed the plans\n\n### Services\n- [ ] **Task 1.3**: Implement the service, after Task 1.2\n"
    )
    assert {i: it.title for i, it in items.items() if i.startswith("1.")} == {
        "1.1": "Create the subscription migration",
        "1.1.1": "Create the plans table",
        "1.2": "Seed the plans",
        "1.3": "Implement the service",
    }
    assert items["1.3"].depends_on == ["1.2"]
    assert not any("a view" in ln for ln in report)


def test_boxes_of_work_right_under_a_heading_with_no_fields_are_its_child_items() -> None:
    md = (
        "# Information Security\n\n## IS-01 Know your organisation\nBefore you begin, define the organisation.\n\n"
        "- [ ] Identify the internal and external issues\n\n- [x] Document your stakeholders\n\n"
        "## IS-02 Limit the scope\n**Owner:** Dana\n\n- [ ] Identify the parts in scope\n- [ ] Document the activities\n\n"
        "## IS-03 Records\n\n- [ ] Asset register\n- [ ] Policy folder\n"
    )
    _, items = imported(md)
    got = {i: (it.title, it.parent, it.status) for i, it in items.items()}
    # A topic heading over work: the boxes are items; an item with a field of its own, or whose boxes name
    # things rather than work, keeps them as its steps.
    assert got == {
        "IS-01": ("Know your organisation", None, "in_progress"),  # from its child items
        "IS-01.1": ("Identify the internal and external issues", "IS-01", "todo"),
        "IS-01.2": ("Document your stakeholders", "IS-01", "done"),
        "IS-02": ("Limit the scope", None, "todo"),
        "IS-03": ("Records", None, "todo"),
    }
    assert "- [ ] Identify the parts in scope" in items["IS-02"].description


def test_boxes_saying_how_long_they_take_under_a_numbered_heading_are_its_child_items() -> None:
    md = (
        "# Roadmap\n\n## Phase 1: Foundation\n\n### 1.1 Technical Infrastructure Completion\n"
        "- [ ] **Vote Schema Refactor** (1-2 days)\n  - Implement the Vote table\n  - Migrate existing data\n\n"
        "- [x] **Database Optimization** (2-3 days)\n  - Add performance indexes\n\n"
        "### 1.2 Structured Data Audit\n- [ ] **Data Source Inventory**\n- [ ] **Data Quality Report**\n"
    )
    _, items = imported(md)
    got = {i: (it.title, it.parent, it.status, it.estimate_days) for i, it in items.items()}
    # Work with a duration of its own is an item; boxes naming things alone stay the heading's steps.
    assert got == {
        "1.1": ("Technical Infrastructure Completion", None, "in_progress", None),
        "1.1.1": ("Vote Schema Refactor", "1.1", "todo", 2.0),
        "1.1.2": ("Database Optimization", "1.1", "done", 3.0),
        "1.2": ("Structured Data Audit", None, "todo", None),
    }
    assert items["1.1.1"].description == "- Implement the Vote table\n- Migrate existing data"
    assert "- [ ] Data Source Inventory" in items["1.2"].description


def test_beside_numbered_topics_over_their_work_the_plans_other_boxes_are_work_too() -> None:
    md = (
        "# Roadmap\n\n## Phase 1: Polish\n\n### 1.1 Fix Broken Photos\n\n- [x] Investigate the failing images\n"
        "- [ ] Add a fallback avatar\n\n### 1.2 Global Search\n\n- [ ] Build the search API\n- [ ] Add the search bar\n\n"
        "## Technical Improvements\n\n### Testing & Quality\n\n- [ ] Add unit tests (Vitest)\n- [ ] Set up CI/CD pipeline\n"
    )
    _, items = imported(md)
    assert [i.title for i in items.values() if i.parent is None][2:] == [
        "Add unit tests (Vitest)",
        "Set up CI/CD pipeline",
    ]
