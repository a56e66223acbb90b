"""Boxes under phase headings that the plan numbers itself: numbered once across the phases, the numbers are the
items' ids; counting from 1 again in each phase, they are each list's order (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

RUNS_ON = """# Plan: Spring Boot 4 migration

### Phase 1: Preparation
- [x] 1. Audit the deprecation warnings
  - [x] 1.1 Run the build with warnings enabled
  - [x] 1.2 Document the warnings
- [x] 2. Create the feature branch

### Phase 2: Dependencies
- [ ] 3. Update the version catalog
  - [ ] 3.1 Update Spring Boot to 4.0.1
"""


def test_numbers_running_on_across_phases_are_the_ids() -> None:
    # Before: P1-1 .. P2-2, each title opening with its number ("1. Audit the deprecation warnings").
    _, items = imported(RUNS_ON)
    assert [(i.id, i.title, i.parent, i.phase) for i in items.values()] == [
        ("1", "Audit the deprecation warnings", None, "1"),
        ("1.1", "Run the build with warnings enabled", "1", "1"),
        ("1.2", "Document the warnings", "1", "1"),
        ("2", "Create the feature branch", None, "1"),
        ("3", "Update the version catalog", None, "2"),
        ("3.1", "Update Spring Boot to 4.0.1", "3", "2"),
    ]


def test_numbers_starting_again_in_each_phase_are_no_ids_and_leave_the_titles() -> None:
    text = """# Client plan

### Phase 1: Setup
- [ ] 1. Initialize the web client
- [ ] 2. Set up Apollo

### Phase 2: Features
- [ ] 1. Implement the login screen
- [ ] 2. Create the profile page
"""
    _, items = imported(text)
    assert [(i.id, i.title) for i in items.values()] == [
        ("P1-1", "Initialize the web client"),
        ("P1-2", "Set up Apollo"),
        ("P2-1", "Implement the login screen"),
        ("P2-2", "Create the profile page"),
    ]
