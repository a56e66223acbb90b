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
