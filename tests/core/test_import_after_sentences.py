"""A sentence saying items can start after another makes them wait on it (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Docs cleanup

## Phase 2

- [X] T008 Create docs/setup/README.md
- [ ] T009 Create docs/api/README.md
- [ ] T010 Create docs/ops/README.md
- [ ] T011 Create docs/dev/README.md
- [ ] T016 Create docs/features/README.md

### Parallel Opportunities

**Phase 2 (Foundational)**: T009-T011, T016 can run in parallel after T008 (category READMEs)
"""


def test_the_items_that_can_run_after_another_wait_on_it() -> None:
    _, items = imported(PLAN)
    assert {i.id: i.depends_on for i in items.values()} == {
        "T008": [],
        "T009": ["T008"],
        "T010": ["T008"],
        "T011": ["T008"],
        "T016": ["T008"],
    }


def test_running_in_parallel_alone_says_no_order() -> None:
    _, items = imported(PLAN.replace(" after T008 (category READMEs)", ""))
    assert not any(i.depends_on for i in items.values())
