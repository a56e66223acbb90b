"""A phase that lists its units of work on one labelled line, each opening with its number and parted by middle dots
(``**WU:** 2.1 sprint + stamina · 2.2 crouch · 2.3 slide``): each unit is an item of the phase, named by its number
(issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Backlog

## Fase 2 — Movement feel

**Objetivo:** moving is fun by itself.
**WU:** 2.1 sprint + stamina · 2.2 crouch · 2.3 slide (FOV, head bob) · 2.4 mantle.
**Aceptación de la fase:**
- [ ] Sprint with visible stamina.

## Fase 3 — Combat feel

**WU:** 3.1 recoil and spread · 3.2 hitmarker + impact feedback.
**Aceptación:** shooting feels good · the bought weapon joins the shop.
"""


def test_units_listed_inline_under_a_phase_are_its_items() -> None:
    _, items = imported(PLAN)
    titles = {i.id: i.title for i in items.values()}
    assert {k: v for k, v in titles.items() if "." in k} == {
        "2.1": "sprint + stamina",
        "2.2": "crouch",
        "2.3": "slide (FOV, head bob)",
        "2.4": "mantle",
        "3.1": "recoil and spread",
        "3.2": "hitmarker + impact feedback",
    }


def test_units_under_a_phase_heading_are_in_that_phase() -> None:
    _, items = imported(PLAN.replace("## Fase 2", "## Phase 2"))
    assert items["2.1"].phase == "2"


def test_a_line_of_criteria_parted_by_dots_names_no_units() -> None:
    _, items = imported(PLAN)
    assert not any("shooting" in i.title for i in items.values())
