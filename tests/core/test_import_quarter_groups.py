"""A roadmap's quarters, each with its status and priority, over milestones listing features as boxes (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Product Roadmap

## Q2 2026: Observability

**Status:** PLANNED
**Priority:** P1 (High)

### Milestone 2: Telemetry Integration
**Target:** April - June 2026

**Features:**
- [ ] OpenTelemetry integration
- [x] Prometheus metrics export

**Success Criteria:**
- All SLOs auto-measured

## Q3 2026: Advanced Agents

**Status:** PLANNED
**Priority:** P2 (Medium)

### Milestone 3: Enhanced Synthesis
**Target:** July - September 2026

**Features:**
- [ ] Conflict detection
"""


def test_a_quarter_over_a_milestones_feature_boxes_is_their_group() -> None:
    # Each quarter states a status and a priority as an item would, but it holds the boxes of its work: a group
    # whose priority its boxes take, not an item with steps.
    report, items = imported(PLAN)
    assert [i.title for i in items.values()] == [
        "OpenTelemetry integration",
        "Prometheus metrics export",
        "Conflict detection",
    ]
    assert [i.priority for i in items.values()] == ["P1", "P1", "P2"]
    assert [i.status for i in items.values()] == ["todo", "done", "todo"]


def test_a_milestone_headings_list_that_names_no_milestone_is_not_dropped() -> None:
    # "## Milestone 1: Setup" is one milestone; its bullets are no milestone entries, and are not skipped as such:
    # in a plan of plain lists they are its work.
    report, items = imported("# Plan\n\n## Milestone 1: Setup\n\n- Install the SDK\n- Configure CI\n")
    assert not any("milestone entry without an id" in ln for ln in report)
    assert [(i.title, i.milestone) for i in items.values()] == [("Install the SDK", "M1"), ("Configure CI", "M1")]
