"""A plan's weeks in collapsible sections (``<details>`` over ``<summary>Week 1</summary>``) under a milestones
heading: each summary a heading, the lists under each week its work (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown
from readiness_tui.core.importers.document.normalize import summary_headings

from .import_plan import imported

PLAN = """# RecycleRoute

## MVP

- User account with authentication
- Shows the nearest facilities

## Milestones :calendar:

<details>

**<summary>Week 1: Set Up 09/4 - 09/11 :seedling: </summary>**

#### Frontend

- Look into React Native and CSS

#### Backend

- Plan out the database schema
- Play around with the APIs
</details>

<details>
<summary><b>Week 2: Coding</b></summary>

- Code the initial screens
</details>
"""


def test_each_summary_is_a_heading_and_the_details_tags_go() -> None:
    lines = PLAN.split("\n")
    said: list[tuple[int, str]] = []
    summary_headings(lines, lambda n, what: said.append((n, what)))
    assert lines[11] == "### Week 1: Set Up 09/4 - 09/11 :seedling:"
    assert lines[24] == "### Week 2: Coding"  # one level under Milestones again, past Week 1's "#### Backend"
    assert lines[9] == lines[21] == lines[23] == lines[27] == ""  # the <details> tags
    assert said[0] == (12, "collapsible section 'Week 1: Set Up 09/4 - 09/11 :seedling:' read as a heading")


def test_the_work_of_each_week_under_the_milestones_heading_is_read() -> None:
    _, items = imported(PLAN)
    assert [i.title for i in items.values()] == [
        "User account with authentication",
        "Shows the nearest facilities",
        "Look into React Native and CSS",
        "Plan out the database schema",
        "Play around with the APIs",
        "Code the initial screens",
    ]


def test_a_list_of_milestones_is_still_no_work() -> None:
    plan = "# R\n\n## MVP\n\n- Sign in\n- Upload a photo\n\n## Milestones\n\n- Beta in March\n- Launch in May\n"
    _, items = imported(plan)
    assert [i.title for i in items.values()] == ["Sign in", "Upload a photo"]


def test_a_summary_inside_a_code_block_stays_code() -> None:
    lines = ["# R", "```html", "<details>", "<summary>Week 1</summary>", "</details>", "```"]
    summary_headings(lines, lambda n, what: None)
    assert lines[3] == "<summary>Week 1</summary>"
    assert lines[2] == "<details>"


def test_the_work_of_each_milestone_under_the_milestones_heading_is_read() -> None:
    plan = (
        "# BudgetBuddy\n\n## b) Future Milestones:\n\n### Milestone 2: Dec.2\n\n#### Frontend:\n\n"
        "  1. Implement income and expense tracking layout.\n  2. Develop basic data visualization.\n\n"
        "### Milestone 3: Dec.11\n\n#### Backend:\n\n  1. Add biometric authentication.\n"
    )
    _, items = imported(plan)
    assert [i.title for i in items.values()] == [
        "Implement income and expense tracking layout.",
        "Develop basic data visualization.",
        "Add biometric authentication.",
    ]


def test_work_packages_led_in_under_a_milestone_are_its_work() -> None:
    plan = (
        "# Relic\n\n## Future Milestones\n\n### Milestone 4: Performance Optimization\n\n"
        "Work packages:\n- WP-EXT-5.1: AR UX Enhancements (P1/M)\n- WP-EXT-5.3: Central Tick Manager (P0/S)\n\n"
        "### Milestone 5: Polish\n\n- M5: Ship the polish by 2026-03-01\n"
    )
    result = import_markdown(plan, "plan.md")
    assert result.board is not None
    got = {i.id: (i.title, i.priority, i.custom) for i in result.board.items}
    assert got == {
        "WP-EXT-5.1": ("AR UX Enhancements", "P1", {"size": "M"}),
        "WP-EXT-5.3": ("Central Tick Manager", "P0", {"size": "S"}),
    }
    assert [m.id for m in result.board.milestones] == ["M5"]


def test_tasks_counted_in_a_lead_in_under_a_snapshot_are_work_not_progress_notes() -> None:
    plan = (
        "# Streaming\n\n## Response snapshot\n\nAdded Phase 11 with 3 new tasks.\n\n"
        "**Backend Implementation (2 tasks):**\n- T067: Create backend/websockets directory structure\n"
        "- T068: Implement ConnectionManager class\n\n**Tests (1 task):**\n- T079: Integration test for the lifecycle\n"
    )
    result = import_markdown(plan, "plan.md")
    assert result.board is not None
    assert [(i.id, i.title) for i in result.board.items] == [
        ("T067", "Create backend/websockets directory structure"),
        ("T068", "Implement ConnectionManager class"),
        ("T079", "Integration test for the lifecycle"),
    ]
    assert result.board.progress == []


def test_a_progress_list_naming_items_read_already_stays_progress() -> None:
    plan = (
        "# Plan\n\n## Tasks\n\n- [ ] AUTH-1: Build the exporter\n- [ ] AUTH-2: Ship it\n\n## Progress snapshot\n\n"
        "Where we are.\n\n**Tasks (2 tasks):**\n- AUTH-1: exporter merged\n- AUTH-2: waiting on review\n"
    )
    result = import_markdown(plan, "plan.md")
    assert result.board is not None
    assert [i.id for i in result.board.items] == ["AUTH-1", "AUTH-2"]
    assert [p.item for p in result.board.progress] == ["AUTH-1", "AUTH-2"]
