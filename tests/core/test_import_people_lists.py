"""A list whose entries name the people doing the bullets under them: each bullet an item that person owns (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

TEAM = """# Modem project plan

**Team:** Rafi Ananta Alden & Kean Malik Santoso

## Phase 1: Modelling

* **Alden (TX Generator):**
  * Write the DTMF generator script.
* **Kean (RX Receiver):**
  * Write the preamble detector.
  * Build the periodic sampler.

## Phase 2: Integration

* **Kean (Top-Level):**
  * Join the sender and receiver in one testbench.
"""


def test_entries_named_on_the_team_line_own_the_bullets_under_them() -> None:
    report, items = imported(TEAM)
    got = {i.title: i.owner for i in items.values()}
    assert got == {
        "Write the DTMF generator script.": "Alden",
        "Write the preamble detector.": "Kean",
        "Build the periodic sampler.": "Kean",
        "Join the sender and receiver in one testbench.": "Kean",
    }, report


def test_a_heading_of_responsibilities_says_the_entries_are_people() -> None:
    plan = "# Sprint 4\n\n## Responsibilities\n\n* Rashawn:\n  * Move the backlog into Trello\n* Gary:\n  * Add the death screen\n* Russell:\n"
    report, items = imported(plan)
    assert {i.title: i.owner for i in items.values()} == {
        "Move the backlog into Trello": "Rashawn",
        "Add the death screen": "Gary",
    }, report


def test_short_labels_of_topics_stay_what_they_were() -> None:
    # Nothing says "Combat" and "Interface" are people: the list reads as before, no owner made up.
    plain_plan = (
        "# Game plan\n\n## Version 2\n\n* Combat:\n  * Add parry\n  * Add dodge\n* Interface:\n  * Add a minimap\n"
    )
    _, items = imported(plain_plan)
    assert all(not i.owner for i in items.values())
    assert "Add parry" in [i.title for i in items.values()]
