"""Lists whose ids number again from 1 under each group (``KR1``, ``KR2`` under every objective): each run is its
own items, not the first run's restated; a list restating the first run's items by their titles stays theirs."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Q1 OKRs

## Engineering

Objective 1: Stabilize CI

- KR1: Fix the Playwright workflow
- KR2: Resolve the top 30 ShellCheck warnings

Objective 2: Improve reproducibility

- KR1: Add a reproducible KPI run
- KR2: Raise KPI test coverage to 90%

## Analytics

Objective: Clear KPI definitions

- KR1: Publish the KPI definitions file
- KR2: Add a baseline drift check
"""


def test_each_run_of_restarted_numbers_is_its_own_items() -> None:
    report, items = imported(PLAN)
    assert {i.id: i.title for i in items.values()} == {
        "KR1": "Fix the Playwright workflow",
        "KR2": "Resolve the top 30 ShellCheck warnings",
        "KR2-1": "Add a reproducible KPI run",
        "KR2-2": "Raise KPI test coverage to 90%",
        "KR3-1": "Publish the KPI definitions file",
        "KR3-2": "Add a baseline drift check",
    }
    assert any("list numbers its entries again (KR1, KR2)" in ln for ln in report)


def test_a_list_restating_the_first_run_by_title_stays_those_items() -> None:
    _, items = imported(
        PLAN.split("Objective 2")[0] + "## Status\n\n- KR1: Fix the Playwright workflow (done)\n"
        "- KR2: Resolve the top 30 ShellCheck warnings\n"
    )
    assert sorted(items) == ["KR1", "KR2"]
