"""A risk named by its heading (``### Risk T1: x``) over its fields and blocks of actions: each action an item
mitigating it; a list counting the risks is no risk (issue 43)."""

from __future__ import annotations

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
