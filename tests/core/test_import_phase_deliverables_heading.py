"""``## Phase 2`` > ``### Deliverables`` > ``**Deck & Cards**:`` over ``- [TDD] Card model``: the phase's work, unless
another heading of the phase holds its items (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """## Phase 1: Foundation (Week 1)

### Deliverables
1. **Project Initialization**
   - Run the scaffold
2. **Test Infrastructure**
   - Install Jest

## Phase 2: Game Logic Core (Week 2-3)

### Goals
- Implement core poker rules

### Deliverables

**Deck & Cards**:
- [TDD] Card model (rank, suit, toString())
- [TDD] Deck class (52 cards, shuffle)

**Hand Evaluation**:
- [TDD] HandEvaluator service
"""


def test_the_lists_under_a_phases_deliverables_heading_are_its_work() -> None:
    _, items = imported(PLAN)
    titles = [i.title for i in items.values()]
    assert titles[2:] == ["[TDD] Card model (rank, suit, toString())", "[TDD] Deck class (52 cards, shuffle)",
                          "[TDD] HandEvaluator service"]  # fmt: skip
    assert "Implement core poker rules" not in titles


def test_beside_a_tasks_heading_holding_items_the_deliverables_are_outcomes() -> None:
    _, items = imported(
        "# Plan\n\n## Phase 1: Observability\n\n### Tasks\n1. **Set up logging**\n   - Add pino\n"
        "2. **Add metrics**\n   - Add prom-client\n\n### Deliverables\n- Structured logging framework\n"
        "- Metrics collection infrastructure\n"
    )
    assert "Structured logging framework" not in [i.title for i in items.values()]
