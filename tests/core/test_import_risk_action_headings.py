"""A heading closing on the risk it is about (``### P0-1: Event volume (RISK-T001)``) over a heading of its mitigation
actions, each a bold id line over its fields: the heading is that risk, and each action an item mitigating it, its
fields and dependencies read as any item's (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown
from tests.core.import_plan import imported

PLAN = """# Risk Mitigation Plan

## Phase 1: Critical P0 Risk Mitigation (Week 1)

### P0-1: System Reliability - Critical Event Volume (RISK-T001)

**Current State:** 113 critical events in 7 days
**Risk Score:** 20 → 6 (Target)

#### Mitigation Actions

**M-T001-1: Zombie Process Root Cause Analysis**
- **Owner:** Senior Systems Engineer
- **Deadline:** 2026-02-21 (3 days)
- **Action:** Comprehensive analysis of 108 zombie_killed events
  - Review process lifecycle management in scheduler.go
- **Deliverable:** Root cause analysis report

**M-T001-2: Process Management Enhancement**
- **Owner:** Senior Systems Engineer
- **Action:** Implement improved process lifecycle management
- **Dependencies:** Completion of M-T001-1

**Fallback Plan:**
If process improvements don't achieve SLO compliance:
- Reduce maximum concurrent dispatches by 50%

### P0-2: Security Vulnerabilities (RISK-T003)

#### Mitigation Actions

**M-T003-1: Automated Security Scanning**
- **Owner:** Security Engineer
- **Action:** Execute comprehensive security assessment
"""


def test_the_heading_is_the_risk_and_its_actions_the_items_mitigating_it() -> None:
    report, items = imported(PLAN)
    assert {rid: (i.title, i.owner, i.depends_on) for rid, i in items.items()} == {
        "M-T001-1": ("Zombie Process Root Cause Analysis", "Senior Systems Engineer", []),
        "M-T001-2": ("Process Management Enhancement", "Senior Systems Engineer", ["M-T001-1"]),
        "M-T003-1": ("Automated Security Scanning", "Security Engineer", []),
    }, report
    board = import_markdown(PLAN).board
    assert board is not None
    assert {r.id: (r.title, r.mitigated_by) for r in board.risks} == {
        "RISK-T001": ("System Reliability - Critical Event Volume", ["M-T001-1", "M-T001-2"]),
        "RISK-T003": ("Security Vulnerabilities", ["M-T003-1"]),
    }


def test_a_ticket_heading_without_mitigation_actions_stays_an_item() -> None:
    plan = """# Plan

### P0-1: Harden the gateway (RISK-T001)

- **Owner:** Ops
- **Status:** In progress
"""
    _, items = imported(plan)
    assert list(items) == ["P0-1"]
