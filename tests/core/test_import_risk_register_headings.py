"""A risk register written as one heading per risk (``#### TR-001: Database bottleneck``) over the risk's fields
(probability, impact, owner) and the boxes of its current mitigation: the heading is a risk, not an item, and each
box is a piece of work against it, mitigating it (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported_with, items_of

PLAN = """# Risk Register

## Active Risk Register

### TECHNICAL RISKS

#### TR-001: Database Performance Bottleneck
- **Description:** Queries slow down as data grows
- **Probability:** High (4)
- **Impact:** Major (4)
- **Status:** Mitigated
- **Owner:** Backend Team Lead
- **Current Mitigation:**
  - [x] Add indexes for the hot fields
  - [ ] Set up connection pooling
- **Contingency Plan:** Read replicas

#### PR-001: Key Person Dependency
- **Probability:** Medium (3)
- **Impact:** Major (4)
- **Owner:** Project Manager
- **Current Mitigation:**
  - [x] Document the deploy runbook
"""


def test_each_heading_is_a_risk_and_its_mitigation_boxes_the_work_against_it() -> None:
    result = imported_with(PLAN, None)
    items = items_of(result)
    assert [(i.id, i.title, i.status, i.owner) for i in items.values()] == [
        ("TR-001.1", "Add indexes for the hot fields", "done", "Backend Team Lead"),
        ("TR-001.2", "Set up connection pooling", "todo", "Backend Team Lead"),
        ("PR-001.1", "Document the deploy runbook", "done", "Project Manager"),
    ]
    assert result.board is not None
    risks = {r.id: r for r in result.board.risks}
    assert list(risks) == ["TR-001", "PR-001"]
    tr = risks["TR-001"]
    assert (tr.title, tr.likelihood, tr.severity, tr.owner, tr.mitigated_by) == (
        "Database Performance Bottleneck",
        "High (4)",
        "Major (4)",
        "Backend Team Lead",
        ["TR-001.1", "TR-001.2"],
    )
    assert "Read replicas" in tr.notes


def test_lists_about_the_registers_method_are_no_risks() -> None:
    plan = (
        PLAN + "\n## Risk Monitoring\n\n### Weekly Risk Review Process\n1. **Review Active Risks:** Update status\n"
        "2. **Identify New Risks:** Add them to the register\n\n### Risk Escalation Triggers\n"
        "- **Immediate Escalation:** Risk score increases to 15+\n- **Management Review:** Risk score of 12-14\n\n"
        "### Risk Categories\n- **Technical:** stack, architecture\n- **Project:** timeline, resources\n\n"
        "### Risk Trends (Last 3 Months)\n- **Technical Risks:** 40% of total risks\n- **Project Risks:** 35%\n\n"
        "### Risk Levels\n- 🔴 **Critical**: Immediate action required\n- 🟠 **High**: Requires attention\n"
    )
    result = imported_with(plan, None)
    assert result.board is not None
    assert [r.id for r in result.board.risks] == ["TR-001", "PR-001"]
    assert len(items_of(result)) == 3


def test_a_risk_told_in_bold_label_lines_over_its_numbered_strategies() -> None:
    plan = """# Risk Mitigation

## 1. Technical Risks

### 1.1 Technology Stack Maturity (Nuxt 4)

**Risk Level**: 🟠 High
**Probability**: Likely
**Impact**: Medium

**Description**:
Nuxt 4 is new.

**Mitigation Strategies**:
1. ✅ **Stay on stable releases** - Avoid RC versions in production
2. ✅ **Lock dependencies** - Use exact versions

**Contingency Plan**:
- If a blocking bug: consider Nuxt 3

**Owner**: Tech Lead
"""
    result = imported_with(plan, None)
    items = items_of(result)
    assert [(i.id, i.title, i.status, i.owner, i.description) for i in items.values()] == [
        ("1.1.1", "Stay on stable releases", "done", "Tech Lead", "Avoid RC versions in production"),
        ("1.1.2", "Lock dependencies", "done", "Tech Lead", "Use exact versions"),
    ]
    assert result.board is not None
    (risk,) = result.board.risks
    assert (risk.id, risk.title, risk.likelihood, risk.severity, risk.mitigated_by) == (
        "1.1",
        "Technology Stack Maturity (Nuxt 4)",
        "Likely",
        "Medium",
        ["1.1.1", "1.1.2"],
    )
    assert "consider Nuxt 3" in risk.notes


def test_a_register_row_summing_up_a_risk_written_above_is_that_risk() -> None:
    plan = (
        "# Risks\n\n## 1. Technical Risks\n\n### 1.1 Team Capacity & Skill Gaps\n\n**Probability**: Possible\n"
        "**Impact**: High\n\n**Mitigation Strategies**:\n1. ✅ **Pair programming** - spread the knowledge\n\n"
        "## 7. Risk Register\n\n| ID | Risk | Probability | Impact | Owner |\n|---|---|---|---|---|\n"
        "| RR-1 | Team skill gaps | Possible | High | Eng Manager |\n| PR-1 | Insufficient PMF | Possible | Critical | PM |\n"
    )
    result = imported_with(plan, None)
    assert result.board is not None
    assert [(r.id, r.owner, r.mitigated_by) for r in result.board.risks] == [
        ("1.1", "Eng Manager", ["1.1.1"]),
        ("PR-1", "PM", []),
    ]


def test_a_risk_heading_over_its_mitigation_actions_tagged_with_their_kind_and_state() -> None:
    plan = (
        "# Risk plan\n\n## Risks and mitigations\n\n### R01 — Spam ratings poison the averages\n\n"
        "Competitors may flood the ratings endpoint.\n\n**פעולות מנע והפחתה:**\n\n"
        "1. **[Reduce likelihood · planned]** API throttling: configure a usage plan on the ratings path.\n"
        "2. **[Reduce impact · בוצע]** Anomaly detection: filter bursts of new accounts before averaging.\n"
    )
    result = imported_with(plan, None)
    items = items_of(result)
    assert [(i.id, i.title, i.status, i.description) for i in items.values()] == [
        ("R01.1", "API throttling", "todo", "configure a usage plan on the ratings path."),
        ("R01.2", "Anomaly detection", "done", "filter bursts of new accounts before averaging."),
    ]
    assert result.board is not None
    assert [(r.id, r.mitigated_by) for r in result.board.risks] == [("R01", ["R01.1", "R01.2"])]
