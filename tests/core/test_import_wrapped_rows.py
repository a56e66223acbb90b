"""A tracking table wrapped by hand to a fixed width: a long cell runs on into a row of its own whose state and name
cells are empty. Such a row continues the row above, not an item of its own; the rows are work by their states, named
by the column filled on every one of them even when it is not the first (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers.vocabulary.statuses import parse_status
from tests.core.import_plan import imported

PLAN = """# TODO

### Formatter options

| Progress    | Our Option           | Their Option     | Description                                  |
|-------------|----------------------|------------------|----------------------------------------------|
| Not Yet     |                      | align_entries    | Align entries vertically. Entries that have  |
|             |                      |                  | comments between them are not aligned.       |
| Not Planned |                      | reorder_keys     | Alphabetically reorder keys.                 |
| Done        | array-comma-width    | compact_arrays   | Omit padding inside single-line arrays.      |
|             | array-bracket-width  |                  |                                              |
| Done        | line-width           | column_width     | Target maximum column width.                 |
"""


def test_rows_running_on_join_the_row_above_and_the_filled_column_names_the_work() -> None:
    lines, items = imported(PLAN)
    assert [(i.title, i.status) for i in items.values()] == [
        ("align_entries", "todo"),
        ("reorder_keys", "cancelled"),
        ("compact_arrays", "done"),
        ("column_width", "done"),
    ]
    first = next(iter(items.values()))
    assert "comments between them are not aligned" in first.description


def test_a_row_with_a_name_and_no_state_is_not_a_run_on() -> None:
    md = PLAN.replace(
        "|             |                      |                  | comments",
        "|             |                      | sort_keys        | comments",
    )
    lines, _ = imported(md)
    assert any("run on from the row above" in ln for ln in imported(PLAN)[0])
    assert not any("run on from the row above" in ln for ln in lines)


def test_a_key_of_states_each_stated_once_is_no_tracker() -> None:
    md = "# Plan\n\n| Status Code | Description | Color Code |\n|---|---|---|\n| 🔴 | Not Started | Red |\n"
    md += "| 🟡 | In Progress | Yellow |\n| 🟢 | Done | Green |\n"
    _, items = imported(md)
    assert not items


def test_not_planned_is_cancelled() -> None:
    assert parse_status("Not Planned") == "cancelled"
