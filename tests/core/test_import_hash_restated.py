"""An entry naming a row by its number with a hash (``- **#13 — Pricing model.** Blocks Phase 5``) where the plan's
table numbers that row ``13``: the same item, said again, not a new one (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Tasks

| ID | Task | Owner | Status | Blocked by |
|----|------|-------|--------|------------|
| 12 | Launch | Joey | ⚪ Pending | 13 |
| 13 | Decision: pricing | Joey | ⚪ Pending | — |
| 14 | Decision: AI model | Joey | ⚪ Pending | — |

## Open decisions

- **#13 — Pricing model.** Blocks payments. Needed before: tiers, price points.
- **#14 — AI model choice.** Claude is the default; decide on embeddings.
"""


def test_a_hashed_number_of_a_numbered_row_is_that_row() -> None:
    _, items = imported(PLAN)
    assert list(items) == ["12", "13", "14"]
    assert items["13"].title == "Decision: pricing"
