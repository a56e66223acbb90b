"""A table of the people or agents who own the plan's work is a roster, not items (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Team Registry

## Team

| Agent | ID | Role | Status |
|-------|----|------|--------|
| **Frontend Expert** | OWL-FE | Next.js UI | ✅ Online |
| **Backend Expert** | OWL-BE | API, PostgreSQL | ✅ Online |

## Active Tasks

| Task ID | Description | Assignee | Status | Dependencies |
|---------|-------------|----------|--------|--------------|
| T-001 | Database schema | OWL-BE | ✅ Done | — |
| T-002 | RSVP form | {second} | 🔄 In Progress | T-001 |
"""


def test_a_table_whose_ids_own_the_tasks_is_a_roster() -> None:
    report, items = imported(PLAN.format(second="OWL-FE"))
    assert list(items) == ["T-001", "T-002"]
    assert items["T-002"].owner == "OWL-FE" and items["T-002"].depends_on == ["T-001"]
    assert any("a roster of people" in ln for ln in report)


def test_a_table_one_of_whose_ids_owns_no_task_stays_items() -> None:
    # OWL-FE owns nothing here: the first table is not only the plan's people.
    _, items = imported(PLAN.format(second="OWL-BE"))
    assert {"OWL-FE", "OWL-BE", "T-001", "T-002"} <= set(items)


def test_a_team_table_of_names_and_roles_is_a_roster_though_one_member_owns_nothing_yet() -> None:
    plan = (
        "# Sprint 1\n\n## Team\n\n| Member ID | Name | Role | Weekly Hours |\n|---|---|---|---|\n"
        "| TM-01 | Michael Chen | Lead Developer | 45 |\n| TM-02 | Emily Rodriguez | Frontend Developer | 45 |\n"
        "| TM-03 | Amanda Foster | Designer | 20 |\n\n## US-001: User Registration\n\n"
        "| Task | Assigned To | Total Hours |\n|---|---|---|\n| Development | Michael Chen (TM-01) | 18 |\n"
        "| Testing | Emily Rodriguez (TM-02) | 9 |\n"
    )
    report, items = imported(plan)
    assert not {"TM-01", "TM-02", "TM-03"} & set(items)
    assert any("a roster of people; dropped, not items" in ln for ln in report)


def test_sub_headings_under_a_heading_by_team_member_name_the_owners() -> None:
    plan = (
        "# Issues\n\n## Issues by Team Member\n\n### 🎨 UI/UX Designer (2 Issues)\n\n"
        "| # | Issue | Priority |\n|---|---|---|\n| 1 | Design the wireframes | High |\n| 2 | Pick the colours | High |\n\n"
        "### 💻 Backend Developer (1 Issue)\n\n| # | Issue | Priority |\n|---|---|---|\n| 3 | Set up Room | High |\n\n"
        "## Sprint Plan\n\n| # | Issue | Priority |\n|---|---|---|\n| 4 | Release notes | Low |\n"
    )
    _, items = imported(plan)
    assert {i.id: i.owner for i in items.values()} == {
        "1": "UI/UX Designer",
        "2": "UI/UX Designer",
        "3": "Backend Developer",
        "4": "",
    }
