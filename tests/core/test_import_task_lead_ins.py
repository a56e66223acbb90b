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


def test_a_tasks_entry_over_numbered_tasks_with_field_bullets_makes_child_items_with_fields() -> None:
    md = (
        "# Sprint Backlog\n\n## User Stories and Tasks\n\n### US001: Secure Login\n"
        "**Description**: As a customer, I want to log in securely.\n\n- **Tasks**:\n"
        "  1. Design login page\n     - **Assigned to**: Emma White\n     - **Status**: Done\n"
        "     - **Estimate**: 2 days\n  2. Implement login API\n     - **Assigned to**: John Lee\n"
        "     - **Status**: In Progress\n"
    )
    report, items = imported(md)
    got = {i: (it.title, it.parent, it.owner, it.status, it.estimate_days) for i, it in items.items()}
    assert got == {
        "US001": ("Secure Login", None, "", "in_progress", None),
        "US001.1": ("Design login page", "US001", "Emma White", "done", 2),
        "US001.2": ("Implement login API", "US001", "John Lee", "in_progress", None),
    }
    assert any("US001: list after '**Tasks**:' -> its child items US001.1 .. US001.2" in ln for ln in report)
