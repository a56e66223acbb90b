"""A plain list led in as later work ("**Future:**") after a section's checklist is more of its work (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# BeastieBot V3

- [x] Update README
- [ ] Mock discord.js

**{label}:**

- Refactor project structure by feature
- Add a raid system
"""


def test_bullets_led_in_as_future_work_beside_a_checklist_are_items_not_started() -> None:
    report, items = imported(PLAN.format(label="Future"))
    assert [(i.title, i.status) for i in items.values()] == [
        ("Update README", "done"),
        ("Mock discord.js", "todo"),
        ("Refactor project structure by feature", "todo"),
        ("Add a raid system", "todo"),
    ]
    assert any("led in as later work beside the section's items" in ln for ln in report)


def test_bullets_led_in_as_something_else_stay_text() -> None:
    _, items = imported(PLAN.format(label="Links"))
    assert [i.title for i in items.values()] == ["Update README", "Mock discord.js"]
