"""Numbered chapters of a document ("### 1.1 The crash" under "## 1. Analysis") are its outline, not item
headings: a checklist beside them without ids is still the plan's work (issue 43)."""

from __future__ import annotations

from .import_plan import imported

PLAN = """# Identity bugfix

## Progress (TODO)

**A. Derived key**
- [x] Delete the key field
- [x] Delete the setter
- [ ] Route the callers through the selector

**B. Migration**
- [x] Make the migration idempotent

## 1. Analysis

### 1.1 The deterministic crash

The profile screen reads a key that is not there yet.

### 1.2 The main fault

The fallback writes under the device id.

## 2. Design

### 2.1 The key is derived

Nothing may set it by hand.
"""


def test_a_checklist_beside_numbered_chapters_is_the_work() -> None:
    report, items = imported(PLAN)
    titles = sorted(i.title for i in items.values())
    assert titles == sorted(
        [
            "Delete the key field",
            "Delete the setter",
            "Route the callers through the selector",
            "Make the migration idempotent",
        ]
    )
    assert sorted(i.status for i in items.values()) == ["done", "done", "done", "todo"]
