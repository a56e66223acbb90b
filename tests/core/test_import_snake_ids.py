"""Ids joined by underscores (``e009_s03_t01``) name item headings, and their last part names them in dependencies
(issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Sprint 3

## Sprint Tasks

### e009_s03_t01: Canvas Layout Component (6h)
**Status:** [ ] Not Started
**Priority:** HIGH

### e009_s03_t02: Epic Card Component (4h)
**Status:** [x] Done
**Priority:** HIGH

### e009_s03_t03: Drag-and-Drop (6h)
**Status:** [ ] Not Started
**Priority:** MEDIUM
**Depends:** t01, t02
"""


def test_underscore_ids_head_items_and_their_tails_name_them() -> None:
    _, items = imported(PLAN)
    assert [(i.id, i.status, i.priority) for i in items.values()] == [
        ("e009_s03_t01", "todo", "P1"),
        ("e009_s03_t02", "done", "P1"),
        ("e009_s03_t03", "todo", "P2"),
    ]
    assert items["e009_s03_t03"].depends_on == ["e009_s03_t01", "e009_s03_t02"]


def test_a_snake_case_word_without_digits_heads_no_item() -> None:
    _, items = imported("# P\n\n### user_auth: the login flow\n\nWords.\n\n### T-1: Real work\n\nWords.\n")
    assert "user_auth" not in items
