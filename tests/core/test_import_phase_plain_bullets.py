"""Phases whose work is bullets that tick themselves off (``- ✅ **Database**: schemas``): a later phase's plain
bullets, none of them begun, are that phase's work too (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Job board plan

## Completed Phases

### Phase 1: Foundation (Complete)
- ✅ **Project Setup**: monorepo
- ✅ **Database**: schemas

## Future Enhancements

### Phase 2: Advanced Features (Optional)
- 💰 **Payment Processing**: subscription plans
- 📊 **Analytics**: job metrics

## Key Technologies
- **Frontend**: Next.js
- **Backend**: Supabase
"""


def test_a_later_phases_plain_bullets_are_its_work() -> None:
    report, items = imported(PLAN)
    got = {i: (it.title, it.description.strip(), it.status, it.phase) for i, it in items.items()}
    # Each list names its entries by distinct bold labels: the labels are the titles, the rest what they say.
    assert got == {
        "P1-1": ("Project Setup", "monorepo", "done", "1"),
        "P1-2": ("Database", "schemas", "done", "1"),
        "P2-1": ("Payment Processing", "subscription plans", "todo", "2"),
        "P2-2": ("Analytics", "job metrics", "todo", "2"),
    }
    assert any("as other phases tick theirs" in ln for ln in report)


def test_plain_bullets_under_phases_are_their_work_where_no_phase_ticks_its_own() -> None:
    report, items = imported(PLAN.replace("- ✅ **Project Setup**", "- **Project Setup**").replace("- ✅", "-"))
    # Before: each phase was one item, its bullets its description. The technologies the plan uses are no work.
    assert [(it.title, it.phase) for it in items.values()] == [
        ("Project Setup", "1"),
        ("Database", "1"),
        ("Payment Processing", "2"),
        ("Analytics", "2"),
    ]
