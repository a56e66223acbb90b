"""A phase heading followed by its own "**Status**:" line (issue 43): the state is that of every item under the phase
that states none, whichever reading made it (a plain list under its "### Deliverables" in a plan of plain lists),
while an item's own state still wins."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Roadmap

## Phase 1: Foundation

**Status:** In Progress
**Goal:** Two accounts synced.

### Deliverables

- Project scaffolding
- OAuth worker - Done

## Phase 2: Usability

**Status:** Planned

### Deliverables

- Web calendar UI
"""


def test_items_take_the_state_their_phase_states() -> None:
    report, items = imported(PLAN)
    assert {i.title: i.status for i in items.values()} == {
        "Project scaffolding": "in_progress",
        "OAuth worker": "done",
        "Web calendar UI": "todo",
    }
    assert any(
        "phase 'Phase 1: Foundation' states in_progress: so do its 1 items that state none" in line for line in report
    )
