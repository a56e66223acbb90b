"""A plain list that a lead-in names as work ("Key deliverables:") is the section's work even where other
sections hold the plan's items in tables (issue 43)."""

from __future__ import annotations

from .import_plan import imported

PLAN = """# Sprint Plan

## Sprint 0 — Foundation (Weeks 1–2)

| ID | Story | Points |
|---|---|---|
| S0-01 | Monorepo | 3 |
| S0-02 | Auth | 3 |

## Sprint 1 — Brief Pipeline (Weeks 3–4)

**Goal:** URL in, brief out.

Key deliverables:
- Scraping
- Parsing

## Sprint 2 — Video (Weeks 5–6)

**Deliverables:**
- Worker
- Text to speech

## Open questions

- Which sprint takes the avatars?
"""


def test_lists_led_in_as_work_are_items_beside_the_table_rows() -> None:
    report, items = imported(PLAN)
    titles = {i.title: i for i in items.values()}
    assert {"S0-01", "S0-02"} <= set(items)
    assert set(titles) == {"Monorepo", "Auth", "Scraping", "Parsing", "Worker", "Text to speech"}
    assert titles["Scraping"].workstream == "Sprint 1 — Brief Pipeline (Weeks 3–4)"
    assert titles["Worker"].workstream == "Sprint 2 — Video (Weeks 5–6)"


def test_a_list_without_a_lead_in_naming_work_stays_text_beside_other_items() -> None:
    _, items = imported(PLAN.replace("Key deliverables:", "Notes:"))
    assert "Scraping" not in {i.title for i in items.values()}
