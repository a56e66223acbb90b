"""A schedule whose cells list the week's activities: each entry is a task (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Deprecation Timeline

| Week | Dates (2026) | Phase | Key Activities |
| :--- | :--- | :--- | :--- |
| **Week 1** | Jan 19 - Jan 25 | **Phase 1: Monitoring** | - Monitor new system stability.<br>- Legacy system in read-only mode. |
| **Week 2** | Jan 26 - Feb 1 | **Phase 2: Internal Deprecation** | - Update internal tools.<br>- Audit all systems. |
"""


def test_each_entry_of_a_cells_list_is_a_task_of_that_rows_phase() -> None:
    report, items = imported(PLAN)
    assert [i.title for i in items.values()] == [
        "Monitor new system stability.",
        "Legacy system in read-only mode.",
        "Update internal tools.",
        "Audit all systems.",
    ]
    assert [i.phase for i in items.values()] == ["1", "1", "2", "2"]
    assert any("each entry of the lists its cells hold is a task" in ln for ln in report)


def test_cells_of_prose_under_an_activities_header_stay_unread() -> None:
    plain_cells = PLAN.replace("- Monitor new system stability.<br>- Legacy system in read-only mode.", "Monitoring")
    plain_cells = plain_cells.replace("- Update internal tools.<br>- Audit all systems.", "Updating tools")
    report, items = imported(plain_cells)
    assert not items
    assert any("no id column and no known shape" in ln for ln in report)
