"""A numbered list under "## Milestones" in a plan with nothing else: the milestones are its work (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Point of Sale

## Introduction

A cloud point of sale for small shops.

## Milestones

1. Framework demo
   * basic working frontend site
   * basic communication between site and server
2. Working backend server
   * high concurrency
3. Draft documentation
"""


def test_numbered_milestones_of_a_plan_with_nothing_else_are_its_items() -> None:
    report, items = imported(PLAN)
    assert [(i.id, i.title) for i in items.values()] == [
        ("1", "Framework demo"),
        ("2", "Working backend server"),
        ("3", "Draft documentation"),
    ]
    # What a milestone delivers is its description, not items of their own.
    assert "basic working frontend site" in items["1"].description
    assert any("the milestones of a plan with nothing else" in ln for ln in report)


def test_beside_the_plan_s_items_a_milestone_list_is_no_more_work() -> None:
    plan = PLAN + "\n## Tasks\n\n- [ ] Write the checkout page\n- [ ] Add receipts\n"
    _, items = imported(plan)
    assert [i.title for i in items.values()] == ["Write the checkout page", "Add receipts"]


def test_a_bulleted_milestone_list_stays_text() -> None:
    _, items = imported(PLAN.replace("1. ", "- ").replace("2. ", "- ").replace("3. ", "- "))
    assert items == {}
