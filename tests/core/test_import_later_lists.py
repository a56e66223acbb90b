"""A plain list led in as later work ("**Future:**") after a section's checklist, or under a heading naming it
("## 💡 Future Considerations"), is more of the plan's work (issue 43)."""

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


def test_a_list_under_a_heading_naming_future_work_is_later_work_beside_the_plans_items() -> None:
    plan = (
        "# Parking app\n\n## Checklist\n\n- [ ] Build login\n- [x] Set up CI\n\n## 💡 Future Considerations\n\n"
        "1. **AR Parking**: Augmented reality spots\n2. **EV Charging**: Charger reservations\n\n"
        "## References\n\n- Apple guidelines\n"
    )
    lines, items = imported(plan)
    later = {i.title: i.status for i in items.values() if not i.id.startswith("C")}
    assert later == {"AR Parking": "todo", "EV Charging": "todo"}
    assert "list under '💡 Future Considerations', work for later, as its heading says" in "\n".join(lines)


def test_a_heading_about_the_future_of_something_else_lists_no_work() -> None:
    plan = (
        "# App\n\n## Checklist\n\n- [ ] Build login\n\n## Future of the market\n\n- Prices rise\n- More parking apps\n"
    )
    _, items = imported(plan)
    assert [i.title for i in items.values()] == ["Build login"]


def test_a_list_under_a_heading_naming_ideas_is_later_work_beside_the_plans_items() -> None:
    for heading in ("💡 Ideas / Under Consideration", "Ideas for Improvement", "Wishlist", "Someday/Maybe"):
        plan = (
            "# SatTrack\n\n## Planned\n\n- [ ] **Compass mode** - point at satellites\n- [x] PWA install\n\n"
            f"## {heading}\n\n- **AR mode** - Augmented reality overlay\n- **Weather integration** - Show conditions\n"
        )
        lines, items = imported(plan)
        later = {i.title: i.status for i in items.values() if i.title not in ("Compass mode", "PWA install")}
        assert later == {"AR mode": "todo", "Weather integration": "todo"}, heading
        assert f"list under {heading!r}, ideas for later work, as its heading says" in "\n".join(lines), heading


def test_the_idea_of_the_project_and_how_to_send_ideas_list_no_work() -> None:
    for heading in ("Project Idea", "🤝 Contributing Ideas"):
        plan = (
            "# App\n\n## Checklist\n\n- [ ] Build login\n\n"
            f"## {heading}\n\n- Riders share a car\n- Open an issue with the label idea\n"
        )
        _, items = imported(plan)
        assert [i.title for i in items.values()] == ["Build login"], heading


def test_a_list_under_a_state_heading_beside_the_to_do_list_is_that_column_of_work() -> None:
    plan = (
        "# Roadmap\n\n## Implemented\n\n- Camera\n- Raycaster (picking)\n\n"
        "## TODO / possible improvements\n\n- MSDF fonts\n- Clustered shading?\n"
    )
    report, items = imported(plan)
    assert sorted((i.title, i.status) for i in items.values()) == [
        ("Camera", "done"),
        ("Clustered shading?", "todo"),
        ("MSDF fonts", "todo"),
        ("Raycaster (picking)", "done"),
    ]
    assert any("the work done, beside the plan's to-do list" in ln for ln in report)


def test_a_state_heading_beside_a_heading_of_something_else_keeps_its_list_as_text() -> None:
    plan = "# Roadmap\n\n## Implemented\n\n- Camera\n- Raycaster\n\n## Links\n\n- [ ] MSDF fonts\n- [ ] Shading\n"
    _, items = imported(plan)
    assert [i.title for i in items.values()] == ["MSDF fonts", "Shading"]
