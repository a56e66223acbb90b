"""A register of bugs beside risks: the bug rows are work, the risk rows risks (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown
from tests.core.import_plan import imported

PLAN = """# EggSpend — Bugs & Risks Register

| # | Sev | Summary | Fix task | Status |
|---|-----|---------|----------|--------|
| B1 | Critical | Liability sign bug adds debt to net worth | T1 | fixed(2026-07-08) |
| B4 | High | CSV import can't link accounts | T8 | open |

## Risks (non-bug)

| # | Risk | Mitigation task |
|---|------|-----------------|
| R1 | Saves swallow write failures | B4 |
"""


def test_the_bugs_are_items_ranked_by_severity_and_the_risks_risks() -> None:
    report, items = imported(PLAN)
    assert {rid: (i.priority, i.status) for rid, i in items.items()} == {"B1": ("P0", "done"), "B4": ("P1", "todo")}, (
        report
    )
    board = import_markdown(PLAN, "PLAN.md").board
    assert board is not None
    assert [r.id for r in board.risks] == ["R1"]
