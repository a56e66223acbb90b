"""In a plan of plain lists, a section a person labels ``items`` adds its list; the plan's other lists stay items
(issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported_with, items_of

PLAN = """# Roadmap

## Migrate from Bolt

- Set up Express server to receive events
- Remove the Bolt dependency

## Upcoming

### SaaS Requirements

- Multi-tenant support for each workspace
- Subscription and payment integration
"""


def test_without_a_recipe_the_requirements_stay_text() -> None:
    titles = [i.title for i in items_of(imported_with(PLAN, None)).values()]
    assert titles == ["Set up Express server to receive events", "Remove the Bolt dependency"]


def test_labelling_one_section_items_keeps_the_other_lists() -> None:
    result = imported_with(PLAN, '[sections]\n"SaaS Requirements" = "items"\n')
    assert [i.title for i in items_of(result).values()] == [
        "Set up Express server to receive events",
        "Remove the Bolt dependency",
        "Multi-tenant support for each workspace",
        "Subscription and payment integration",
    ]
