"""A table whose title column repeats its value down runs of rows, beside a column naming each row apart: the
repeated column groups the rows, the other names each row's work (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Checklist 10: Data processing

|   | Activity | Description | Responsible | Duration (Months) |
|---|----------|-------------|-------------|-------------------|
| 1 | Develop plan | Appoint senior data processing staff | Management | 0 |
| 1 | Develop plan | Prepare the training manuals | IT | 6 |
| 1 | Develop plan | Enhance technical skills | IT | 6 |
| 2 | Locate centres | Find and set up processing offices | Administration | 6 |
| 3 | Processing operations | Load the master list of areas | IT | 1 |
| 3 | Processing operations | Define the quality control procedures | IT | 1 |
"""


def test_a_title_column_repeated_down_runs_of_rows_groups_them() -> None:
    _, items = imported(PLAN)
    got = [(it.title, it.workstream, it.owner) for it in items.values()]
    assert got == [
        ("Appoint senior data processing staff", "Develop plan", "Management"),
        ("Prepare the training manuals", "Develop plan", "IT"),
        ("Enhance technical skills", "Develop plan", "IT"),
        ("Find and set up processing offices", "Locate centres", "Administration"),
        ("Load the master list of areas", "Processing operations", "IT"),
        ("Define the quality control procedures", "Processing operations", "IT"),
    ]


def test_a_title_column_naming_each_row_keeps_the_description_as_such() -> None:
    md = (
        "# Plan\n\n| Task | Description | Owner |\n|---|---|---|\n| Set up CI | Runs the tests on push | ana |\n"
        "| Set up CI | Runs the linters | bo |\n| Write docs | The install guide | cy |\n| Ship | Tag the release | dee |\n"
    )
    _, items = imported(md)
    # One run of two rows is not a grouping of the table: the task column still names the work.
    assert [(it.title, it.description) for it in items.values()] == [
        ("Set up CI", "Runs the tests on push"),
        ("Set up CI", "Runs the linters"),
        ("Write docs", "The install guide"),
        ("Ship", "Tag the release"),
    ]


SUBTASKS = """# Performance backlog

| ID | Epic | Task | Subtask | Description | Estimate (h) | Priority | Status |
|----|------|------|---------|-------------|--------------|----------|--------|
| P-1 | Caching | Add a Redis cache | Create the connection service | Pool of ten | 1 | High | Planned |
| P-2 | Caching | Add a Redis cache | Write unit tests | Cover the cache | 2 | High | Planned |
| P-3 | Database | Index the tables | Add indexes for user queries | | 1 | Medium | Done |
| P-4 | Database | Index the tables | Write unit tests | Cover the indexes | 2 | Low | Planned |
"""


def test_a_subtask_column_names_each_row_of_its_task_s_run() -> None:
    # Before: "Task" was each row's title (two items called "Add a Redis cache") and the subtask kept in custom.
    # "Write unit tests" ends both runs: it names each row apart within its task, not across the table.
    _, items = imported(SUBTASKS)
    got = [(it.id, it.title, it.workstream, it.priority, it.status) for it in items.values()]
    assert got == [
        ("P-1", "Create the connection service", "Add a Redis cache", "P1", "todo"),
        ("P-2", "Write unit tests", "Add a Redis cache", "P1", "todo"),
        ("P-3", "Add indexes for user queries", "Index the tables", "P2", "done"),
        ("P-4", "Write unit tests", "Index the tables", "P3", "todo"),
    ]
