"""A milestone map naming each milestone with its id (``M0 — Data``) and its tickets (``T1–T3``), and a plan saying
"each ticket blocks the next milestone": the milestones keep their ids and items, and each milestone's tickets wait on
the tickets of the one before."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown

PLAN = """# SATI Swap — Implementation Tickets

> Ordered top-to-bottom; each ticket blocks the next milestone.

## Milestone Map

| Milestone | Tickets | Demo |
|---|---|---|
| M0 — Data | T1–T2 | Verified via SQL editor |
| M1 — Auth | T3–T4 | Signup/login |
| M2 — Feed | T5 | Browse |

## M0 — Data Layer

### T1. Schema v2
### T2. Seed data

## M1 — Auth

### T3. Sign-up screen
### T4. Profile page

## M2 — Feed

### T5. Feed list
"""


def test_milestones_keep_their_ids_and_tickets() -> None:
    result = import_markdown(PLAN, "TICKETS.md")
    assert result.board is not None
    assert [(m.id, m.title, m.items) for m in result.board.milestones] == [
        ("M0", "Data", ["T1", "T2"]),
        ("M1", "Auth", ["T3", "T4"]),
        ("M2", "Feed", ["T5"]),
    ]


def test_each_milestone_waits_on_the_one_before() -> None:
    result = import_markdown(PLAN, "TICKETS.md")
    assert result.board is not None
    assert {i.id: i.depends_on for i in result.board.items} == {
        "T1": [],
        "T2": [],
        "T3": ["T1", "T2"],
        "T4": ["T1", "T2"],
        "T5": ["T3", "T4"],
    }
    assert any("each of the 3 milestones waits on the one before it" in ln for ln in result.report_lines)


def test_without_the_sentence_the_milestones_order_nothing() -> None:
    result = import_markdown(PLAN.replace("each ticket blocks the next milestone", "read it in order"), "TICKETS.md")
    assert result.board is not None
    assert all(not i.depends_on for i in result.board.items)
