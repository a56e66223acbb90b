"""Boxes under a heading inside "Action items" are work, even in a plan whose items are id headings (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Review

## Concerns

### ARCH-002: Feature flag source of truth
**Priority:** Medium

### SEC-001: Token storage
**Priority:** High

# {top}

## Next Sprint

- [ ] **DEV:** Implement httpOnly cookie auth
- [x] **QA:** Create API contract tests

## Post-Launch

- [ ] **DEV:** Build Admin proposal UI
"""


def test_boxes_under_action_items_subheadings_are_items() -> None:
    report, items = imported(PLAN.format(top="SECTION 7: ACTION ITEMS"))
    assert len(items) == 5
    made = [i for i in items.values() if i.id not in ("ARCH-002", "SEC-001")]
    assert [i.status for i in made] == ["todo", "done", "todo"]
    assert made[0].title == "DEV: Implement httpOnly cookie auth"


def test_boxes_under_a_heading_that_names_no_work_stay_checks() -> None:
    # "Sign-off" over the same boxes: checks around the work the id headings name.
    report, items = imported(PLAN.format(top="Sign-off"))
    assert list(items) == ["ARCH-002", "SEC-001"]
    assert any("has no ids where the plan's item headings do" in ln for ln in report)


def test_a_title_naming_a_task_list_does_not_make_its_checks_work() -> None:
    # The document's title says what the whole plan is; the gates under a status heading are checks still.
    plan = (
        "# Task List: Upgrade Guide\n\n## Tasks\n\n#### Task 1.1: Write the guide\n**Priority:** High\n\n"
        "#### Task 1.2: Validate it\n**Priority:** Medium\n\n## Implementation Status\n\n### Quality Gates\n"
        "- [ ] **Code Review Completed** - All code reviewed\n- [ ] **Tests Passing** - All tests pass\n"
    )
    report, items = imported(plan)
    assert sorted(items) == ["1.1", "1.2"]
    assert any("has no ids where the plan's item headings do" in ln for ln in report)


def test_boxes_under_a_week_of_the_schedule_are_its_work() -> None:
    # "### Week 2-4" names a part of the schedule: the boxes under it are done then, beside the id headings.
    plan = (
        PLAN.format(top="Timeline")
        .replace("## Next Sprint", "### Week 2-4: Optimization")
        .replace("## Post-Launch", "## Housekeeping")
    )
    report, items = imported(plan)
    made = [i.title for i in items.values() if i.id not in ("ARCH-002", "SEC-001")]
    assert made == ["DEV: Implement httpOnly cookie auth", "QA: Create API contract tests"]
    assert any("Housekeeping" in ln and "has no ids where the plan's item headings do" in ln for ln in report)


def test_boxes_under_the_plans_scope_are_what_it_covers_not_work() -> None:
    plan = (
        "# Performance test plan\n\n## Scope\n\n### In Scope\n\n#### Functional Areas\n\n"
        "- [ ] User authentication and registration\n- [ ] Shopping cart operations\n\n"
        "## Execution\n\n- [ ] Run the baseline load test\n- [ ] Run the stress test\n"
    )
    report, items = imported(plan)
    assert [i.title for i in items.values()] == ["Run the baseline load test", "Run the stress test"]
    assert any("'Functional Areas': what the plan covers, not tasks" in ln for ln in report)
