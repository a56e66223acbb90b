"""A heading that names a module, feature or component by number ("### Module 1.1: User Management") is an item
with that number, as "### Task 1.1: x" is (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Hospital Management System - Development Roadmap

## PHASE 1: Foundation & MVP

### Module 1.1: User Management & Authentication
**Duration**: Week 1-2
**Features**:
- Multi-role system
- Secure login

### Module 1.2: Patient Registration & Records
**Duration**: Week 3-4

## PHASE 2: Core Hospital Operations

### Feature 2.1: IPD Management
**Duration**: Week 13-15
"""


def test_numbered_module_and_feature_headings_are_items() -> None:
    _, items = imported(PLAN)
    assert [(i.id, i.title) for i in items.values()] == [
        ("1.1", "User Management & Authentication"),
        ("1.2", "Patient Registration & Records"),
        ("2.1", "IPD Management"),
    ]
