"""A plain list entry struck through whole is crossed off: done, or what the plan's legend says a strike means
(issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Thesis backlog

## Week 1

* ~~Write the report post~~ [Here](https://example.org/post)
* <del>Define the research method</del> [Here](../plan.md)
* Read the seminar material

## Week 2

* <del> Submit the names of the supervisors
* Share the documents
"""


def test_struck_entries_are_done_and_keep_their_words() -> None:
    report, items = imported(PLAN)
    got = {i.title: i.status for i in items.values()}
    assert got == {
        "Write the report post": "done",
        "Define the research method": "done",
        "Read the seminar material": "todo",
        "Submit the names of the supervisors": "done",
        "Share the documents": "todo",
    }, report


def test_a_legend_says_what_a_strike_means() -> None:
    _, items = imported(PLAN.replace("## Week 1", "~~Struck~~ entries were dropped.\n\n## Week 1"))
    assert {i.title: i.status for i in items.values()}["Write the report post"] == "cancelled"
