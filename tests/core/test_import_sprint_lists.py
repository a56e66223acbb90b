"""A sprint backlog's later sprints: stories listed as "Story 5.2: x", planned activities, and the backlog's groups of
later work (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Sprint Backlog

## Sprint 1: Core

#### Story 1.1: Login

- [ ] Acceptance: the form validates

#### Story 1.2: Logout

- [ ] Acceptance: the session ends

## Sprint 2: More

### Geplante Stories:
- Story 5.2: Tages-Ansicht Kalender
- Story 6.1: Fahrerverfuegbarkeit anzeigen

## Sprint 5-6: Launch Prep

### Geplante Aktivitäten:
- Bug Fixing (alle P0/P1 Bugs)
- Deployment auf Production

## Backlog (Post-MVP)

### Sprint 7+: Operational Excellence
- Wiederkehrende Fahrten
- Audit Log
"""


def test_every_listed_story_activity_and_backlog_entry_is_an_item() -> None:
    report, items = imported(PLAN)
    titles = {i.title for i in items.values()}
    assert {"Tages-Ansicht Kalender", "Fahrerverfuegbarkeit anzeigen"} <= titles, report
    assert {"5.2", "6.1"} <= set(items)
    assert {"Bug Fixing (alle P0/P1 Bugs)", "Deployment auf Production"} <= titles, report
    assert {"Wiederkehrende Fahrten", "Audit Log"} <= titles, report


def test_a_backlog_in_the_documents_title_is_no_backlog_heading() -> None:
    # "# ML Tasks Backlog" over "## Meta" and its key: value lines: the plan's title, not a heading of later work.
    _, items = imported(
        "# ML Tasks Backlog\n\n## Meta\n- domain: ml\n- focus_period: 2025-12\n\n## Work\n\n- [ ] Train\n"
    )
    assert [i.title for i in items.values()] == ["Train"]
