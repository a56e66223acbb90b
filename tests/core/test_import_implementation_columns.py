"""A status report's columns named by how far the work is implemented, and the gaps a card lists (issue 43)."""

from __future__ import annotations

import pytest

from readiness_tui.core.importers.vocabulary.title_states import status_heading

from .import_plan import imported

REPORT = """# Gym system - feature status report

## ✅ FULLY IMPLEMENTED & WORKING

### 1. Authentication System
- ✅ User Login
- ✅ User Signup

## ⚠️ PARTIALLY IMPLEMENTED

### 1. Member Profile Editing
- ⚠️ Edit button exists but may need a full form

## ❌ NOT IMPLEMENTED

### 1. Email Notifications
- ❌ No email service integration
- ❌ No membership expiry reminders

### 2. Workout Plans
- ❌ Missing exercise library
"""


@pytest.mark.parametrize(
    ("title", "state"),
    [
        ("✅ FULLY IMPLEMENTED & WORKING", "done"),
        ("⚠️ PARTIALLY IMPLEMENTED", "in_progress"),
        ("❌ NOT IMPLEMENTED", "todo"),
        ("Done and verified", "done"),
    ],
)
def test_how_far_the_work_is_implemented_names_a_column(title: str, state: str) -> None:
    assert status_heading(title) == state


def test_the_cards_of_each_column_and_a_heading_over_its_gaps_is_one_card() -> None:
    _, items = imported(REPORT)
    got = [(i.title, i.status, i.workstream) for i in items.values()]
    assert got == [
        ("User Login", "done", "1. Authentication System"),
        ("User Signup", "done", "1. Authentication System"),
        ("⚠️ Edit button exists but may need a full form", "in_progress", "1. Member Profile Editing"),
        ("Email Notifications", "todo", ""),
        ("Workout Plans", "todo", ""),
    ]
    email = next(i for i in items.values() if i.title == "Email Notifications")
    assert "No membership expiry reminders" in email.description
