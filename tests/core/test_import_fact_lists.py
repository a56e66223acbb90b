"""In a plan of plain lists, lists that record facts rather than work keep them as text: the same labelled facts
under each of several headings (a card per brand), and a technology stack (issue 43)."""

from __future__ import annotations

import pytest

from readiness_tui.core.importers.sections import bullet_plan
from tests.core.import_plan import imported

PLAN = """# Project: CMS Migration

## Migration Strategy

- Migrate the pilot brands
- Migrate the high-traffic brands

## Technical Architecture

### Technology Stack

- Next.js 14 (React framework)
- TypeScript

## Brand Migration Status

### TechPulse (June 2025)
- **Content Migrated:** 15,240 articles
- **Traffic Impact:** +8% organic traffic after 30 days
- **Key Learning:** Early investment in redirects paid off

### LifestyleMaven (August 2025)
- **Content Migrated:** 22,185 articles
- **Traffic Impact:** +3% organic traffic
- **Key Learning:** Image optimization matters

## Timeline

### Week 1
- Day 1-2: Create the manifest
- Day 3: Migrate the background script

### Week 2
- Day 1-2: Replace the timers
- Day 3: Test cookie isolation
"""


def test_labelled_facts_repeated_under_sibling_headings_and_a_stack_are_not_work() -> None:
    report, items = imported(PLAN)
    assert [i.title for i in items.values()] == [
        "Migrate the pilot brands",
        "Migrate the high-traffic brands",
        "Create the manifest",
        "Migrate the background script",
        "Replace the timers",
        "Test cookie isolation",
    ]
    text = "\n".join(report)
    assert "list under 'TechPulse (June 2025)': the labelled facts its sibling headings list too, not work" in text


def test_one_card_of_labelled_facts_alone_is_read_as_before() -> None:
    md = "# Plan\n\n## Work\n\n- **Auth:** add the login page\n- **Export:** the CSV export\n"
    _, items = imported(md)
    assert len(items) == 2


def test_each_list_s_labels_are_read_once_however_many_sibling_headings(monkeypatch: pytest.MonkeyPatch) -> None:
    # Checked against every sibling's list in turn, a status report of 2,000 services imported in quadratic time.
    lines = ["# Status report", ""]
    for n in range(60):
        lines += [f"## Service {n}", "", f"- **Requests {n}:** {n} per second", f"- **Errors {n}:** {n} a day", ""]
    read: list[int] = []
    real = bullet_plan._labels

    def counted(blk):  # type: ignore[no-untyped-def]
        read.append(id(blk))
        return real(blk)

    monkeypatch.setattr(bullet_plan, "_labels", counted)
    _, items = imported("\n".join(lines))
    assert len(items) == 120  # each service's own facts: no sibling shares them
    assert len(read) == len(set(read)) == 60
