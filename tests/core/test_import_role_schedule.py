"""A heading naming a role and the span of the schedule it works in (``#### Flutter Developer - Week 1``) gives the
items beneath it that owner (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Delivery plan

## Week 1

#### Flutter Developer - Week 1
- [ ] Setup the Flutter project
- [ ] Create the splash screen

#### QA Engineer: Sprint 1
- [ ] Write the smoke tests

### Developer Experience
- [ ] Document the local setup
"""


def test_a_role_over_a_span_of_the_schedule_owns_the_work_beneath() -> None:
    _, items = imported(PLAN)
    owners = {i.title: i.owner for i in items.values()}
    assert owners["Setup the Flutter project"] == "Flutter Developer"
    assert owners["Create the splash screen"] == "Flutter Developer"
    assert owners["Write the smoke tests"] == "QA Engineer"


def test_a_heading_about_developers_names_no_owner() -> None:
    _, items = imported(PLAN)
    assert not {i.title: i.owner for i in items.values()}["Document the local setup"]
