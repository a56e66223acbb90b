"""Items named by plain lines of a dotted id and a title, each over a list of its details; and a dependency said to
help but not be required (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Work Breakdown

## Track 1: Project Hygiene

T1.1 Commit initial baseline.

- Inputs: current repo state.
- Dependencies: none.

T1.2 Add CI skeleton.

- Status: implemented as `.github/workflows/ci.yml`.
- Dependencies: T1.1.

T1.3 Add contribution docs.

- Include the fixture policy.
- Dependencies: T1.1.

## Track 4: Reading

T4.1 Evaluate the reader API.

- Dependencies: T1.2 useful but not required.
"""


def test_each_id_line_over_its_list_is_an_item() -> None:
    report, items = imported(PLAN)
    got = {rid: (i.title, i.status, i.depends_on) for rid, i in items.items() if rid.startswith("T1")}
    assert got == {
        "T1.1": ("Commit initial baseline", "todo", []),
        "T1.2": ("Add CI skeleton", "done", ["T1.1"]),
        "T1.3": ("Add contribution docs", "todo", ["T1.1"]),
    }, report


def test_a_dependency_that_helps_but_is_not_required_blocks_nothing() -> None:
    _, items = imported(PLAN)
    assert items["T4.1"].depends_on == []
    assert items["T4.1"].soft_depends_on == ["T1.2"]


def test_a_lone_id_line_in_prose_stays_prose() -> None:
    _, items = imported("# Notes\n\nT1.1 was merged last week.\n\n- see the log\n")
    assert "T1.1" not in items
