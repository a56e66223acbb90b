"""A manual testing checklist beside a table of the plan's items is checks around the work, not items (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Phase 1 Status

## Task Breakdown Status

| # | Task | Status |
|---|------|--------|
| 1.1 | Verify Redis config | ⚠️ Partial |
| 1.2 | Install dependencies | ✅ Done |

## {heading}

- [ ] `pnpm install` succeeds
- [ ] Gateway starts without errors
"""


def test_a_testing_checklist_beside_item_rows_makes_no_items() -> None:
    report, items = imported(PLAN.format(heading="Testing Checklist (Manual)"))
    assert list(items) == ["1.1", "1.2"]
    assert any("checks around the plan's item rows" in ln for ln in report)


def test_a_checklist_of_work_beside_the_rows_is_still_work() -> None:
    _, items = imported(PLAN.format(heading="Remaining work"))
    assert len(items) == 4
