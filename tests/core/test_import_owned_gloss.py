"""A heading saying in brackets who owns its work gives its items that owner (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Migration plan

## Pre-flight (operator-owned, no AI execution)

| ID | Item | Status |
|---|---|---|
| P-01 | Confirm the host boots | ☐ |
| P-02 | Schedule the maintenance window | ☐ |

## Cutover (owned by SRE)

- [ ] Switch the DNS

## Cleanup (self-owned)

- [ ] Remove the old VM
"""


def test_the_owner_in_the_headings_brackets_owns_its_items() -> None:
    report, items = imported(PLAN)
    got = {i.title: i.owner for i in items.values()}
    assert got == {
        "Confirm the host boots": "operator",
        "Schedule the maintenance window": "operator",
        "Switch the DNS": "SRE",
        "Remove the old VM": "",
    }, report
