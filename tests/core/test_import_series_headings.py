"""A heading of a series of items, each opening with its fields filled in (``**Status**: Proposed``, ``**Priority**:
High``), is an item whatever its words: "Expense Templates" is a feature to build, not a template, and "Expense
Reminders" one too, not a section of reminders (issue 43). A template's fields are still to be filled in."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Expense tracker roadmap

## Core

### 6. Tags System
**Status**: Proposed
**Priority**: Low

Add tags to expenses.

### 7. Expense Templates
**Status**: Proposed
**Priority**: High

Save frequent expenses for one-click entry.

## Smart Features

### 12. Expense Reminders
**Status**: Proposed
**Priority**: Low

- Daily reminder to log expenses

### 13. Duplicate Detection
**Status**: Proposed
**Priority**: Low

- Warn about duplicates before saving
"""


def test_headings_of_a_series_of_items_are_items_whatever_their_words() -> None:
    report, items = imported(PLAN)
    # The heading's number is its place in the plan, not words of its title.
    assert sorted((it.title, it.priority) for it in items.values()) == [
        ("Duplicate Detection", "P3"),
        ("Expense Reminders", "P3"),
        ("Expense Templates", "P1"),
        ("Tags System", "P3"),
    ]
    assert not any("is a template" in ln for ln in report)
    assert not any("not tasks" in ln for ln in report)


def test_a_template_whose_fields_are_to_be_filled_in_stays_a_template() -> None:
    md = (
        "# Plan\n\n## Work\n\n### Build the API\n**Status**: Proposed\n**Priority**: High\n\n"
        "### Write the docs\n**Status**: Proposed\n**Priority**: Low\n\n"
        "### Task Template\n**Status**: <status>\n**Priority**: [P0-P3]\n"
    )
    report, items = imported(md)
    assert [it.title for it in items.values()] == ["Build the API", "Write the docs"]
    assert any("'Task Template' is a template" in ln for ln in report)
