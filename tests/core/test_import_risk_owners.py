"""A risk register whose Owner column names work of the plan (issue 43): that work mitigates the risk."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown

_TASKS = "# Closeout\n\n| Task | Gate |\n|---|---|\n| C07-T001 | go |\n| C07-T002 | go |\n\n"


def _links(md: str) -> dict[str, list[str]]:
    result = import_markdown(md, "plan.md")
    assert result.board is not None
    return {r.title: r.mitigated_by for r in result.board.risks}


def test_an_owner_cell_naming_an_item_links_the_risk_to_it() -> None:
    md = _TASKS + "## Risk register\n\n| Risk | Mitigation | Owner |\n|---|---|---|\n"
    md += "| Preview mistaken for enforcement | Boundary table | C07 closeout |\n"
    md += "| Draft mistaken for persistence | Local key proves locality | C07-T002 |\n"
    assert _links(md) == {"Preview mistaken for enforcement": [], "Draft mistaken for persistence": ["C07-T002"]}


def test_an_owner_cell_naming_a_phase_that_is_an_item_links_it_and_people_link_nothing() -> None:
    md = "# Migration\n\n| Phase | Goal | Status |\n|---|---|---|\n| P1 | Webhooks | in progress |\n"
    md += "| P2 | Cutover | blocked |\n\n## Risks\n\n| # | Risk | Mitigation | Owner |\n|---|---|---|---|\n"
    md += "| R1 | Duplicate events | Dedupe on event id | P1 |\n| R2 | Vendor outage | Fallback | Ana |\n"
    assert _links(md) == {"Duplicate events": ["P1"], "Vendor outage": []}


def test_risk_bullets_without_ids_are_numbered_and_linked_to_the_items_their_mitigation_names() -> None:
    md = "# PRD\n\n## Requirements\n\n- **FR-01**: seed relative dates\n- **FR-02**: keep the guard\n\n"
    md += "## Risks and Mitigations\n\n- **Riesgo: el sembrado rompe los tests.** → Mitigación: FR-02 lo exige.\n"
    md += "- **Risk: nobody reads the tests.** → Mitigation: a review note, AC-09.\n"
    assert _links(md) == {"el sembrado rompe los tests.": ["FR-02"], "nobody reads the tests.": []}
    result = import_markdown(md, "plan.md")
    assert result.board is not None
    assert [r.notes for r in result.board.risks] == ["Mitigación: FR-02 lo exige.", "Mitigation: a review note, AC-09."]
