"""Headings that name a topic of work with a word another reading knows: templates, reminders (issue 43)."""

from __future__ import annotations

import pytest

from .import_plan import imported

PLAN = """# Expense tracker TODO

## Important Features

### {heading}
- [ ] **Budget Alerts**
  - [ ] Email notifications when budget exceeded
- [ ] Expense list template with search
"""


@pytest.mark.parametrize("heading", ["User Interface & Templates", "Notifications & Reminders", "Templates and Emails"])
def test_a_topic_joined_to_templates_or_reminders_holds_work(heading: str) -> None:
    _, items = imported(PLAN.format(heading=heading))
    assert [i.title for i in items.values()] == [
        "Budget Alerts",
        "Email notifications when budget exceeded",
        "Expense list template with search",
    ]


@pytest.mark.parametrize("heading", ["Reminders", "Important reminders"])
def test_reminders_a_person_keeps_are_no_work(heading: str) -> None:
    _, items = imported(PLAN.format(heading=heading) + "\n## Tasks\n\n- [ ] Ship it\n")
    assert [i.title for i in items.values()] == ["Ship it"]


def test_a_template_to_fill_in_is_still_skipped() -> None:
    plan = "# Plan\n\n## Tasks\n\n- [ ] Ship it\n\n## Task Template\n\n- [ ] [Task name]\n  - Owner: [name]\n"
    _, items = imported(plan)
    assert [i.title for i in items.values()] == ["Ship it"]
