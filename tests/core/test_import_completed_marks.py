"""A heading naming work done over bullets each ticked off by a mark: the bullets are done work, beside headings of
other kinds too (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Home Assistant Roadmap

## ✅ Completed

- ✅ **Clean config structure** - Organized into packages
- ✅ **Dashboards** - iPad and admin dashboards built

## 🎯 Active Priorities

### 1. Voice Assistant Improvements

**Tasks**:
- [ ] Add description fields to automations
- [ ] Rename unclear automations

### Out of Scope

- ❌ Mobile app testing (separate test plan)
"""


def test_ticked_bullets_under_a_completed_heading_are_done_items() -> None:
    # Before: beside the checklists under "Active Priorities", the completed list was kept as text.
    _, items = imported(PLAN)
    assert [(i.title, i.status) for i in items.values()] == [
        ("Clean config structure", "done"),
        ("Dashboards", "done"),
        ("Add description fields to automations", "todo"),
        ("Rename unclear automations", "todo"),
    ]
