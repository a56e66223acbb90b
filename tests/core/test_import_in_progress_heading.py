"""``## 🚧 In Progress & Upcoming Features`` names work by its state: the lists under it are work, not a progress
report (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Roadmap

## 🥇 Top Priority: Migrate from Bolt

- Set up Express server to receive events
- Remove the Bolt dependency

## ✅ Completed Features

- Modal-based task creation

## 🚧 In Progress & Upcoming Features

### Free Tier (Core)

- Accessibility enhancements

### Premium Tier

- Advanced reporting and analytics
"""


def test_the_lists_under_an_in_progress_heading_are_work() -> None:
    _, items = imported(PLAN)
    titles = [i.title for i in items.values()]
    assert titles[-2:] == ["Accessibility enhancements", "Advanced reporting and analytics"]


def test_a_progress_report_heading_still_makes_no_items() -> None:
    _, items = imported("# Plan\n\n## Tasks\n\n- Build the form\n\n## Progress\n\n- Met the vendor on Monday\n")
    assert [i.title for i in items.values()] == ["Build the form"]
