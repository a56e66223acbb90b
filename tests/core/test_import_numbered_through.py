"""Entries numbered on through a whole plan, across its weeks and priority groups (``**8. Attorney Review**`` over
``- **Why**: …``, ``- **Effort**: 20 hours``): a bold numbered line over a field list is an item's heading, and
numbered headings that go on from 1 across two groups or more are the plan's items (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """## Phase 2: Critical Features

### Week 1-2: Essential Fixes

#### 🔴 CRITICAL - Must Have

**1. Complete the preview**
- **Why**: Users need a preview
- **Effort**: 4-6 hours

**2. Document editing**
- **Why**: Users need corrections
- **Effort**: 16-20 hours

### Week 3-4: Quality & Trust

#### 🟡 HIGH PRIORITY

**3. Attorney review workflow**
- **Why**: Users want validation
- **Effort**: 20-24 hours

## Phase 3: Growth

### Month 2: Acquisition

**4. Referral program** (Long-term)
- **Why**: Word of mouth
- **Effort**: 10 hours
"""


def test_bold_numbered_entries_over_fields_numbered_through_the_plan_are_its_items() -> None:
    report, items = imported(PLAN)
    assert [(i.id, i.title) for i in items.values()] == [
        ("1", "Complete the preview"),
        ("2", "Document editing"),
        ("3", "Attorney review workflow"),
        ("4", "Referral program (Long-term)"),
    ]
    assert items["3"].priority == "P1" and items["1"].priority == "P0"
    assert any("bold line '1' over a field list read as the heading of an item" in line for line in report)


def test_one_sections_numbered_parts_stay_its_text() -> None:
    adr = "# ADR-3\n\n## Decision\n\n### Components\n\n#### 1. Collector\nRuns on each node.\n\n"
    adr += "#### 2. Prometheus\nStores metrics.\n\n#### 3. Grafana\nShows them.\n"
    _, items = imported(adr)
    assert not any(i.title in ("Collector", "Prometheus", "Grafana") for i in items.values())
