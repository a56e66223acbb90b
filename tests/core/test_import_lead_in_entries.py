"""An entry of a list of actions that is only a bold label and its colon, over bullets: the label leads the bullets
in; they are the work, the label their group (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Roadmap

## Next Steps

1. **Immediate Actions**:
   - Set up the module's database tables
   - Implement the first API endpoints

2. **This Week**:
   - Test the ledger integration

3. **Read the detailed guides:**
   - [02-pre-migration-checklist.md](./02-pre-migration-checklist.md) - Start here
   - [03-database-migration-guide.md](./03-database-migration-guide.md)

4. Ship the release
"""


def test_a_label_over_bullets_groups_them_and_a_label_over_links_is_the_work() -> None:
    # Before: "Immediate Actions" and "This Week" were items, what to do their descriptions.
    _, items = imported(PLAN)
    assert [(i.id, i.title, i.workstream) for i in items.values()] == [
        ("A1.1", "Set up the module's database tables", "Immediate Actions"),
        ("A1.2", "Implement the first API endpoints", "Immediate Actions"),
        ("A2.1", "Test the ledger integration", "This Week"),
        ("A3", "Read the detailed guides", ""),
        ("A4", "Ship the release", ""),
    ]
