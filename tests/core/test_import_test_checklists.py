"""A numbered section over checklists under sub-headings groups them, and a week's entries named by their days are
that week's work (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# MV3 migration

### Phase 7: Testing Strategy

#### 7.1 Test Environment Setup

1. **Load unpacked extension:**
   - Navigate to `edge://extensions`

#### 7.2 Test Categories

##### Category 1: Service Worker Lifecycle
- [ ] Service worker activates on extension load
- [x] State restores from chrome.storage.local

##### Category 2: Cookie Isolation
- [ ] Cookies isolated per session

---

## Implementation Timeline

### Week 1: Foundation
- ✅ Day 1-2: Create manifest_v3.json
- Day 4-5: Migrate background.js to modules

### Week 2: Core Features
- Day 5: Update action API calls
"""


def test_the_checklists_under_a_numbered_section_are_the_work() -> None:
    report, items = imported(PLAN)
    titles = [i.title for i in items.values()]
    assert "Service worker activates on extension load" in titles
    assert "Cookies isolated per session" in titles
    assert "Test Categories" not in titles
    assert any("holds only checklists under sub-headings; their group, not an item" in ln for ln in report)


def test_a_week_of_day_entries_is_that_weeks_work() -> None:
    _, items = imported(PLAN)
    days = [(i.title, i.status, i.notes) for i in items.values() if i.notes.startswith("Week")]
    assert days == [
        ("Create manifest_v3.json", "done", "Week 1, Day 1-2"),
        ("Migrate background.js to modules", "todo", "Week 1, Day 4-5"),
        ("Update action API calls", "todo", "Week 2, Day 5"),
    ]


def test_a_week_of_days_naming_the_plans_items_is_a_view() -> None:
    plan = (
        "# Docs\n\n## Work\n\n- [ ] #1 README\n- [ ] #2 User guide\n\n## Timeline\n\n"
        "### Week 1: Docs\n- **Days 1-2:** Issue #1 (README)\n- **Day 3:** Issue #2 (User guide)\n"
    )
    _, items = imported(plan)
    assert list(items) == ["#1", "#2"]


SCRIPTS = """# Database migration checklist

## Preparation

### Environment
- [ ] Back up the database
- [ ] Prepare a test environment

## Phase 1: Base tables

### 1.1 Add soft delete columns

#### Company table
```sql
ALTER TABLE company ADD COLUMN is_deleted BOOLEAN;
```
- [ ] Write the SQL script
- [ ] Run it on the test environment

#### Contractor table
```sql
ALTER TABLE contractor ADD COLUMN is_deleted BOOLEAN;
```
- [ ] Write the contractor script
- [ ] Run it in production

### 1.2 Create the audit log table

```sql
CREATE TABLE audit_log (id INT);
```
- [ ] Write the audit script
- [ ] Verify the table

#### Migrate the role data
```sql
UPDATE users SET role_id = 1;
```
- [ ] Write the role script
- [ ] Verify the roles
"""


def test_checklists_under_sub_headings_each_over_its_script_are_the_work() -> None:
    # Each sub-heading shows the script its boxes write and run: the boxes are the work, the numbered
    # heading their group, and the plan's other id-less checklists are work too.
    report, items = imported(SCRIPTS)
    titles = [i.title for i in items.values()]
    for title in (
        "Back up the database",
        "Write the SQL script",
        "Run it in production",
        "Write the audit script",
        "Write the role script",
    ):
        assert title in titles, report
    assert "Add soft delete columns" not in titles
    assert any("holds only checklists under sub-headings; their group, not an item" in ln for ln in report)


def test_a_sub_heading_naming_work_on_a_field_is_no_part_of_an_item() -> None:
    # "初始化用户状态" (set the users' initial status) holds the word for status, as "#### Status" would: work on the
    # field, not the item's status.
    plan = SCRIPTS.replace("#### Contractor table", "#### 初始化用户状态")
    report, items = imported(plan)
    assert "Write the contractor script" in [i.title for i in items.values()], report
    assert "Add soft delete columns" not in [i.title for i in items.values()]
