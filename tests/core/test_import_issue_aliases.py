"""Entries that name the issue tracking them, and a dependency matrix keyed by those issues (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

_PLAN = """# WBS

## 1. TUI Foundation

### 1.1 Streaming renderer (#2)
- **1.1.1** Core structure and state management (#10) - P0 - 4h
- **1.1.2** Incremental parser (#11) - P1 - 1d
- **1.1.3** Unit tests (#12) - P2

## Dependencies Matrix

| Task | Depends On | Blocks |
|------|------------|--------|
| #10 | - | #11 |
| #11 | #10 | #12 |
| #12 | #11 | - |
"""


def test_an_entry_closing_with_its_issue_priority_and_estimate() -> None:
    _, items = imported(_PLAN)
    one = items["1.1.1"]
    assert (one.title, one.priority, one.estimate_days, one.links) == (
        "Core structure and state management",
        "P0",
        0.5,
        ["#10"],
    )
    assert (items["1.1.2"].priority, items["1.1.2"].estimate_days) == ("P1", 1.0)


def test_a_matrix_keyed_by_the_issues_orders_their_items() -> None:
    _, items = imported(_PLAN)
    assert list(items) == ["1.1.1", "1.1.2", "1.1.3"]
    assert [items[i].depends_on for i in items] == [[], ["1.1.1"], ["1.1.2"]]
