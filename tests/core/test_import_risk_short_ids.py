"""Risk tables that name items by the short tail of their ids, in the risk or in its mitigation (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown

PLAN = """# Search API

| ID | Story |
|---|---|
| SRCH-A01 | Schema |
| SRCH-A02 | Types |
| SRCH-G01 | Resolvers |

## Risks

| Risk | Likelihood | Mitigation |
|---|---|---|
| Type surface under-scoped (A02) | High | Conformance checks in CI (G01) |
| Cutover coordination | High | Dual-run the old hub |
"""


def test_short_ids_in_the_risk_and_its_mitigation_link_the_items() -> None:
    result = import_markdown(PLAN, "P.md")
    assert result.board is not None
    links = {r.id: sorted(r.mitigated_by) for r in result.board.risks}
    assert links == {"R-1": ["SRCH-A02", "SRCH-G01"], "R-2": []}


def test_a_tail_two_items_share_names_neither() -> None:
    md = PLAN.replace("| SRCH-G01 | Resolvers |", "| SRCH-G01 | Resolvers |\n| AUTH-G01 | Login |")
    result = import_markdown(md, "P.md")
    assert result.board is not None
    assert {r.id: sorted(r.mitigated_by) for r in result.board.risks}["R-1"] == ["SRCH-A02"]


def test_a_risk_named_by_the_word_and_a_number_keeps_that_name_as_its_id() -> None:
    plan = (
        "# P\n\n| ID | Story |\n|---|---|\n| 6.1 | Rollback plan |\n| 6.2 | Gateway config |\n\n## Risks\n\n"
        "| Risk ID | Description | Mitigation Story |\n|---|---|---|\n"
        "| Risk 1.1 | Gateway URL errors | Story 6.2 |\n| Riesgo 3 | No rollback | Story 6.1 |\n| Risky bits | x | 6.1 |\n"
    )
    result = import_markdown(plan, "P.md")
    assert result.board is not None
    assert {r.id: r.mitigated_by for r in result.board.risks} == {"Risk 1.1": ["6.2"], "Riesgo 3": ["6.1"]}
    assert "risk row without an id ('Risky bits')" in "\n".join(result.report_lines)
