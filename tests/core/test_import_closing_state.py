"""A second top heading naming a state ("# Done" after "# Things to do"): its work has that state (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Things to do at some point

## Hardware

* initial hardware tests
* get vid/hid

# {closing}

## Hardware

* make 5v tracks thick
* Made todo file
"""


def test_work_under_a_closing_done_heading_is_done() -> None:
    report, items = imported(PLAN.format(closing="Done"))
    assert {i.title: i.status for i in items.values()} == {
        "initial hardware tests": "todo",
        "get vid/hid": "todo",
        "make 5v tracks thick": "done",
        "Made todo file": "done",
    }
    assert any("heading 'Done': status done for the items under it" in ln for ln in report)


def test_a_second_top_heading_naming_no_state_says_nothing_of_its_work() -> None:
    _, items = imported(PLAN.format(closing="Software"))
    assert {i.status for i in items.values()} == {"todo"}


def test_a_lone_top_heading_naming_a_state_is_the_plan_s_title() -> None:
    report, items = imported("# Done\n\n## Hardware\n\n* make 5v tracks thick\n* Made todo file\n")
    assert {i.status for i in items.values()} == {"todo"}
    assert any("H1 'Done' -> board.title" in ln for ln in report)
