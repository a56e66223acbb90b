"""Stories written as bold lines (``**Story 3.1: Title**``) over their text, criteria and prerequisites (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Epic 3: Live dashboard

## Stories

**Story 3.1: Dashboard worker**

As a developer, I want a dashboard.

**Acceptance Criteria:**
1. Serves the page from the worker
2. Status badge colors: gray (queued), green (completed)

**Story 3.2: Test run list**

As a developer, I want a list of runs.

**Prerequisites:** Story 3.1

**Story 3.3: Live updates**

**Prerequisites:** Story 3.2

**Epic 3 Summary:**
- **Sequential dependencies:** 3.1 → 3.2 → 3.3
"""


def test_bold_story_lines_are_items_their_criteria_conditions_and_no_item_waits_on_itself() -> None:
    lines, items = imported(PLAN)
    got = [(i.id, i.title, i.status) for i in items.values()]
    assert got == [
        ("3.1", "Dashboard worker", "todo"),
        ("3.2", "Test run list", "todo"),
        ("3.3", "Live updates", "todo"),
    ]
    # The criteria list is the story's acceptance, its "Status badge colors:" no status field.
    assert items["3.1"].acceptance == [
        "Serves the page from the worker",
        "Status badge colors: gray (queued), green (completed)",
    ]
    assert items["3.2"].depends_on == ["3.1"]
    assert "3.3" not in items["3.3"].depends_on
    assert any("does not wait on itself" in ln for ln in lines)


def test_bold_lines_of_dotted_ids_and_titles_head_items() -> None:
    plan = (
        "# Work plan\n\n## Tasks\n\n**T1.1 Project governance & coordination**\n\n* steering committee\n\n"
        "**T1.2 Quality assurance (Lead: CLS)**\n\n* peer review process\n\n**2026 goals**\n\nGrow the team.\n"
    )
    _, items = imported(plan)
    assert [(i.id, i.title, i.owner) for i in items.values()][:2] == [
        ("T1.1", "Project governance & coordination", ""),
        ("T1.2", "Quality assurance", "CLS"),
    ]
    assert "2026" not in items
