"""Lists under a board's columns ("## In Progress", "## Done") beside a backlog of boxes: cards in the column's
state; a card naming a backlog item moves it (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Chess Engine Roadmap

## Backlog

### Foundation
- [ ] Define core data types
- [ ] Add FEN parsing and generation
- [ ] Implement basic move validation

## In Progress

### Currently Working On
- Implement basic move validation

## Done

### Completed Features
- Project initialization
- Define core data types
- Add FEN parsing and generation
"""


def test_cards_of_the_columns_give_their_state_and_new_cards_are_items() -> None:
    report, items = imported(PLAN)
    got = {i.title: i.status for i in items.values()}
    assert got == {
        "Define core data types": "done",
        "Add FEN parsing and generation": "done",
        "Implement basic move validation": "in_progress",
        "Project initialization": "done",
    }
    assert any("card 'Implement basic move validation' under 'Currently Working On' is" in ln for ln in report)


def test_under_a_heading_about_the_plan_the_columns_are_a_summary() -> None:
    # "## Implementation Summary" > "### In Progress" / "### Done" > "#### Features": the work summed up, no board.
    plan = PLAN.split("## In Progress")[0] + (
        "## Implementation Summary\n\n### In Progress\n\n#### Now\n- Implement basic move validation\n\n"
        "### Done\n\n#### Features\n- Project initialization\n"
    )
    _, items = imported(plan)
    assert {i.title: i.status for i in items.values()} == {
        "Define core data types": "todo",
        "Add FEN parsing and generation": "todo",
        "Implement basic move validation": "todo",
    }
