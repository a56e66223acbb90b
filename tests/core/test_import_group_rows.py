"""A progress table's row naming a group of the plan's work packages by their common id (``| M2 Prompt 治理 | 完成 |``
beside ``### M2.1``, ``### M2.2``): the group's state, given to its packages; no item of its own (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Roadmap

## Progress

| Work package | Status |
|---|---|
| M1.1 Routing ADR | Done |
| M2 Prompt governance | Done |

## Milestone 1

### M1.1 — Routing ADR

Write the ADR.

## Milestone 2

### M2.1 — Policy contract

Define the contract.

### M2.2 — Request enforcement

Enforce it.
"""


def test_a_row_naming_a_group_of_work_packages_gives_them_its_state() -> None:
    report, items = imported(PLAN)
    assert {i: x.status for i, x in items.items()} == {"M1.1": "done", "M2.1": "done", "M2.2": "done"}, report
    assert any("M2" in line and "group" in line for line in report), report
