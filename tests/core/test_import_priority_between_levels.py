"""A priority written between two levels ("MEDIUM-HIGH", "Medium/High") is read as its first level (issue 43)."""

from __future__ import annotations

import pytest

from readiness_tui.core.importers.vocabulary.priorities import parse_priority
from tests.core.import_plan import imported


@pytest.mark.parametrize(
    ("cell", "prio"),
    [("MEDIUM-HIGH", "P2"), ("High-Medium", "P1"), ("LOW-MEDIUM", "P3"), ("Medium/High", "P2"), ("non-critical", None)],
)
def test_a_level_between_two_is_its_first(cell: str, prio: str | None) -> None:
    assert parse_priority(cell)[0] == prio


def test_an_item_heading_with_a_priority_between_levels_takes_the_first() -> None:
    plan = "# Roadmap\n\n## Phase 1\n\n### 1.5 Meal History & Quick Add\n**Priority: MEDIUM-HIGH**\n- **Effort:** 2/5\n"
    _, items = imported(plan)
    assert items["1.5"].priority == "P2"
