"""A board written as lists (one heading per list, one bullet per card, as taskell keeps it): beside the columns
naming a state (``## In Progress``, ``## Done``), the other lists (``## Bugs``, ``## Features``) hold cards too,
their state unstated; a card's own boxes are its sub-tasks (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """## Refactoring

- Add tests for IO.GitHub
- Break up State module

## Bugs

- Very long words should get hyphenated
    > The cursor gets lost if a word is longer than the line
- Help modal needs to wrap and scroll

## Features

- Use proper error codes
- Performance with large files
    > Becomes unusable with large files
    * [x] Initially use debouncing to avoid writing too often
    * [ ] Cache formatting results

## In Progress

- Add custom key support
    * [x] Create bindings.ini
    * [ ] Check for key conflicts
- Can't remove a description

## Done

- `a` to add
- Create taskell.json if doesn't exist

## Notes

- Run the release script from a clean tree
"""


def test_every_list_beside_the_state_columns_holds_cards() -> None:
    # "## Notes" is about the plan: it holds no cards.
    _, items = imported(PLAN)
    assert {i.title: i.status for i in items.values()} == {
        "Add tests for IO.GitHub": "todo",
        "Use proper error codes": "todo",
        "Break up State module": "todo",
        "Very long words should get hyphenated": "todo",
        "Help modal needs to wrap and scroll": "todo",
        "Performance with large files": "todo",
        "Add custom key support": "in_progress",
        "Can't remove a description": "in_progress",
        "`a` to add": "done",
        "Create taskell.json if doesn't exist": "done",
    }
