"""Lists under a milestone or a snapshot of progress that are work, not more milestones or progress notes (issue
43): a milestone's own lists, work packages led in as work, tasks counted in a lead-in."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown

from .import_plan import imported


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
