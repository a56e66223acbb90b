"""A phase named again under a heading of criteria (``## Success Criteria`` > ``### Phase 1 Completion``) says what
ends that phase: its ticked bullets are the phase's exit criteria, not more work. A phase first met under such a
heading holds its work (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown
from tests.core.import_plan import imported

PLAN = """# Telemetry roadmap

### Phase 1: Essential Operations
- [x] Build the ingestion service
- [ ] Build the dashboard

### Phase 2: Enterprise Features
- [ ] Add multi-tenancy

## Success Criteria

### Phase 1 Completion (MVP)
- ✅ Handles 50K messages a second
- ✅ No crashes in a week

### Phase 2 Completion
- ✅ Supports 100 missions
- ✅ Passes the audit
"""


def test_ticked_bullets_under_criteria_end_the_phase_named_before() -> None:
    _, items = imported(PLAN)
    assert sorted(i.title for i in items.values()) == [
        "Add multi-tenancy",
        "Build the dashboard",
        "Build the ingestion service",
    ]
    board = import_markdown(PLAN, "plan.md").board
    assert board is not None
    exits = {p.id: p.exit for p in board.phases}
    assert exits["1"] == ["✅ Handles 50K messages a second", "✅ No crashes in a week"]
    assert exits["2"] == ["✅ Supports 100 missions", "✅ Passes the audit"]


def test_a_phase_first_met_under_a_heading_of_criteria_holds_its_work() -> None:
    _, items = imported(
        "# Task\n\n## Definition of Done\n\n### Phase 1: Design\n- ✅ Draft the schema\n- ✅ Review it\n"
    )
    assert sorted(i.title for i in items.values()) == ["Draft the schema", "Review it"]
