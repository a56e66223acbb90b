"""A numbered bold step whose text opens with its state: done, blocked (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Data migration plan

## 6. Sequencing (dependency order)

1. **Reference/lookup data** — done (§2).
2. **Organizations / employees** — mostly seeded already; reconcile against the roster.
3. **Customers / leads** — blocked on the §4 decision. Once resolved: dedupe by phone.
4. **Projects** — one row per real project.
"""


def test_the_state_a_steps_text_opens_with_is_its_status() -> None:
    report, items = imported(PLAN)
    assert {i.title: i.status for i in items.values()} == {
        "Reference/lookup data": "done",
        "Organizations / employees": "todo",
        "Customers / leads": "blocked",
        "Projects": "todo",
    }, report
