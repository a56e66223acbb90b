"""A plan pasted as plain text: a title line, then its fields as ``Key: value`` lines (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown
from tests.core.import_plan import imported

_BACKLOG = """Backlog with epics
Epic 1: Project setup
Set up version control

Story: As a developer, I want version control so that changes are tracked.
Story Points: 3
Establish the CI pipeline

Story: As a developer, I want CI so that every change is tested.
Story Points: 5
Epic 2: Security
Encrypt user data

Story: As a security officer, I want data encrypted at rest.
Story Points: 8
Note on story points:

1-3: small tasks.
"""


def test_title_lines_and_their_fields_are_items_grouped_by_the_lines_naming_epics() -> None:
    report, items = imported(_BACKLOG)
    assert {i: (it.title, it.workstream, it.custom) for i, it in items.items()} == {
        "T1": ("Set up version control", "Project setup", {"story_points": "3"}),
        "T2": ("Establish the CI pipeline", "Project setup", {"story_points": "5"}),
        "T3": ("Encrypt user data", "Security", {"story_points": "8"}),
    }
    assert items["T3"].description.startswith("Story: As a security officer")
    assert any("plain text records" in ln and "T1 .. T3" in ln for ln in report)
    # The title line and the lead-in share paragraphs with records: taken with them, and said.
    assert any(":1: skipped: line 'Backlog with epics' among the records" in ln for ln in report), report
    assert any("line 'Note on story points:' among the records" in ln for ln in report), report


def test_prose_with_a_few_labelled_lines_makes_no_records() -> None:
    md = "Release notes\nNote: read this first.\nThe build\nNote: it is slow.\n"
    result = import_markdown(md, "plan.md")
    assert result.board is not None and result.board.items == []
    assert any("paragraph before the first heading: not imported" in ln for ln in result.report_lines)


def test_records_are_not_read_beside_the_plan_s_other_items() -> None:
    md = "# P\n\n## Work\n\n- [ ] Ship it\n\n## Notes\n\n" + _BACKLOG.split("Epic 2")[0]
    _, items = imported(md)
    assert [i.title for i in items.values()] == ["Ship it"]


def test_a_field_said_after_each_record_of_a_section_is_each_record_s() -> None:
    # "Priority: Medium" after every story of a sprint is the story's, not a default of the sprint.
    md = (
        "# Product Backlog\n\n## Sprint 4 Stories\n\n"
        "7 - As Tony, I want default workout plans\n\nPriority: Medium\n\nFIT-105\n\n"
        "12 - As Rachael, I want daily goals\n\nPriority: High\n\nFIT-103\n\n"
        "## Sprint 3 Stories\n\n3 - As Andre, I want a profile\n\nPriority: Low\n\nFIT-45\n\n"
        "8 - As Andre, I want a home page\n\nPriority: High\n\nFIT-46\n"
    )
    report, items = imported(md)
    assert [(i.title, i.priority) for i in items.values()] == [
        ("7 - As Tony, I want default workout plans", "P2"),
        ("12 - As Rachael, I want daily goals", "P1"),
        ("3 - As Andre, I want a profile", "P3"),
        ("8 - As Andre, I want a home page", "P1"),
    ]
    assert not any("for its items" in ln for ln in report)


def test_one_field_paragraph_under_a_heading_stays_the_section_s_default() -> None:
    md = "# Plan\n\n## Launch\n\nPriority: High\n\n- [ ] Write the announcement\n- [ ] Ship the build\n"
    _, items = imported(md)
    assert [i.priority for i in items.values()] == ["P1", "P1"]


_NAMED = """Backlog
Must-Have Stories
Story 1: User Registration
As a new user, I want to create an account, so that I can save my recipes
Priority: Must-Have
Est. Points: 5

Story 2: Recipe Creation (CRUD)
As a creator, I want to add a recipe, so that I can document my cooking.
Priority: Must-Have
Est. Points: 8

Story 3: Media Upload
As a user, I want to upload photos, so that my recipes look good.
Priority: Should-Have
Est. Points: 5

Acceptance criteria

User Story 1: User Registration
As a new user
I want to create an account with my email
So that I can save my recipes in the cloud
Priority: Must-Have
Estimated Points: 5
"""


def test_a_line_naming_each_record_gives_its_title_and_the_story_is_its_description() -> None:
    # "Story 1: User Registration" over each story: the record's name, not a group of one record.
    report, items = imported(_NAMED)
    assert [(i.title, i.priority, i.workstream) for i in items.values()] == [
        ("User Registration", "P0", ""),
        ("Recipe Creation (CRUD)", "P0", ""),
        ("Media Upload", "P1", ""),
    ]
    assert items["T1"].description.startswith("As a new user, I want to create an account")
    # The story told again further down, under the same name, is no second item.
    assert any("'User Registration' again" in ln for ln in report), report
