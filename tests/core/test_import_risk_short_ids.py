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
