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


SHORT = """# Sprint 1

## Sprint Tasks

### e009_s01_t01: Define schema (4h)
**Status:** [x] Complete
**Priority:** HIGH

### e009_s01_t02: Quarter utilities (2h)
**Status:** [x] Complete
**Depends:** t01

### e009_s01_t03: Validation middleware (4h)
**Status:** [ ] Todo
**Depends:** t01, t02

## Execution Plan

**Day 1-2:**
- t01: Define schema (parallel start)
- t02: Quarter utilities (parallel start)

**Day 3:**
- t03: Validation middleware (after t01, t02)
"""


def test_a_list_citing_tasks_by_their_last_part_restates_them() -> None:
    # "t01" under the execution plan is the task e009_s01_t01 above, not a second item; its waits resolve.
    report, items = imported(SHORT)
    assert list(items) == ["e009_s01_t01", "e009_s01_t02", "e009_s01_t03"]
    assert items["e009_s01_t02"].depends_on == ["e009_s01_t01"]
    assert items["e009_s01_t03"].depends_on == ["e009_s01_t01", "e009_s01_t02"]
    assert any("as t01 .. t02: theirs" in ln for ln in report)


def test_a_short_form_two_items_end_with_is_a_new_item() -> None:
    # "t01" ends both a01_t01 and b01_t01: which one is not known, so the entry stays its own item.
    plan = "# P\n\n## Tasks\n\n- a01_t01: one\n- b01_t01: two\n\n## Plan\n\n- t01: again\n- t02: more\n"
    _, items = imported(plan)
    assert "t01" in items and "t02" in items
