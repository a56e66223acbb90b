"""A responsibilities key over "Role: work" entries: each entry is an item its role owns (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAIN = """# Implementation Plan for Network Design

## 1. Pre-Implementation Phase
- **Duration**: 1 Week
- **Responsibilities**:
  - IT Manager: Approve final design and project plan.
  - Network Team: Prepare the infrastructure checklist.
"""

TICKET = """# Plan

### NET-1: Pre-implementation
- **Responsibilities**:
  - IT Manager: Approve final design and project plan.
  - Security Team: Review security requirements and protocols.
"""


def test_each_role_and_its_work_is_an_item_in_a_plan_of_lists() -> None:
    _, items = imported(PLAIN)
    got = [(i.title, i.owner) for i in items.values()]
    assert got == [
        ("Approve final design and project plan.", "IT Manager"),
        ("Prepare the infrastructure checklist.", "Network Team"),
    ]


def test_under_an_item_they_are_its_child_items() -> None:
    report, items = imported(TICKET)
    got = [(i.id, i.title, i.owner, i.parent) for i in items.values()]
    assert got == [
        ("NET-1", "Pre-implementation", "", None),
        ("NET-1.1", "Approve final design and project plan.", "IT Manager", "NET-1"),
        ("NET-1.2", "Review security requirements and protocols.", "Security Team", "NET-1"),
    ]
    assert any("2 responsibilities -> its child items NET-1.1 .. NET-1.2" in ln for ln in report)
