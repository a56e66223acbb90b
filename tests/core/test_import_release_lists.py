"""Plain bullets under headings that are releases ("## MVP", "## Post MVP") beside a backlog: work (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """## {first}

- Sample project
- Synth plugin

## Post MVP

- MIDI editor
- Automation

## Backlog

- Electron
- Real-time collaboration
"""


def test_bullets_of_releases_beside_a_backlog_are_items_of_their_release() -> None:
    report, items = imported(PLAN.format(first="MVP"))
    assert sorted((i.title, i.workstream) for i in items.values()) == [
        ("Automation", "Post MVP"),
        ("Electron", ""),
        ("MIDI editor", "Post MVP"),
        ("Real-time collaboration", ""),
        ("Sample project", "MVP"),
        ("Synth plugin", "MVP"),
    ]
    assert any("the work of a release beside the plan's other items" in ln for ln in report)


def test_bullets_under_a_heading_about_something_else_stay_text() -> None:
    _, items = imported(PLAN.format(first="Team"))
    assert "Sample project" not in [i.title for i in items.values()]


ROADMAP = """# Desktop conversion roadmap

## Wave 1: Foundation

- [x] Set up Electron
- [ ] Package the app

## Post-Launch Roadmap (Months 5-6)

### Version 1.1 (Month 5)

- Advanced analytics and reporting
- Third-party integrations

### {later}

- Plugin system for extensibility
"""


def test_version_headings_under_a_roadmap_beside_the_plans_work_hold_items() -> None:
    _, items = imported(ROADMAP.format(later="Version 1.2 (Month 6)"))
    assert [(i.title, i.workstream) for i in items.values()][2:] == [
        ("Advanced analytics and reporting", "Version 1.1 (Month 5)"),
        ("Third-party integrations", "Version 1.1 (Month 5)"),
        ("Plugin system for extensibility", "Version 1.2 (Month 6)"),
    ]


def test_a_heading_that_names_more_than_a_version_is_no_release() -> None:
    _, items = imported(ROADMAP.format(later="Version 1.2 design notes"))
    assert "Plugin system for extensibility" not in [i.title for i in items.values()]


def test_a_version_said_to_be_the_current_one_lists_what_it_holds() -> None:
    _, items = imported(ROADMAP.format(later="v1.0.0 (Current)"))
    assert "Plugin system for extensibility" not in [i.title for i in items.values()]
