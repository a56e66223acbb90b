"""Outline ids with a track letter (``1A.0``, ``1B.01``: stage 1, track A) are ids, in cells and in text (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Build plan

## Stage 1

### 1A — Engine

| ID | Task | Status | Depends on |
|----|------|--------|------------|
| 1A.0 | Engine at repo root | ☑ | |
| 1A.1 | Bridge info + verify | In progress | 1A.0 |

### 1B — Pipelines

| ID | Pipeline | Status | Notes |
|----|----------|--------|-------|
| 1B.01 | animated-explainer | ☐ | needs 1A.1 |
| 1B.02 | animation | ☑ | |
"""


def test_lettered_outline_ids_name_the_rows_and_their_dependencies() -> None:
    report, items = imported(PLAN)
    assert [(i.id, i.status) for i in items.values()] == [
        ("1A.0", "done"),
        ("1A.1", "in_progress"),
        ("1B.01", "todo"),
        ("1B.02", "done"),
    ]
    assert items["1A.1"].depends_on == ["1A.0"]
    assert not any("row without an id" in ln for ln in report)
