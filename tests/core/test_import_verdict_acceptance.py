"""A 'Verdict' column is the status; a checklist under 'Acceptance' is conditions, not items (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown
from readiness_tui.core.importers.sections.lead_ins import is_criteria
from readiness_tui.core.importers.vocabulary.headers import header_field


def test_verdict_header_is_the_status() -> None:
    assert header_field("Verdict") == "status"


def test_a_heading_named_acceptance_introduces_conditions() -> None:
    assert is_criteria("Acceptance") and is_criteria("Acceptance checks")
    assert not is_criteria("User acceptance testing rollout")


def test_table_with_verdicts_and_an_acceptance_checklist() -> None:
    md = (
        "# P\n\n| ID | Work | Verdict |\n|---|---|---|\n| A1 | Guard | COMPLETE |\n| A2 | Texts | OPEN |\n\n"
        "## Acceptance\n\n- [x] No double bookings.\n- [ ] Texts in three languages.\n"
    )
    result = import_markdown(md, "P.md")
    assert result.board is not None
    assert {i.id: i.status for i in result.board.items} == {"A1": "done", "A2": "todo"}
