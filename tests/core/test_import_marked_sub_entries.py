"""Entries under a checklist's entry that open with a mark of their state are its child items, as boxes under a box
are; its other bullets stay its fields and description (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Implementation Checklist

## ✅ Phase 1: Foundation (COMPLETED ✅)

### ✅ 1.1 Project Setup (COMPLETED ✅)

- ✅ **Database Schema Updates** ✅ **COMPLETED**
  - ✅ Create Order model with all relationships
  - 🔄 Create Table model
  - **Actual Time**: 12 hours
  - Notes on the schema

- ✅ **Database Migration** ✅ **COMPLETED**
  - ✅ Generate the Prisma migration

- ✅ **Workspace Definition** ✅ **COMPLETED**
  - **Actual Time**: 2 hours
"""


def test_marked_entries_under_a_marked_entry_are_its_child_items() -> None:
    _, items = imported(PLAN)
    kids = {i.title: (i.status, items[i.parent].title) for i in items.values() if i.parent}
    assert kids == {
        "Create Order model with all relationships": ("done", "Database Schema Updates"),
        "Create Table model": ("in_progress", "Database Schema Updates"),
        "Generate the Prisma migration": ("done", "Database Migration"),
    }
    parent = next(i for i in items.values() if i.title == "Database Schema Updates")
    assert "Notes on the schema" in parent.description
