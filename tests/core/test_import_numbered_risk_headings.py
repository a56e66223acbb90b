"""A heading naming one risk by its number, over its impact and its mitigation bullets, is that one risk
(issue 43): ``### Risk 1: Breaking Changes for Users`` over ``**Mitigation**:`` and its list."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown

PLAN = """# Plugin plan

## Tasks

- [ ] **6.1 Migration Guide**
- [ ] **6.2 Backward Compatibility**

## Risks & Mitigations

### Risk 1: Breaking Changes for Users
**Impact**: High | **Likelihood**: High
**Mitigation**:
- Keep v2.9 with all plugins bundled (6-month support)
- Clear migration guide, as in 6.1

### Risk 2: Plugin Discovery Issues
**Impact**: Medium | **Likelihood**: Medium
**Mitigation**:
- Robust plugin scanning logic
- Clear error messages
"""


def test_each_numbered_risk_heading_is_one_risk_its_bullets_its_mitigation() -> None:
    board = import_markdown(PLAN, "plan.md").board
    # Before: every mitigation bullet became a risk of its own (four here), and the headings none.
    assert [(r.id, r.title) for r in board.risks] == [
        ("R-1", "Breaking Changes for Users"),
        ("R-2", "Plugin Discovery Issues"),
    ]
    first = board.risks[0]
    assert "Keep v2.9 with all plugins bundled" in first.notes
    # The item its mitigation cites links; "v2.9" is a version, no item of this or another plan.
    assert first.mitigated_by == ["6.1"]
    assert [i.id for i in board.items] == ["6.1", "6.2"]


def test_a_numbered_risk_heading_whose_number_is_taken_gets_the_next_free_one() -> None:
    md = (
        "# P\n\n## Risks\n\n| ID | Risk |\n|---|---|\n| R-1 | Vendor outage |\n| R-3 | Cost |\n\n"
        "### Risk 1: Breaking changes\nImpact: High\n"
    )
    board = import_markdown(md, "p.md").board
    # Before: R-1 taken, the heading took R-3, taken too, and was lost in the table's risk of that id.
    assert [(r.id, r.title) for r in board.risks] == [
        ("R-1", "Vendor outage"),
        ("R-3", "Cost"),
        ("R-2", "Breaking changes"),
    ]


def test_a_heading_naming_a_risk_with_no_number_over_its_mitigation_boxes_is_that_risk() -> None:
    md = (
        "# Plan\n\n## Tasks\n\n- [ ] Write the summary\n\n## Team\n\n### Risk Lead (16 hours)\n"
        "- Mitigation analysis (4h)\n- Quality review (1h)\n\n## Risk Mitigations\n\n"
        "### Risk: Documentation not available\n**Mitigation Tasks**:\n- [ ] Escalate to the sponsor\n"
        "- [ ] Find other sources\n\n### Risk: Timeline slipping\n**Mitigation Tasks**:\n- [ ] Monitor weekly\n"
    )
    result = import_markdown(md, "plan.md")
    assert result.board is not None
    items = {i.id: i.title for i in result.board.items}
    risks = {r.id: (r.title, [items[m] for m in r.mitigated_by]) for r in result.board.risks}
    # "Risk Lead" is who handles them: its list is no risk.
    assert risks == {
        "R-1": ("Documentation not available", ["Escalate to the sponsor", "Find other sources"]),
        "R-2": ("Timeline slipping", ["Monitor weekly"]),
    }
