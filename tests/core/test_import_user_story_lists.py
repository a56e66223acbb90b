"""A list of user stories ("I want to be able to add new blends") is work, whatever lead-in stands over it (issue
43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown
from tests.core.import_plan import imported

PLAN = """# RoastingLog

This will be a program to help keep track of roasting.

Requirements:
* I want to only put in the amount of coffee each cafe needs
* I want to be able to delete cafes
* As a roaster, I want to add new blends
* I want a button to reset the values that change from day to day.
"""


def test_user_stories_under_a_requirements_lead_in_are_items() -> None:
    # Before: "Requirements:" named conditions, so the list joined the plan's introduction and nothing was imported.
    _, items = imported(PLAN)
    assert [i.title for i in items.values()] == [
        "I want to only put in the amount of coffee each cafe needs",
        "I want to be able to delete cafes",
        "As a roaster, I want to add new blends",
        "I want a button to reset the values that change from day to day.",
    ]


def test_conditions_under_the_same_lead_in_stay_text() -> None:
    text = "# RoastingLog\n\nRequirements:\n* Python 3.11 or later\n* A FreshRoast roaster\n* Network access\n"
    result = import_markdown(text, "plan.md")
    assert result.board is not None and result.board.items == []  # a board with its introduction, no items
