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


_BACKLOG = (
    "# Status\n\n## PRIORITIZED BACKLOG\n\n### CRITICAL (Revenue Blocking)\n| # | Task | Owner | Status |\n"
    "|---|---|---|---|\n| 1 | Fix Stripe payouts | Nicolette | 🔴 TODO |\n| 2 | Test BYOK video | Claude | 🟡 IN PROGRESS |\n\n"
    "### HIGH (User Experience)\n| # | Task | Owner | Status |\n|---|---|---|---|\n| 3 | Populate lessons | Content | 🔴 TODO |\n\n"
    "### LOW (Nice to Have)\n| # | Task | Owner | Status |\n|---|---|---|---|\n| 4 | Affiliate tracking | Biz | ⚪ Future |\n\n"
    "## 🧪 TESTING CHECKLIST\n\n### BYOK Hub\n- [ ] Open Settings → AI Keys Hub\n- [ ] Enter a test key\n\n"
    "### Player\n- [ ] Day 1 loads and plays\n"
)


def test_boxes_under_a_heading_inside_a_testing_checklist_are_checks_too() -> None:
    _, items = imported(_BACKLOG)
    assert list(items) == ["1", "2", "3", "4"]


def test_a_level_word_alone_glossed_in_brackets_heads_a_priority_group() -> None:
    _, items = imported(_BACKLOG)
    assert [items[i].priority for i in ("1", "2", "3", "4")] == ["P0", "P0", "P1", "P3"]
