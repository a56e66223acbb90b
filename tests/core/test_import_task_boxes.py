"""Boxes after a lead-in that calls them tasks ("**Tasks:**", "**Backend Tasks**:") under an item's heading
are its child items, even where the heading states the item's fields; other boxes stay its checklist (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported, imported_with, items_of, report_of

PLAN = """# Feature Backlog

## Priority 1: Quick Wins

### **P1-1: Add Real Food Photography**
**What:** Replace placeholder images with photos
**Effort:** Low (1-2 hours)
**Tasks:**
- [x] Download 15-20 images from Pexels
- [ ] Optimize images (compress, resize)
- [ ] Update database with image URLs

**Acceptance criteria:**
- [ ] Every menu item has a photo

### **P1-2: Create Professional Logo**
**Effort:** Low
**Tasks:**
- [ ] Design logo in Canva
- [ ] Add favicon to public folder
"""

NESTED = """# Phase 4: Migration

#### 4.1.1 Migration Framework Backend

**Priority**: High
**Assigned To**: BATATA1

**Backend Tasks**:

- [ ] Design migration data model
  - [ ] Migrations table
  - [ ] MigrationLogs table
- [ ] Write migration framework tests

**Deliverables**:

- Migration framework infrastructure
"""


def test_boxes_after_tasks_under_a_fielded_heading_are_child_items() -> None:
    report, items = imported(PLAN)
    got = [(i.id, i.title, i.parent, i.status) for i in items.values()]
    assert got == [
        ("P1-1", "Add Real Food Photography", None, "in_progress"),
        ("P1-1.1", "Download 15-20 images from Pexels", "P1-1", "done"),
        ("P1-1.2", "Optimize images (compress, resize)", "P1-1", "todo"),
        ("P1-1.3", "Update database with image URLs", "P1-1", "todo"),
        ("P1-2", "Create Professional Logo", None, "todo"),
        ("P1-2.1", "Design logo in Canva", "P1-2", "todo"),
        ("P1-2.2", "Add favicon to public folder", "P1-2", "todo"),
    ]
    # The boxes after the criteria's lead-in stay the item's acceptance, and the tasks left its description.
    assert items["P1-1"].acceptance == ["Every menu item has a photo"]
    assert "Download" not in items["P1-1"].description
    # The lead-in named the boxes: it is no field of the item (an empty "tasks" kept aside) nor its description.
    assert items["P1-1"].custom == {"effort": "Low (1-2 hours)"}
    assert any("P1-1: 3 boxes after '**Tasks:**' -> its child items P1-1.1 .. P1-1.3" in ln for ln in report)


def test_a_qualified_tasks_lead_in_keeps_nested_boxes_as_children_of_their_box() -> None:
    _, items = imported(NESTED)
    got = [(i.id, i.title, i.parent, i.owner, i.priority) for i in items.values()]
    assert got == [
        ("4.1.1", "Migration Framework Backend", None, "BATATA1", "P1"),
        ("4.1.1.1", "Design migration data model", "4.1.1", "", None),
        ("4.1.1.1.1", "Migrations table", "4.1.1.1", "", None),
        ("4.1.1.1.2", "MigrationLogs table", "4.1.1.1", "", None),
        ("4.1.1.2", "Write migration framework tests", "4.1.1", "", None),
    ]
    assert items["4.1.1"].description == ""  # the lead-in named the boxes; it does not describe the item


def test_the_recipe_can_keep_the_tasks_as_the_items_checklist() -> None:
    result = imported_with(PLAN, '[options]\nsteps = "description"\n')
    items = items_of(result)
    assert sorted(items) == ["P1-1", "P1-2"]
    assert "- [x] Download 15-20 images from Pexels" in items["P1-1"].description
    assert "P1-1: 3 checklist steps (1 ticked) -> its description, not items" in report_of(result)
    said = "[options] steps = 'description' applied: the boxes under an item are its steps, in its description"
    assert said in report_of(result)


def test_boxes_after_a_lead_in_of_related_tasks_are_not_child_items() -> None:
    md = (
        "# Plan\n\n### T-1: Build the export\n**Owner:** ana\n**Related tasks:**\n"
        "- [ ] Check the import still parses\n- [ ] Tell support\n"
    )
    _, items = imported(md)
    assert sorted(items) == ["T-1"]
    assert "- [ ] Check the import still parses" in items["T-1"].description


def test_the_child_items_take_the_priority_an_enclosing_heading_states() -> None:
    md = (
        "# Backlog\n\n## Priority 2: Later\n\n### F-7: Dark mode\n**Effort:** Medium\n**Tasks:**\n"
        "- [ ] Add a theme switch\n  - [ ] Remember the choice\n\n## Someday\n\n### F-8: Widgets\n**Effort:** High\n"
        "**Tasks:**\n- [ ] Draw the widget\n"
    )
    _, items = imported(md)
    assert {i: it.priority for i, it in items.items()} == {
        "F-7": "P2",
        "F-7.1": "P2",
        "F-7.1.1": "P2",
        "F-8": None,
        "F-8.1": None,
    }


def test_boxes_under_a_phase_heading_beside_item_headings_are_the_phases_work() -> None:
    md = (
        "# Feature Backlog\n\n## Completed Features\n\n### Phase 1: Core Functionality\n"
        "- [x] **Online Ordering System** - Full cart and checkout\n- [x] **Reservation System** - Date selection\n\n"
        "## Priority 1: Quick Wins\n\n### **P1-1: Add Food Photography**\n**Effort:** Low\n\n"
        "### **P1-2: Create a Logo**\n**Effort:** Low\n\n## Verification\n\n- [ ] Check the staging site\n"
    )
    _, items = imported(md)
    assert [(i.title, i.status, i.phase) for i in items.values()][:2] == [
        ("Online Ordering System", "done", "1"),
        ("Reservation System", "done", "1"),
    ]
    # Boxes outside any phase or item heading stay checks around the work.
    assert "Check the staging site" not in [i.title for i in items.values()]


def test_a_recipe_that_leaves_the_steps_out_reads_the_boxes_as_no_recipe_does() -> None:
    # The guided import always holds a recipe, empty at first: it must read the plan as the headless import does.
    plain_items = [(i.id, i.parent) for i in imported(PLAN)[1].values()]
    for recipe in ("", '[options]\nowner = "whole"\n', '[options]\nsteps = "plan"\n'):
        assert [(i.id, i.parent) for i in items_of(imported_with(PLAN, recipe)).values()] == plain_items
    topic = "# P\n\n## IS-01 Know your organisation\n\n- [ ] Identify the issues\n- [ ] Document the stakeholders\n"
    assert sorted(items_of(imported_with(topic, ""))) == sorted(imported(topic)[1]) == ["IS-01", "IS-01.1", "IS-01.2"]
