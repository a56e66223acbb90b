"""A Gantt chart drawn in text, bars after each task's name, gives one item a bar (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

CHART = """Weeks: 01 02 03 04 05 06
Kick-off & charter        : ██████
Analysis & design         :       ████
Security review           :       ██████
Build                     :             ██████
"""


def test_bars_before_any_heading_are_items_with_their_weeks() -> None:
    report, items = imported(f"Planning (text Gantt, weeks)\n\nLegend: █ active\n\n{CHART}")
    assert [(i.title, i.notes) for i in items.values()] == [
        ("Kick-off & charter", "Weeks 1-2"),
        ("Analysis & design", "Weeks 3-4"),
        ("Security review", "Weeks 3-4"),
        ("Build", "Weeks 5-6"),
    ]
    assert any("Gantt chart drawn in text (4 bars)" in ln for ln in report)


def test_bars_in_a_plain_fence_under_a_heading() -> None:
    _, items = imported(f"# Plan\n\n## Timeline\n\n```\n{CHART}```\n")
    assert list(items) == ["T-1", "T-2", "T-3", "T-4"]
    assert items["T-4"].title == "Build"


def test_two_bar_lines_are_not_a_chart() -> None:
    _, items = imported("# Plan\n\n## Load\n\nCPU : ████\nRAM : ██\n\n## Work\n\n- [ ] T-9 Tune the pool\n")
    assert list(items) == ["T-9"]
