"""One table shape repeated under each subgoal (``| Task | Owner(s) or team(s) | Notes |``), its rows named alike
(``Implementation``, ``Standard reviews``): each table lists its subgoal's own work, not updates to the rows of the
table before it (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Stabilize tooling

### ABI-modifying compiler flags

| Task                   | Owner(s) or team(s) | Notes          |
|------------------------|---------------------|----------------|
| Author RFC             | @darksonn           | ![Completed][] |
| RFC decision           | compiler            | currently FCP  |
| Implementation         | help wanted         |                |
| Standard reviews       | compiler            |                |
| Stabilization decision | compiler            |                |

### Extract dependency information

| Task                   | Owner(s) or team(s) | Notes |
|------------------------|---------------------|-------|
| Author a plan          | help wanted         |       |
| Implementation         | help wanted         |       |
| Standard reviews       | compiler            |       |
| Stabilization decision | compiler            |       |
"""


def test_each_repeated_table_lists_its_own_work() -> None:
    _, items = imported(PLAN)
    titles = [i.title for i in items.values()]
    assert titles.count("Implementation") == 2
    assert titles.count("Stabilization decision") == 2
    assert "Author a plan" in titles
    assert len(items) == 9
