"""Milestone headings over plain entries of work, a go/no-go checklist, and a table naming the milestones by their
ids (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown
from tests.core.import_plan import imported, imported_with, items_of, report_of

PLAN = """# Go-live plan

## 3. Milestones

### M1. Data layer (about 1 week) - done

- Write the schema with Drizzle tables
- Generate the first migration

Exit check: a fresh project can be migrated.

### M2. Auth and bootstrap (about 1 week)

- Verify access tokens in the Worker
- Implement the bootstrap endpoint

### M9. Go-live day

1. Day before: tag the release and deploy
2. Go-live day: confirm the cron ran

## 4. Go/no-go checklist

- [ ] All exit checks passed
- [ ] Backups verified

## 6. Suggested sequence

| Weeks | Work |
| --- | --- |
| 1 | M1 data layer |
| 2 | M2 auth and bootstrap |
"""


def test_a_milestone_headings_entries_are_its_items_in_its_state() -> None:
    report, items = imported(PLAN)
    got = {i.title: i.status for i in items.values()}
    assert got == {
        "Write the schema with Drizzle tables": "done",
        "Generate the first migration": "done",
        "Verify access tokens in the Worker": "todo",
        "Implement the bootstrap endpoint": "todo",
        "Day before: tag the release and deploy": "todo",
        "Go-live day: confirm the cron ran": "todo",
    }, report


def test_the_go_no_go_boxes_and_the_milestones_schedule_are_no_items() -> None:
    report, items = imported(PLAN)
    assert "All exit checks passed" not in [i.title for i in items.values()]
    assert not [i for i in items if i in ("M1", "M2")]
    assert any("named by the plan's milestones" in line for line in report)


def test_a_milestone_s_success_criteria_are_no_work() -> None:
    md = (
        "# Board\n\n## Release Milestones\n\n### v0.2.0 - Automation Release (Week 9)\n**Features**:\n"
        "- Scheduling support\n- Watch mode\n\n**Success Criteria**:\n- 500+ GitHub stars\n- Zero critical bugs\n\n"
        "### v0.3.0 - CI/CD Release (Week 14)\n**Features**:\n- Jenkins plugin\n- GitLab CI\n\n"
        "**Success Criteria**:\n- 100+ paying customers\n- $25K MRR\n"
    )
    _, items = imported(md)
    assert [i.title for i in items.values()] == ["Scheduling support", "Watch mode", "Jenkins plugin", "GitLab CI"]


def test_a_recipe_keeps_a_milestone_s_labelled_list_as_text() -> None:
    md = (
        "# Board\n\n## Release Milestones\n\n### v0.2.0 - Automation Release\n**Features**:\n"
        "- Scheduling support\n- Watch mode\n\n### v0.3.0 - CI/CD Release\n**Features**:\n- Jenkins plugin\n- GitLab CI\n"
    )
    assert [i.title for i in items_of(imported_with(md, None)).values()] == [
        "Scheduling support",
        "Watch mode",
        "Jenkins plugin",
        "GitLab CI",
    ]
    result = imported_with(md, '[lists]\n"Features" = "text"\n')
    assert result.board is not None and result.board.items == []
    assert "led in by 'Features': text, as the recipe says" in report_of(result)


def test_tasks_under_phases_with_effort_and_owner_and_dated_milestone_boxes() -> None:
    md = (
        "# Project: Website Redesign\n\n## Tasks\n\n### Phase 1: Discovery\n"
        "- **Requirements Gathering** (5 days, Mike Chen)\n- **Content Audit** (3 days, Lisa Wong)\n\n"
        "### Phase 2: Design\n- **Wireframes** (5 days, Sarah Johnson)\n\n"
        "## Milestones\n- [ ] Discovery Complete (2024-03-15)\n- [ ] Site Launch (2024-05-24)\n"
    )
    result = import_markdown(md, "plan.md")
    assert result.board is not None
    assert [(i.title, i.owner, i.estimate_days, i.phase) for i in result.board.items] == [
        ("Requirements Gathering", "Mike Chen", 5.0, "1"),
        ("Content Audit", "Lisa Wong", 3.0, "1"),
        ("Wireframes", "Sarah Johnson", 5.0, "2"),
    ]
    assert [(m.id, m.title, m.due) for m in result.board.milestones] == [
        ("M-1", "Discovery Complete", "2024-03-15"),
        ("M-2", "Site Launch", "2024-05-24"),
    ]
