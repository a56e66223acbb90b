"""The entries after an item's "Tasks:" lead-in are its child items, not its acceptance (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# gRPC Migration Plan

## Phase 1: Foundation (Week 1)

### Step 1.1: Define Protobuf Schemas
**Objective:** Create single source of truth for all APIs

**Tasks:**
- Analyze current `gtm_models.py` and extract all data structures
- Define `gtm_analysis.proto` with:
  - `GTMAnalysis` service interface
- Add version fields for API evolution

**Acceptance:**
- Schemas compile
"""


def test_the_tasks_after_the_lead_in_are_child_items() -> None:
    report, items = imported(PLAN)
    got = [(i.id, i.title, i.parent) for i in items.values()]
    assert got == [
        ("1.1", "Define Protobuf Schemas", None),
        ("1.1.1", "Analyze current `gtm_models.py` and extract all data structures", "1.1"),
        ("1.1.2", "Define `gtm_analysis.proto` with", "1.1"),
        ("1.1.3", "Add version fields for API evolution", "1.1"),
    ]
    assert "`GTMAnalysis` service interface" in items["1.1.2"].description
    assert items["1.1"].acceptance == ["Schemas compile"]
    assert any("list after '**Tasks:**' -> its child items 1.1.1 .. 1.1.3" in ln for ln in report)
