"""A cutover day's numbered steps, under its times of day, are the runbook's work beside its checklists (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Cutover Plan

## Checklist before cutover

- [ ] Every product entered in the system
- [ ] First backup made

## Hari H — Cutover

### Before the shop opens
1. Start the system
2. Check every page works

### At the end of the first day
1. Run the daily closing
2. Back up the database

## How to restore

1. Stop the app
2. Copy the backup over the database
"""


def test_the_numbered_steps_of_the_cutover_day_are_items() -> None:
    report, items = imported(PLAN)
    titles = [i.title for i in items.values()]
    assert titles[:2] == ["Every product entered in the system", "First backup made"], report
    for title in ("Start the system", "Check every page works", "Run the daily closing", "Back up the database"):
        assert title in titles, report
    # A numbered procedure elsewhere in the plan is how to do something, not the day's work.
    assert "Stop the app" not in titles


def test_go_live_day_in_english_too() -> None:
    report, items = imported(PLAN.replace("Hari H — Cutover", "Go-Live Day"))
    assert "Run the daily closing" in [i.title for i in items.values()], report
