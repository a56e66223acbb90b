"""A table of controls with an owner, a state and a criticality under a checklist's title: its rows are the
work, named by its first column (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# ✅ Compliance Checklist

## Controls Matrix

| Control Area | Description | Frequency | Criticality | Owner | Status |
|---|---|---|---|---|---|
| **Data Retention** | Validate retention schedules | Every 90 days | High | Data Officer | ⬜ |
| **Backup Testing** | Test restore procedures | Monthly | Medium | IT Operations | ✅ |
"""


def test_rows_of_a_control_table_under_a_checklist_title_are_items() -> None:
    report, items = imported(PLAN)
    assert [(i.title, i.owner, i.priority, i.status) for i in items.values()] == [
        ("Data Retention", "Data Officer", "P1", "todo"),
        ("Backup Testing", "IT Operations", "P2", "done"),
    ]
    assert "plan.md:5: note: table: column 'Control Area' names the work each row tracks: titles" in report


def test_the_same_table_under_headings_about_something_else_is_no_work() -> None:
    report, items = imported(
        PLAN.replace("✅ Compliance Checklist", "Architecture").replace("Controls Matrix", "Inventory")
    )
    assert items == {}
    assert any("skipped: table (Control Area, Description" in line for line in report)


def test_a_table_of_migrations_under_the_plans_title_is_its_work() -> None:
    plan = """# Service Migration Registry

## Rules

- Every migration has an owner and a rollback.

# Current registry

| Area | Legacy | Status | Owner | ETA |
|---|---|---|---|---|
| Billing API | SOAP endpoints | In progress | Payments team | Week 3 |
| Search | Solr 6 | Not started | Platform | Week 6 |
| Auth | session cookies | Done | Identity | Week 2 |
"""
    report, items = imported(plan)
    assert [(i.title, i.status, i.owner) for i in items.values()] == [
        ("Billing API", "in_progress", "Payments team"),
        ("Search", "todo", "Platform"),
        ("Auth", "done", "Identity"),
    ]
    assert any("column 'Area' names the work each row tracks" in line for line in report)
