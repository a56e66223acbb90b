"""A risk named by its heading (``### Risk T1: x``) over its fields and blocks of actions: each action an item
mitigating it; a list counting the risks is no risk (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown
from tests.core.import_plan import imported

PLAN = """# Risk Mitigation Strategy

### Risk Overview
- **Total Identified Risks:** 24
- **Critical Risks:** 5

## 1. TECHNICAL RISKS

### Risk T1: Backend API Changes Required

**Severity:** CRITICAL
**Probability:** HIGH (80%)

**Mitigation Strategies:**

**Primary Mitigation:**
- **Action:** Allocate backend developer 25% FTE from Week 1
- **Owner:** Tech Lead
- **Timeline:** Week 1

**Contingency Plan:**
- **Action:** Reduce animation complexity
- **Action:** Defer non-critical features to Phase 2
- **Timeline:** Week 10 decision point

**Monitoring:**
- **Metric:** Backend developer availability
- **Trigger:** <10 hours/week for 2 days
"""


def test_each_action_is_an_item_mitigating_the_risk() -> None:
    result_report, items = imported(PLAN)
    assert {rid: (i.title, i.owner) for rid, i in items.items()} == {
        "T1.1": ("Allocate backend developer 25% FTE from Week 1", "Tech Lead"),
        "T1.2": ("Reduce animation complexity", ""),
        "T1.3": ("Defer non-critical features to Phase 2", ""),
    }, result_report
    assert any("risk T1, its 3 actions" in line for line in result_report)
    assert any("counts the risks: a summary, no risks" in line for line in result_report)


REGISTER = """# Migration risk register

## Scoring key

| Risk Score | Rating | Action |
|:----------:|--------|--------|
| 1-5 | Low | Accept |
| 6-12 | Medium | Mitigate |
| 13-25 | High | Escalate |

## Top risks

### RISK-01: Rounding differs between systems

| Attribute | Value |
|-----------|-------|
| **Likelihood** | 4 (Likely) |
| **Impact** | 5 (Critical) |

**Mitigations:**

| # | Mitigation | Owner | Status |
|---|-----------|-------|--------|
| 1 | Use `Decimal` for every money field | Dev lead | Pending |
| 2 | Build a parity test suite against the old outputs | QA | In Progress |

### RISK-02: Key people leave mid-migration

**Mitigations:**

| # | Action | Owner | Status |
|---|--------|-------|--------|
| 1 | Record walkthroughs of the batch jobs | PM | Done |
"""


def test_a_mitigations_table_under_a_risk_heading_gives_the_items_mitigating_it() -> None:
    result = import_markdown(REGISTER, "register.md")
    assert result.board is not None
    items = {i.id: (i.title, i.owner, i.status) for i in result.board.items}
    assert items == {
        "RISK-01.1": ("Use Decimal for every money field", "Dev lead", "todo"),
        "RISK-01.2": ("Build a parity test suite against the old outputs", "QA", "in_progress"),
        "RISK-02.1": ("Record walkthroughs of the batch jobs", "PM", "done"),
    }
    risks = {r.id: (r.mitigated_by, r.likelihood, r.severity) for r in result.board.risks}
    assert risks == {
        "RISK-01": (["RISK-01.1", "RISK-01.2"], "4 (Likely)", "5 (Critical)"),
        "RISK-02": (["RISK-02.1"], "", ""),
    }
    assert any("a scale (what each band of scores means)" in str(line) for line in result.report)
