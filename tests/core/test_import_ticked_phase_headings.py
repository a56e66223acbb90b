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
