"""Risks named by a bold label over the bullets that describe each (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown

PLAN = """# Accessibility audit

## Work

- [ ] Add accessibility hints

## Legal

### Current Risks

**ADA (Americans with Disabilities Act):**
- Partially compliant (70%)
- Risk level: 🟡 MEDIUM

**Section 508:**
- Federal standards partially met
- Risk level: 🟡 HIGH
"""


def _risks(md: str) -> list[tuple[str, str, str | None]]:
    result = import_markdown(md, "plan.md")
    assert result.board is not None
    return [(r.id, r.title, r.severity) for r in result.board.risks]


def test_each_bold_label_is_one_risk_its_bullets_what_it_says() -> None:
    assert _risks(PLAN) == [("R-1", "ADA (Americans with Disabilities Act)", "medium"), ("R-2", "Section 508", "high")]


def test_the_fields_of_one_risk_under_its_own_heading_are_no_risks() -> None:
    plan = PLAN.replace("### Current Risks", "### Risk 1: Lawsuits").replace(
        "**ADA (Americans with Disabilities Act):**", "**Monitoring:**"
    )
    assert all(title not in ("Monitoring", "Section 508") for _, title, _ in _risks(plan))
