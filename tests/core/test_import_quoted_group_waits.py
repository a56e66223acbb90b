"""A group's dependency line set apart as a quote under its heading ("> **depends:** Batch 1 complete") speaks for
every item under the heading, as the same line in a paragraph does (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Affiliate System - Implementation Tasks

## Batch 1: Database Schema

### Task 1.1: Add the models
- [ ] Add the Affiliate model
- **depends:** nothing

### Task 1.2: Run the migration
- [ ] Verify the migration
- **depends:** Task 1.1

## Batch 2: Core Services

> **depends:** Batch 1 complete

### Task 2.1: Create the affiliate service
- [ ] Implement createAffiliate
- **depends:** Task 1.2
"""


def test_a_quoted_dependency_line_gives_the_group_its_wait() -> None:
    report, items = imported(PLAN)
    assert {"1.1", "1.2"} <= set(items["2.1"].depends_on)
    assert any("under 'Batch 2: Core Services' given to its items" in ln for ln in report)
