"""Lines naming a period of the plan and what it is for, each right over its list, where one list runs on into
the next period's line with no blank line between (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# spaced-learner
A spaced learning web app.

Implementation Timeline:
Milestone One: Get basic app working for one user
 - Create page to create new entries
 - Switch from testing concepts to Object-Oriented Design
Milestone Two: Get basic app working for multiple users
 - Add login and authentication
 - Begin deploying online
Milestone Three: Facelift
 - Reform the interface
"""


def test_each_period_line_over_its_list_is_a_heading_and_the_entries_its_work() -> None:
    report, items = imported(PLAN)
    # Before: "Milestone Two: …" ran on as the words of "Switch from testing concepts …", one merged title.
    assert [i.title for i in items.values()] == [
        "Create page to create new entries",
        "Switch from testing concepts to Object-Oriented Design",
        "Add login and authentication",
        "Begin deploying online",
        "Reform the interface",
    ]
    assert any("3 lines naming periods of the plan, each over its list: headings" in line for line in report)


def test_one_period_line_alone_stays_text() -> None:
    md = "# Plan\n\n- Write the parser\nMilestone One: parser done\n- Ship it\n"
    report, _ = imported(md)
    assert not any("lines naming periods" in line for line in report)
