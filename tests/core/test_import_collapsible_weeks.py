"""A plan's weeks in collapsible sections (``<details>`` over ``<summary>Week 1</summary>``) under a milestones
heading: each summary a heading, the lists under each week its work (issue 43)."""

from __future__ import annotations

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
