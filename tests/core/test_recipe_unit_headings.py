"""A recipe's ``"Step *" = "item"`` over two procedures that each number their steps from 1 (issue 43's guided
import): every step heading is an item of its own, the second procedure's numbered on (STEP2-1), none merged into
the first's item of the same number."""

from __future__ import annotations

from tests.core.import_plan import imported_with, items_of

PLAN = """# Failover playbook

## Failover Execution Steps

### Step 1 — Initiate Incident Bridge
- Page the on-call engineer

### Step 2 — Freeze Deployments
- Pause the pipelines

## Failback Procedure

### Step 1 — Validate Region Stability
- Watch the dashboards

### Step 2 — Resume Deployments
- Unpause the pipelines
"""


def test_step_headings_of_two_procedures_are_four_items() -> None:
    items = items_of(imported_with(PLAN, '[sections]\n"Step *" = "item"\n'))
    assert [(i.id, i.title) for i in items.values()] == [
        ("STEP-1", "Initiate Incident Bridge"),
        ("STEP-2", "Freeze Deployments"),
        ("STEP2-1", "Validate Region Stability"),
        ("STEP2-2", "Resume Deployments"),
    ]
