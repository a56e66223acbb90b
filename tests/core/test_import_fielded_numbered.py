"""Numbered entries each over bullets of its fields (``1. Student Endpoint Parity Spec`` over ``- Goal: …``, ``-
Outputs: …``, ``- Acceptance: …``), beside a plan's other items: each entry an item with those fields (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Backlog

## Modules

| ID | Module | Status |
|---|---|---|
| C-BE-1 | Students API | todo |
| C-BE-2 | Courses API | todo |

## Student tasks

### backend

1. Student Endpoint Parity Spec

- Goal: Finalize Student REST routes, verbs, status codes, DTOs.
- Outputs: Updated Endpoint Parity section.
- Acceptance: Backend lead sign-off; parity table complete.

2. Error Mapping Matrix (Student)

- Goal: Map errors to HTTP 404/400/409 for Student.
- Outputs: Short matrix appended to the slice plan.
- Acceptance: Error cases reviewed.
"""


def test_numbered_entries_over_their_fields_are_items() -> None:
    report, items = imported(PLAN)
    titles = sorted(x.title for x in items.values())
    assert titles == [
        "Courses API",
        "Error Mapping Matrix (Student)",
        "Student Endpoint Parity Spec",
        "Students API",
    ], report
    spec = next(x for x in items.values() if x.title == "Student Endpoint Parity Spec")
    assert "Finalize Student REST routes" in spec.description
