"""A roadmap kept as a table of a project's parts, each with its state and maintainer (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """## RoadMap

| Module  | Submodule      | State       | Current Maintainer | Notes |
| ------- | -------------- | ----------- | ------------------ | ----- |
| Core    | StaticAnalyzer | Done        | CHD                |       |
| Core    | Logger         | In progress | CHD                |       |
| Checker | MemoryChecker  | Done        | ZRH                |       |
| main    |                | Done        | CHD                |       |
"""


def test_the_part_column_names_each_row_the_module_groups_it_the_maintainer_owns_it() -> None:
    # Before: the maintainer was no owner and the repeated module column no names, so the table was skipped.
    report, items = imported(PLAN)
    got = [(i.title, i.workstream, i.status, i.owner) for i in items.values()]
    assert got[:3] == [
        ("StaticAnalyzer", "Core", "done", "CHD"),
        ("Logger", "Core", "in_progress", "CHD"),
        ("MemoryChecker", "Checker", "done", "ZRH"),
    ]
    assert len(got) == 4 and "column 'Submodule' names the work each row tracks" in "\n".join(report)
