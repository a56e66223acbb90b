"""Sub-headings over prose are the tasks where the heading above says so ("divided into the following tasks")
(issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Okta migration

# Migration Strategy #

The migration process can be divided to the following tasks. Most can be worked on in parallel.

### Build Okta related endpoints ###
The auth microservice should provide the endpoints for Okta event hooks.

### Retire API access to the functionapp ###
Once all senders are provisioned we can remove network access.

# Dev notes #

- Should sender groups be stored as Okta groups?
"""


def test_the_announced_sub_headings_are_items() -> None:
    report, items = imported(PLAN)
    assert [i.title for i in items.values()] == ["Build Okta related endpoints", "Retire API access to the functionapp"]
    assert "Okta event hooks" in list(items.values())[0].description


def test_without_the_announcement_they_are_text() -> None:
    _, items = imported(PLAN.replace("can be divided to the following tasks", "is described here"))
    assert not any(i.title == "Build Okta related endpoints" for i in items.values())


LIST_ANNOUNCED = """# Project TODOs

The following tasks were outlined before open-sourcing:

- Basic parser and IR generation.
- Initial contribution guidelines.

### Longer Term Roadmap

The following larger tasks are required before feature parity:

- Expand the runtime scheduler with task priorities.
- Grow the test suite.

## Help Wanted

- Add support for saving state.
"""


def test_an_announcement_right_over_a_list_announces_the_list_not_the_headings() -> None:
    _, items = imported(LIST_ANNOUNCED)
    titles = [i.title for i in items.values()]
    assert "Longer Term Roadmap" not in titles and "Help Wanted" not in titles
    assert titles == [
        "Basic parser and IR generation.",
        "Initial contribution guidelines.",
        "Expand the runtime scheduler with task priorities.",
        "Grow the test suite.",
        "Add support for saving state.",
    ]
