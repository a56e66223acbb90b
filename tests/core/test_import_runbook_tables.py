"""A cutover plan's tables of timed activities and steps, each with its owner, are its items (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Cutover Plan

### Phase 1: Pre-Cutover Preparation

| Timing | Activity | Owner | Notes |
|--------|----------|-------|-------|
| T-4 weeks | Finalize the cutover plan | Project Manager | circulate it |
| T-2 weeks | Freeze changes to the legacy system | Business Owner | |

### Phase 2: Cutover Execution (Day 0)

| Time (Day 0) | Step | Owner | Notes |
|--------------|------|-------|-------|
| 00:00 – 01:00 | Put the legacy system in read-only mode | Operations | |
| 01:00 – 03:00 | Migrate the final dataset | DevOps Lead | verify counts |
"""


def test_activity_and_step_columns_name_the_work() -> None:
    _, items = imported(PLAN)
    assert [(i.title, i.owner) for i in items.values()] == [
        ("Finalize the cutover plan", "Project Manager"),
        ("Freeze changes to the legacy system", "Business Owner"),
        ("Put the legacy system in read-only mode", "Operations"),
        ("Migrate the final dataset", "DevOps Lead"),
    ]


def test_a_step_column_of_numbers_is_no_title() -> None:
    _, items = imported(
        "# P\n\n## Order\n\n| Step | Owner | Notes |\n|---|---|---|\n| 1 | Ann | a |\n| 2 | Bob | b |\n"
    )
    assert all(i.title not in ("1", "2") for i in items.values())
