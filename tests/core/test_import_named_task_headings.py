"""A heading that calls itself a task by number is that item, whatever its words name (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

TOPIC_TASKS = """# Affiliate System - Implementation Tasks

## Batch 4: Public Affiliate APIs

### Task 4.1: Signup API
- [ ] POST handler with Zod validation
- [ ] Call the affiliate service
- [ ] Return the new affiliate's id

### Task 4.2: Login API
- [ ] POST handler with email and password
- [ ] Check the affiliate is active
- [ ] Return a token
"""


def test_a_heading_naming_itself_a_task_is_an_item_not_a_topic_over_boxes() -> None:
    # "Signup API" names no action, but the heading calls itself Task 4.1: the task is the item, the boxes its steps.
    _, items = imported(TOPIC_TASKS)
    assert [(i.id, i.title) for i in items.values()] == [("4.1", "Signup API"), ("4.2", "Login API")]
