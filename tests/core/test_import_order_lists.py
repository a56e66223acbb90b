"""An order of work written as a numbered list citing the plan's items (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

_TASKS = (
    "# MVP\n\n## Tasks\n\n| ID | Task |\n|---|---|\n| T3.2 | Roll-up green |\n| T3.3 | Check green |\n"
    "| T3.4 | Strict smoke |\n| T4.1 | Submit |\n| T4.2 | Refresh status |\n| T4.3 | Refresh report |\n\n"
)


def test_each_step_of_an_execution_order_comes_after_the_step_before() -> None:
    md = _TASKS + (
        "## Current execution order\n\n1. Run T3.4 (strict smoke) to refresh the artifacts.\n"
        "2. Run T3.2 and T3.3 to confirm readiness.\n3. Run T4.1 then refresh reports via T4.2 and T4.3.\n"
    )
    report, items = imported(md)
    assert not any(it.depends_on for it in items.values())  # an order, not a wait: nothing is blocked by it
    assert {i: it.soft_depends_on for i, it in items.items() if it.soft_depends_on} == {
        "T3.2": ["T3.4"],
        "T3.3": ["T3.4"],
        "T4.1": ["T3.2", "T3.3"],
        "T4.2": ["T4.1"],
        "T4.3": ["T4.1"],
    }
    assert any(
        "soft dependencies (an order, not a wait) read from the order under 'Current execution order'" in ln
        for ln in report
    )


def test_a_numbered_list_citing_items_under_another_heading_orders_nothing() -> None:
    md = _TASKS + "## Notes\n\n1. Run T3.4 first.\n2. Run T3.2 and T3.3.\n"
    _, items = imported(md)
    assert not any(it.soft_depends_on for it in items.values())


def test_a_step_naming_no_item_leaves_the_order_unread() -> None:
    md = _TASKS + "## Execution order\n\n1. Run T3.4.\n2. Tell the team.\n3. Run T3.2.\n"
    _, items = imported(md)
    assert not any(it.soft_depends_on for it in items.values())


GROUP_ORDER = """# Tasks: Export service

## Phase 1: Setup

- [ ] T001 Create the export package

## Phase 2: Foundational

- [ ] T002 [P] Add the storage client
- [ ] T003 [P] Add the job table

## Phase 3: User Story 1 - Export a report (Priority: P1)

- [ ] T004 [US1] Write the CSV writer

## Phase 4: User Story 2 - Schedule exports (Priority: P2)

- [ ] T005 [US2] Add the scheduler

## Phase 5: Hardening and docs

- [ ] T006 Document the export API

## Dependencies

### Story completion order

1. Phase 1 (Setup)
2. Phase 2 (Foundational) — blocks all user stories
3. US1 — the writer
4. US2 — the scheduler
5. Hardening
"""


def test_a_numbered_order_of_groups_makes_each_group_wait_on_the_one_before() -> None:
    report, items = imported(GROUP_ORDER)
    assert {i.id: i.depends_on for i in items.values()} == {
        "T001": [],
        "T002": ["T001"],
        "T003": ["T001"],
        "T004": ["T002", "T003"],
        "T005": ["T004", "T002", "T003"],
        "T006": ["T005"],
    }
    assert any("order of groups under 'Story completion order'" in line for line in report)


def test_an_order_with_a_step_naming_no_group_says_nothing() -> None:
    _, items = imported(GROUP_ORDER.replace("5. Hardening", "5. Celebrate the launch"))
    assert all(not i.depends_on for i in items.values())
