"""Bullets opening with the marks a plan's status legend defines are its work, ticked off (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

LEGEND = """# Development Roadmap

## Status Legend

- ✅ **Implemented** - Fully functional
- 🚧 **In Progress** - Being developed
- 📋 **Planned** - Scheduled

"""

BODY = """## Phase 1-3: Core Editor

### View & Rendering
- ✅ Line numbers gutter
- ✅ Cursor rendering with blink animation
- 🚧 Selection rendering

## Phase 5: Advanced Editing

#### P1.1 - Search & Replace (High Priority)
- 📋 Find text (Ctrl+F)
- 📋 Replace all
"""


def test_bullets_marked_as_the_legend_says_are_items_with_its_states() -> None:
    report, items = imported(LEGEND + BODY)
    got = {i.title: i.status for i in items.values()}
    assert got == {
        "Line numbers gutter": "done",
        "Cursor rendering with blink animation": "done",
        "Selection rendering": "in_progress",
        "Find text (Ctrl+F)": "todo",
        "Replace all": "todo",
    }
    # The heading with an id over nothing but such bullets groups them; it is no item of its own.
    assert "P1.1" not in items
    assert any("holds only work marked as the plan's legend says" in ln for ln in report)


def test_without_a_legend_such_bullets_under_a_plain_heading_stay_text() -> None:
    _, items = imported("# Roadmap\n\n" + BODY.split("## Phase 5")[0] + "## Tasks\n\n- [ ] Ship it\n")
    assert [i.title for i in items.values()] == ["Ship it"]
