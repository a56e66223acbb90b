"""Plain bullets under a phase heading that ticks itself off ("#### Phase 2: Authentication & RBAC ✅") are the
phase's work, in the state the heading gives them (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# CRMS Roadmap

## Completed Implementation Phases

#### Phase 1: Foundation ✅
- Next.js project setup
- Documentation structure

#### Phase 2: Authentication & RBAC ✅
- Badge + PIN authentication
- Account lockout after 5 failed attempts

## Notes

- The pilot starts in March
"""


def test_bullets_under_a_ticked_phase_heading_are_its_done_work() -> None:
    _, items = imported(PLAN)
    assert [(i.title, i.phase, i.status) for i in items.values()] == [
        ("Next.js project setup", "1", "done"),
        ("Documentation structure", "1", "done"),
        ("Badge + PIN authentication", "2", "done"),
        ("Account lockout after 5 failed attempts", "2", "done"),
    ]


def test_beside_other_items_bullets_under_a_phase_heading_with_no_state_stay_its_text() -> None:
    _, items = imported(PLAN.replace(" ✅", "") + "\n## Backlog\n\n- [ ] Pilot onboarding\n")
    assert [i.title for i in items.values()] == ["Pilot onboarding"]
    _, items = imported(PLAN + "\n## Backlog\n\n- [ ] Pilot onboarding\n")
    assert "Next.js project setup" in {i.title for i in items.values()}


def test_a_phase_stating_its_status_gives_it_to_its_labelled_work() -> None:
    plan = (
        "# LaundryConnect Roadmap\n\n## Completed Phases\n\n### Phase 1: Authentication ✅\n**Duration**: Weeks 1-4\n\n"
        "**Deliverables**:\n- JWT authentication\n- User profiles\n\n### Phase 2: Services & Orders\n"
        "**Status**: Completed\n\n**Deliverables**:\n- Service catalog\n\n### Phase 8: Analytics\n"
        "**Status**: Next - Planning\n\n**Deliverables**:\n- Revenue dashboard\n\n## Backlog\n\n- [ ] Pilot onboarding\n"
    )
    _, items = imported(plan)
    got = {i.title: i.status for i in items.values()}
    assert got == {
        "JWT authentication": "done",
        "User profiles": "done",
        "Service catalog": "done",
        "Revenue dashboard": "todo",
        "Pilot onboarding": "todo",
    }


STEPS = """# 12 phases

## Phase 1: Project architecture (Steps 1-3) — DONE
- Step 1: .NET 8 solution structure
- Step 2: Database schema design
- Step 3: REST API framework

## Phase 2: GRC engine (Steps 4-5) — DONE
- Step 4: Basic algorithms
- Step 5: Population density integration

## Phase 3: ARC engine (Steps 6-7) — IN PROGRESS
- Step 6: Airspace charts
- Step 7: Weather data APIs

## Phase 4: Subscriptions (Steps 8-9)
🎯 **Goal:** subscriptions managed without a hand on them

- **Step 8:** Sign-up system — records each sign-up at once, who made it and for how long
- **Step 9:** Renewal — a paid renewal activates the subscription at once
"""


def test_phase_headings_stating_their_state_over_bullets_group_the_bullets() -> None:
    # Two headings or more closing with their state make the phases items only when they hold no list of work: here
    # each phase lists its steps, which are the work, in the state the phase gives them.
    _, items = imported(STEPS)
    assert [(i.id, i.title, i.phase, i.status) for i in items.values()] == [
        ("1", ".NET 8 solution structure", "1", "done"),
        ("2", "Database schema design", "1", "done"),
        ("3", "REST API framework", "1", "done"),
        ("4", "Basic algorithms", "2", "done"),
        ("5", "Population density integration", "2", "done"),
        ("6", "Airspace charts", "3", "in_progress"),
        ("7", "Weather data APIs", "3", "in_progress"),
        # A goal stated above the list leads nothing in; each step is named, then explained after the dash.
        ("8", "Sign-up system", "4", "todo"),
        ("9", "Renewal", "4", "todo"),
    ]


def test_a_greek_phase_heading_and_step_word_read_as_english_ones() -> None:
    greek = STEPS.replace("Phase ", "ΦΑΣΗ ").replace("Steps ", "Βήματα ").replace("Step ", "Βήμα ")
    _, items = imported(greek)
    assert [(i.id, i.title, i.phase) for i in items.values()][:2] == [
        ("1", ".NET 8 solution structure", "1"),
        ("2", "Database schema design", "1"),
    ]


def test_a_mark_opening_a_phase_heading_is_the_state_of_its_bullets() -> None:
    plan = (
        "# Roadmap\n\n## ✅ Phase 1 — Documentation & Setup\n- README and attribution written.\n"
        "- Containerized setup verified.\n\n## 🚧 Phase 2 — Workflow Design\n- Create modular DAGs.\n"
        "- Schedule daily DAG runs.\n\n## Phase 3 — Monitoring\n- Add SLA notifications.\n"
    )
    _, items = imported(plan)
    assert [(i.phase, i.status) for i in items.values()] == [
        ("1", "done"),
        ("1", "done"),
        ("2", "in_progress"),
        ("2", "in_progress"),
        ("3", "todo"),
    ]


def test_bullets_of_the_phases_under_a_heading_of_phases_ahead_are_their_work() -> None:
    # Beside a plan whose work is drawn elsewhere (a gantt chart), "## Future Phases" > "### Phase B" over plain
    # bullets: the work of a phase not begun.
    plan = (
        "# Roadmap\n\n## Timeline\n\n```mermaid\ngantt\n    title Release\n    dateFormat YYYY-MM-DD\n"
        "    section M5\n    Persistence :p1, 2025-01-06, 7d\n    Combat :c1, after p1, 7d\n```\n\n"
        "## 🚀 Future Phases (Post-M7)\n\n### Phase B: Distributed Sharding\n- Multi-node cell ownership\n"
        "- Cross-node handover implementation\n\n### Phase C: Advanced Features\n- Guild and social systems\n"
    )
    _, items = imported(plan)
    assert [(i.title, i.phase) for i in items.values() if i.phase] == [
        ("Multi-node cell ownership", "B"),
        ("Cross-node handover implementation", "B"),
        ("Guild and social systems", "C"),
    ]
