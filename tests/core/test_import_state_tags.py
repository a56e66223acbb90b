"""``- TODO: Create the timer``: a state in capitals tagging the work after it, not a field or a legend (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported


def test_each_tagged_entry_is_work_with_its_state() -> None:
    _, items = imported(
        "# Gym Tracker - TODOs\n\n## Setup\n- TODO: Initialize project structure\n- DONE: Configure basic styling\n"
        "- IN PROGRESS: Set up state management\n"
    )
    got = [(i.title, i.status) for i in items.values()]
    assert got == [
        ("Initialize project structure", "todo"),
        ("Configure basic styling", "done"),
        ("Set up state management", "in_progress"),
    ]


def test_a_legend_of_states_makes_no_items() -> None:
    _, items = imported(
        "# Plan\n\n## Tasks\n- [ ] Build the form\n\n## Legend\n- To Do: not started\n- DONE: finished\n"
    )
    assert [i.title for i in items.values()] == ["Build the form"]
