"""``## Feature: Progress Tracking`` names a feature to build, not a report of progress (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported


def test_a_feature_named_progress_holds_its_work() -> None:
    _, items = imported(
        "# Tracker - TODOs\n\n## Feature: Rest Timer\n- Create timer component\n- Add custom rest time\n\n"
        "## Feature: Progress Tracking\n- Track workout completion history\n- Add personal records tracking\n"
    )
    assert [i.title for i in items.values()][2:] == [
        "Track workout completion history",
        "Add personal records tracking",
    ]


def test_a_progress_heading_is_still_a_report() -> None:
    report, items = imported(
        "# Tracker\n\n## Work\n- Create timer component\n\n## Progress\n- 2026-01-05 shipped the timer\n"
    )
    assert [i.title for i in items.values()] == ["Create timer component"]
