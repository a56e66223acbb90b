"""The recipe's ``steps = "items"`` over a field that lists an item's steps (issue 43's guided import): under a task
heading, "**Implementation Steps**:" over a numbered list is kept as that field; with the option, its entries are
the item's child items, right after it."""

from __future__ import annotations

from tests.core.import_plan import imported_with, items_of, report_of

PLAN = """# Telegram bot tasks

## Phase 1 – Multimodal MVP

### Task 1.1 – Voice Message Pipeline
* **Dependencies**: Whisper service
* **Implementation Steps**:
  1. Add the voice endpoint to the proxy.
  2. Extend the bot to handle voice updates.
* **Acceptance Criteria**: Voice notes produce replies.

### Task 1.2 – Document Handling
* **Implementation Steps**:
  1. Add the files endpoint.
"""


def test_without_the_option_the_steps_are_the_items_field() -> None:
    items = items_of(imported_with(PLAN, None))
    assert list(items) == ["1.1", "1.2"]
    assert items["1.1"].custom["implementation_steps"] == [
        "Add the voice endpoint to the proxy.",
        "Extend the bot to handle voice updates.",
    ]


def test_with_steps_items_the_field_entries_are_child_items_in_order() -> None:
    result = imported_with(PLAN, '[options]\nsteps = "items"\n')
    items = items_of(result)
    assert [(i.id, i.title, i.parent) for i in items.values()] == [
        ("1.1", "Voice Message Pipeline", None),
        ("1.1.1", "Add the voice endpoint to the proxy.", "1.1"),
        ("1.1.2", "Extend the bot to handle voice updates.", "1.1"),
        ("1.2", "Document Handling", None),
        ("1.2.1", "Add the files endpoint.", "1.2"),
    ]
    assert "implementation_steps" not in items["1.1"].custom
    assert items["1.1"].acceptance == ["Voice notes produce replies."]
    report = report_of(result)
    assert "1.1: its 'implementation_steps' field's 2 entries -> child items (recipe: steps = 'items')" in report
    assert "steps = 'items' applied" in report


SUBTASKS = """# Task 2: Log retention

## Subtasks

### 2.1 Retention Policy Configuration 🔴
- Create retention policy data structures
- Add size-based retention limits

### 2.2 Retention Enforcement Engine 🔴
- Owner: ana
- Implement automatic policy enforcement
"""


def test_with_steps_items_a_plain_list_under_an_item_heading_is_its_child_items() -> None:
    alone = items_of(imported_with(SUBTASKS, None))
    assert list(alone) == ["2.1", "2.2"]
    result = imported_with(SUBTASKS, '[options]\nsteps = "items"\n')
    items = items_of(result)
    assert [(i.id, i.title, i.parent) for i in items.values()][:3] == [
        ("2.1", "Retention Policy Configuration", None),
        ("2.1.1", "Create retention policy data structures", "2.1"),
        ("2.1.2", "Add size-based retention limits", "2.1"),
    ]
    # A list holding one of the item's fields is read as before: its fields, and its other entries.
    assert items["2.2"].owner == "ana" and "2.2.1" not in items


def test_a_heading_labelled_one_item_with_its_steps_as_words_keeps_boxes_with_ids_too() -> None:
    plan = (
        "# Plan\n\n### Tasks\n\n**6.1: Unit Testing**\n- [ ] VER-001-A: Risk classification tests\n"
        "- [ ] VER-001-B: Inspection of risk rules\n\n**6.2: Integration Testing**\n- [ ] End-to-end flow\n"
    )
    assert "VER-001-A" in items_of(imported_with(plan, '[sections]\n"6.1: Unit Testing" = "item"\n'))
    result = imported_with(plan, '[sections]\n"6.1: Unit Testing" = "item"\n[options]\nsteps = "description"\n')
    items = items_of(result)
    assert sorted(items) == ["6.1", "6.2"]
    assert items["6.1"].description == (
        "- [ ] VER-001-A: Risk classification tests\n- [ ] VER-001-B: Inspection of risk rules"
    )
