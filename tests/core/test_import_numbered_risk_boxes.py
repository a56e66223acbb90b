"""Risks labelled by their number (``- [ ] **Risk 3**: Webhook reliability``) under a risks heading, boxed or not:
each is risk ``R-3``, titled by the words after the label, its mitigation bullets kept in its notes (issue 43)."""

from __future__ import annotations

import pytest

from readiness_tui.core.importers import import_markdown

PLAN = """# Billing

## Work
- [ ] **T-1**: Build the billing service
- [ ] **T-2**: Add the webhook endpoint

## Risk Management & Mitigation

### Technical Risks
- [ ] **Risk 1**: Payment gateway complexity
  - **Mitigation**: Thorough testing with the sandbox
- [ ] **Risk 3**: Webhook reliability issues
  - **Mitigation**: Retries and signature checks
"""


@pytest.mark.parametrize("box", ["- [ ] ", "- "])
def test_numbered_risks_are_risks_with_their_mitigations_in_the_notes(box: str) -> None:
    result = import_markdown(PLAN.replace("- [ ] **Risk", box + "**Risk"), "plan.md")
    assert result.board is not None
    got = {r.id: (r.title, r.notes) for r in result.board.risks}
    assert got == {
        "R-1": (
            "Payment gateway complexity",
            "Risk 1: Payment gateway complexity\nMitigation: Thorough testing with the sandbox",
        ),
        "R-3": (
            "Webhook reliability issues",
            "Risk 3: Webhook reliability issues\nMitigation: Retries and signature checks",
        ),
    }
    assert [i.id for i in result.board.items] == ["T-1", "T-2"]
