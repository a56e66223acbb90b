"""Boxes drawn as characters (a word processor's checklist pasted as text) are checkbox entries (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Upgrade plan checklist

## Budget & Timing

 **▢** Use the release schedule to plan your next upgrade.

 **▢** Set aside a budget for the upgrade.

## Scope

▢    Agree on budget, timeline, scope.

☑ Gather the project team.

```
▢ not a box: a code block
```
"""


def test_lines_opening_with_a_drawn_box_are_checkbox_entries() -> None:
    report, items = imported(PLAN)
    assert [(i.title, i.status) for i in items.values()] == [
        ("Use the release schedule to plan your next upgrade.", "todo"),
        ("Set aside a budget for the upgrade.", "todo"),
        ("Agree on budget, timeline, scope.", "todo"),
        ("Gather the project team.", "done"),
    ]
    assert "plan.md:11: note: a line opening with ▢ read as a checkbox entry" in report


FENCED = """# Open finance tasks

## Domain model

#### Consent aggregate
```java
Tasks:
□ Create Consent.java aggregate root
□ Add consent lifecycle methods:
  - authorize()
  - revoke()
☑ Write unit tests for consent lifecycle
```

#### A code sample
```python
# □ a box glyph in a comment
def f():
    return "□ not a task"
```
"""


def test_a_checklist_fenced_for_its_layout_is_a_checklist() -> None:
    # An author who fences a "Tasks:" list of drawn boxes keeps its layout; no code block holds
    # only lines opening with a box, a label and the boxes' own indented notes.
    report, items = imported(FENCED)
    assert [(i.title, i.status) for i in items.values()] == [
        ("Create Consent.java aggregate root", "todo"),
        ("Add consent lifecycle methods", "todo"),
        ("Write unit tests for consent lifecycle", "done"),
    ]
    lifecycle = list(items.values())[1]
    assert "authorize()" in lifecycle.description
    assert "plan.md:6: note: a code block holding only a checklist of drawn boxes read as the checklist" in report


GROUPED = """# Studio app

## Testing

#### Manual Testing Checklist:
```
User Registration & Authentication:
□ Email registration works
□ Password reset works

Pre-Launch (24 hours):
□ Database backups verified
```
"""


def test_a_fenced_checklist_grouped_under_labels_is_a_checklist() -> None:
    report, items = imported(GROUPED)
    assert [i.title for i in items.values()] == [
        "Email registration works",
        "Password reset works",
        "Database backups verified",
    ]
    assert "plan.md:6: note: a code block holding only a checklist of drawn boxes read as the checklist" in report


def test_a_fenced_block_with_a_line_of_code_among_labelled_boxes_stays_code() -> None:
    _, items = imported(GROUPED.replace("Pre-Launch (24 hours):", "x = check(db): backups()"))
    assert items == {}


LED_IN = """# Open finance

## Delivered
- [x] UC01 Consent management
- [x] UC02 Account information

## Release checks
- [ ] QA sign-off on three devices

## Consent aggregate
Tasks:
- [ ] Create the consent aggregate root
- [ ] Write unit tests for the consent lifecycle
"""


def test_boxes_led_in_as_tasks_are_items_beside_checklists_with_ids() -> None:
    # Where the plan's checklists carry ids, boxes without are reminders (the release checks), unless
    # a "Tasks:" line says what they are.
    report, items = imported(LED_IN)
    assert list(items) == ["UC01", "UC02", "CA-1", "CA-2"]
    assert items["CA-1"].title == "Create the consent aggregate root"
    assert (
        "plan.md:8: note: checklist under 'Release checks' has no ids where the plan's other checklists do: kept as text"
        in report
    )
