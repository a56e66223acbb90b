"""A name cell that opens with the row's id names the row, beside a column saying what it achieves (issue 43)."""

from __future__ import annotations

from pathlib import Path

from .import_plan import imported

BACKLOG = """# Tutoring backlog

## Phase 1: Foundation

| Epic | Outcome | Priority |
|------|---------|----------|
| **1.1 Landing Experience** | Visitors understand the platform and can browse tutors | Must Have |
| **1.2 Guest Tutor Browsing** | Unregistered users can view tutor profiles | Must Have |
"""


def test_the_epic_names_the_row_and_the_outcome_describes_it() -> None:
    lines, items = imported(BACKLOG)
    assert {rid: i.title for rid, i in items.items()} == {"1.1": "Landing Experience", "1.2": "Guest Tutor Browsing"}
    assert items["1.2"].description == "Unregistered users can view tutor profiles"
    assert "Epic->title, Outcome->description" in "\n".join(lines)


def test_a_linked_card_names_the_row_beside_a_trace_id_column() -> None:
    plan = (Path(__file__).parents[1] / "fixtures" / "corpus" / "issue_linked_rows.md").read_text(encoding="utf-8")
    _, items = imported(plan)
    assert items["#31"].title == "Queue writes while offline"
    assert items["#31"].description == "REQ-SYNC-01"
