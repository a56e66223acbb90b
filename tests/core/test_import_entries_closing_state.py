"""Entries named in bold and closing with their state after a dash ("- **Express.js Server** - ✅ Complete", "-
**Socket.IO Integration** - ✅ Basic Setup") are work in that state, their bullets their description (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers.vocabulary.title_states import trailing_status
from tests.core.import_plan import imported

PLAN = """# TUIZ Backend Progress Report

## Implementation Status Summary

### ✅ COMPLETED

#### 1. Core Backend Infrastructure

- **Express.js Server** - ✅ Complete
  - TypeScript configuration
  - CORS middleware

- **Socket.IO Integration** - ✅ Basic Setup
  - Basic connection handling

### ❌ MISSING

#### 1. Game Sessions

- **Session Tables** - ❌ Missing
  - Sessions, players

- **Room Codes** - 🔄 Partial
  - Six-letter codes

## Next Steps

1. Design the game session schema
2. Implement the real-time events
"""


def test_a_tail_opening_with_a_mark_states_its_state() -> None:
    assert trailing_status("Socket.IO Integration - ✅ Basic Setup") == ("Socket.IO Integration", "done")
    assert trailing_status("Caching - 📋 see notes") == ("Caching - 📋 see notes", None)


def test_entries_closing_with_their_state_are_work_beside_other_items() -> None:
    _, items = imported(PLAN)
    got = {i.title: i.status for i in items.values()}
    assert {k: got.get(k) for k in ("Express.js Server", "Socket.IO Integration", "Room Codes")} == {
        "Express.js Server": "done",
        "Socket.IO Integration": "done",
        "Room Codes": "in_progress",
    }
    assert "TypeScript configuration" not in got


def test_an_entry_opening_with_its_state_as_a_label_names_its_work_after_it() -> None:
    plan = """# Release

## Tasks

1. ✅ **COMPLETED**: Rotate the signing keys
2. **IN PROGRESS**: Migrate the billing tables
3. BLOCKED: Publish the status page
4. **Done**: Freeze the API
5. Status page: Draft the copy
"""
    report, items = imported(plan)
    assert [(i.title, i.status) for i in items.values()] == [
        ("Rotate the signing keys", "done"),
        ("Migrate the billing tables", "in_progress"),
        ("Publish the status page", "blocked"),
        ("Freeze the API", "done"),
        ("Status page: Draft the copy", "todo"),
    ]
    assert sum("read as status" in line and "its label" in line for line in report) == 4
