"""A kanban board drawn as a table, every column a state ("To Do | In Progress | Done"), holds cards: each cell with
words is an item in its column's state (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.document.blocks import Table
from readiness_tui.core.importers.document.parse import parse_sections
from readiness_tui.core.importers.tables.state_columns import board_table
from tests.core.import_plan import imported

BOARD = """# Open data portal

To Do | In Progress | Done
------|-------------|-----
setup development server @jdjak | explore open data [standards](http://www.w3.org/TR/dwbp/) | create the repository
explore the France portal | |
"""


def test_each_card_of_a_board_table_is_an_item_in_its_column_state() -> None:
    _, items = imported(BOARD)
    assert [(i.title, i.status, i.owner) for i in items.values()] == [
        ("setup development server @jdjak", "todo", "@jdjak"),
        ("explore open data standards", "in_progress", ""),
        ("create the repository", "done", ""),
        ("explore the France portal", "todo", ""),
    ]


def test_a_table_whose_columns_are_not_all_states_is_no_board() -> None:
    root = parse_sections("| Task | Done |\n|---|---|\n| Write docs | yes |\n")
    table = root.blocks[0]
    assert isinstance(table, Table)
    b = Builder("", "plan.md")
    assert not board_table(b, table, root) and not b.items
