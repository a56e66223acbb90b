"""A list citing the plan's numbered items under a prefix (``KM-1.2`` for ``1.2``) restates them (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Milestones

## Phase 1

- **Milestone 1.1:** Team channel live.
- **Milestone 1.2:** Phase plan and risk matrix done.
- **Milestone 1.3:** API metadata design done.

## Critical path

- **KM-1.1 (channel):** run by the PM.
- **KM-1.2 (plan):** written by the PM after KM-1.1 is complete.
- **KM-1.3 (API design):** by the architect, depends on KM-1.2.
"""


def test_prefixed_numbers_are_the_items_and_their_waits_link_them() -> None:
    report, items = imported(PLAN)
    assert list(items) == ["1.1", "1.2", "1.3"]
    assert items["1.2"].depends_on == ["1.1"]
    assert items["1.3"].depends_on == ["1.2"]
    assert any("list names items 1.1 .. 1.3 as KM-1.1 .. KM-1.3" in ln for ln in report)
