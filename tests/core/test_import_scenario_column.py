"""A release's table of scenarios, with no id column: each scenario is an item (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Terminal v1.0 Roadmap

## v1.0 Scenarios

| Release | Priority\\* | Scenario | Description/Notes |
| --- | --- | --- | --- |
| V1 | 0 | Performance & Efficiency | Terminal shall be fast and efficient |
| V1 | 1 | Mouse Support | Terminal will support mouse input |
| V1 | 2 | Multiple panes | Split a page into panes |
"""


def test_the_scenario_column_names_each_row() -> None:
    _, items = imported(PLAN)
    got = [(i.title, i.priority, i.description) for i in items.values()]
    assert got == [
        ("Performance & Efficiency", "P0", "Terminal shall be fast and efficient"),
        ("Mouse Support", "P1", "Terminal will support mouse input"),
        ("Multiple panes", "P2", "Split a page into panes"),
    ]


def test_a_table_of_scenarios_with_no_work_column_is_no_longer_skipped() -> None:
    report, _ = imported(PLAN)
    assert not any("no known shape" in line for line in report)
