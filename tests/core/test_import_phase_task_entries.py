"""Bullets under phase headings that tick themselves off and name their task ("- ✔️ Task 002: Soft-fail refresh
(depends on: 001)", an execution blueprint): each takes its task's id and the dependencies it states, as a box so
written does (issue 43). A bullet that only opens with another record's id ("R-2 settled") keeps the made id."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Plan: Reactive token refresh

### ✅ Phase 1: Error Handling Foundation

**Parallel Tasks:**

- ✔️ Task 001: Implement OAuth error classification method

### ✅ Phase 2: Token Refresh Enhancement

**Parallel Tasks:**

- ✔️ Task 002: Soft-fail proactive refresh (depends on: 001)
- ✔️ Task 003: Add a public refresh method
"""


def test_phase_bullets_take_their_task_ids_and_dependencies() -> None:
    _, items = imported(PLAN)
    got = [(i.id, i.title, i.depends_on, i.status, i.phase) for i in items.values()]
    assert got == [
        ("TASK-001", "Implement OAuth error classification method", [], "done", "1"),
        ("TASK-002", "Soft-fail proactive refresh", ["TASK-001"], "done", "2"),
        ("TASK-003", "Add a public refresh method", [], "done", "2"),
    ]
