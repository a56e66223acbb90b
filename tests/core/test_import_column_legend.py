"""A list that says what each column of the plan's tables holds (```ID` - The ID of the task``) is a legend of the
tables, not work, even in a to-do list (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Todos

## Column descriptions

- `ID` - The ID of the task
- `Depends on` - The ID(s) of the task that this task depends on
- `Task` - The task to be completed
- `Status` - The current status of the task, one of:
  - `Done` - The task is completed
  - `Backlog` - The task is in the backlog
- `Priority` - The priority of the task

## Current

| ID  | Depends on | Task                  | Status  | Priority |
| --- | ---------- | --------------------- | ------- | -------- |
| 3   |            | New datasets          | Backlog | Medium   |
| 5   | 3          | Run hyperparam search | Backlog | High     |

## Ideas

- `Mixup` - try mixup augmentation
- `Export` - write the results to CSV
- `Report` - draft the report
"""


def test_a_list_of_the_tables_columns_is_no_work() -> None:
    report, items = imported(PLAN)
    assert [i.title for i in items.values()] == [
        "New datasets",
        "Run hyperparam search",
        "`Mixup` - try mixup augmentation",
        "`Export` - write the results to CSV",
        "`Report` - draft the report",
    ], report
    assert any("the columns of the plan's tables" in line for line in report)
