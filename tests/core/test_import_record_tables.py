"""A heading over a table of one record, written down rather than across (each row a field and its value: ``<th>STATUS
</th><td>In Progress</td>`` in HTML, even with its ``<tr>`` tags missing, or ``| **Status** | In Progress |``), is
one piece of work: the heading the item, the table its fields (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Development notes

## Framework

### Testing platform
<table>
  <tr>
    <th>NAME</th>
    <td>TestPlatform</td>
  </tr>
  <tr>
    <th>DESCRIPTION</th>
    <td>Test new functionality with the production codebase.</td>
  </tr>
    <th>STATUS</th>
    <td>In Progress</td>
  </tr>
</table>

We should be able to develop without over-complicating the testing.

### External settings

| | |
|---|---|
| **Description** | Settings kept outside the code |
| **Status** | Done |
| **Owner** | Rebecca |
"""


def test_a_heading_over_a_table_of_its_fields_is_one_item() -> None:
    _, items = imported(PLAN)
    got = [(i.title, i.status, i.owner) for i in items.values()]
    assert got == [("Testing platform", "in_progress", ""), ("External settings", "done", "Rebecca")]
    first = next(iter(items.values()))
    assert "production codebase" in first.description


def test_a_two_column_table_of_work_stays_a_table_of_work() -> None:
    md = "# Plan\n\n## Work\n\n| Task | Status |\n|---|---|\n| Write the docs | Done |\n| Ship it | Todo |\n"
    _, items = imported(md)
    assert [(i.title, i.status) for i in items.values()] == [("Write the docs", "done"), ("Ship it", "todo")]
