"""A recipe's ``[lists]`` labels hold under a phase heading too: the lists they lead in are text or items as said
(issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported_with, items_of, report_of

PLAN = """# Roadmap

## Phase Definitions

### Phase 0: Pre-Alpha (Weeks 1-8)

**Deliverables:**
- Rust project with CI/CD
- PTY spawns shell

### Phase 4: v1.0 Launch (Weeks 53-56)

**Activities:**
- Publish to all channels
- Monitor feedback
"""


def test_without_a_recipe_the_deliverables_and_activities_are_the_phase_work() -> None:
    titles = [i.title for i in items_of(imported_with(PLAN, None)).values()]
    assert titles == ["Rust project with CI/CD", "PTY spawns shell", "Publish to all channels", "Monitor feedback"]


def test_the_recipe_keeps_deliverables_as_text_and_makes_activities_items() -> None:
    result = imported_with(PLAN, '[lists]\n"Deliverables" = "text"\n"Activities" = "items"\n')
    items = items_of(result)
    assert [(i.title, i.phase) for i in items.values()] == [("Publish to all channels", "4"), ("Monitor feedback", "4")]
    assert "text, as the recipe says" in report_of(result)
