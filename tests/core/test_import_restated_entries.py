"""A summary list naming work the plan describes elsewhere makes no second item (issue 43)."""

from __future__ import annotations

from .import_plan import imported

PLAN = """# HOA roadmap

## Quick Reference: Top Features

### Tier 1: Foundation (Must Have)
1. **Board Member Management** - Enable board functionality
2. **Basic Homeowner Portal** - Allow homeowners in

### Tier 3: Enhancements (Nice to Have)
- Bank Integrations

## Detailed Priority Matrix

### Priority 2: Foundation

#### 1.3 Board Member Management
- Board member roles
**Dependencies:** None

#### 1.4 Basic Homeowner Portal
- Homeowner login
**Dependencies:** 1.3
"""


def test_a_summary_entry_naming_a_described_item_is_that_item() -> None:
    lines, items = imported(PLAN)
    titles = sorted(i.title for i in items.values())
    assert titles == ["Bank Integrations", "Basic Homeowner Portal", "Board Member Management"]
    assert items["1.4"].depends_on == ["1.3"]
    assert "plan.md:6: note: T1: names 1.3 (line 16) again; not a second item" in lines


def test_what_only_the_summary_says_goes_to_the_item() -> None:
    plan = PLAN.replace("### Priority 2: Foundation", "### Foundation")
    _, items = imported(plan)
    assert items["1.3"].priority == "P0"  # "Must Have", said by the summary alone


def test_two_entries_sharing_a_title_under_different_headings_both_stay() -> None:
    plan = "# Stories\n\n## Story A\n\n- Add endpoints\n- Write docs\n\n## Story B\n\n- Add endpoints\n- Ship it\n"
    _, items = imported(plan)
    assert [i.title for i in items.values()].count("Add endpoints") == 2


BETS = """# Cycle 4

## Betting table

| Bet | Appetite | Owner | Status |
|-----|----------|-------|--------|
| Invoice Export Pipeline | Large | [Billing] | In Progress |
| Customer Search Rewrite | Medium | [Core] | Todo |
| Notification Preferences | Small | [Growth] | Todo |

## Burndown

- [ ] Invoice Export
- [ ] Cust Search
- [ ] Notif Prefs
"""


def test_a_checklist_naming_a_tables_rows_in_fewer_letters_is_a_view_of_them() -> None:
    report, items = imported(BETS)
    assert [(i.title, i.owner, i.status) for i in items.values()] == [
        ("Invoice Export Pipeline", "Billing", "in_progress"),
        ("Customer Search Rewrite", "Core", "todo"),
        ("Notification Preferences", "Growth", "todo"),
    ]
    assert sum("in fewer letters, as its list names the table's rows" in line for line in report) == 3


def test_a_checklist_of_other_work_beside_the_table_stays() -> None:
    _, items = imported(BETS.replace("Cust Search", "Write the launch post"))
    assert len(items) == 6
