"""A session's deliverables ticked beside its tasks ticked are what the tasks leave, not more work (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

SESSION = """# Bazel Migration Tracker

## Phase 0: Setup

### Session 0.1: Bazelisk Installation
**Status**: ✅ Complete

#### Tasks
- [x] Install Bazelisk globally via npm
- [x] Create `.bazelversion` file

#### Deliverables
- [x] Bazelisk installed and verified
- [x] `.bazelversion` file created (8.4.2)

### Session 0.2: Packaging

#### Deliverables
- [ ] Publish the package
"""


def test_deliverables_beside_the_sessions_tasks_are_kept_as_text() -> None:
    report, items = imported(SESSION)
    titles = [i.title for i in items.values()]
    # Before: the two deliverables were items too, each restating a task.
    assert titles == ["Install Bazelisk globally via npm", "Create `.bazelversion` file", "Publish the package"]
    assert any("what the tasks beside it leave" in line for line in report)
