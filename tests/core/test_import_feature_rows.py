"""A roadmap table of features and their sub-features, each named in a column of its own (issue 43)."""

from __future__ import annotations

import re

from readiness_tui.core.importers import import_markdown
from tests.core.import_plan import imported

PLAN = """# Roadmap

| #           | Feature                      | Sub-feature               | Status      |
| ----------- | ---------------------------- | ------------------------- | ----------- |
| 1           | <p>User Authorisation</p>    | <p><br></p>               | <p><br></p> |
| 2           | <p><br></p>                  | User Login                | Done        |
| 3           | <p><br></p>                  | User Credentials Recovery | In Progress |
| 4           | Scheme Monitoring            | <p><br></p>               | <p><br></p> |
| 5           | <p><br></p>                  | Fund Allocation Register  | <p><br></p> |
| <p><br></p> | <p><br></p>                  | Scheme Dashboard          | <p><br></p> |
"""


def test_feature_rows_group_the_sub_feature_rows_which_are_the_work() -> None:
    report, items = imported(PLAN)
    assert [(i.id, i.title, i.phase, i.status) for i in items.values()] == [
        ("2", "User Login", "1", "done"),
        ("3", "User Credentials Recovery", "1", "in_progress"),
        ("5", "Fund Allocation Register", "4", "todo"),
        # The plan left it unnumbered: named after the row before it, and reported.
        ("5a", "Scheme Dashboard", "4", "todo"),
    ]
    assert any("Scheme Dashboard" in line and "no number: 5a" in line for line in report)
    board = import_markdown(PLAN, "plan.md").board
    assert board is not None
    assert [(p.id, p.title) for p in board.phases] == [("1", "User Authorisation"), ("4", "Scheme Monitoring")]


def test_a_row_naming_both_a_feature_and_a_sub_feature_is_no_such_table() -> None:
    plan = PLAN.replace("| 2           | <p><br></p>                  | User Login", "| 2 | Login | User Login")
    _, items = imported(plan)
    assert "1" in items


def test_past_z_an_unnumbered_row_keeps_no_made_up_id() -> None:
    rows = "".join(f"| <p><br></p> | <p><br></p> | Sub-feature {n} | Done |\n" for n in range(27))
    plan = PLAN + rows
    report, items = imported(plan)
    assert "5z" in items
    # Every id made so is a letter after the number: no "5{" or "5|" past "z" (a "|" would split the row's cells).
    made = [line.rsplit("has no number: ", 1)[1].split(",")[0] for line in report if "has no number: " in line]
    assert len(made) == 26 and all(re.fullmatch(r"5[a-z]", m) for m in made)
    assert any("Sub-feature 26" in line and "without an id" in line for line in report)
