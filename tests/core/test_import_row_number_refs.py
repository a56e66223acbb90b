"""A table numbering its rows beside their keys: dependency cells and later tables cite the numbers (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown

PLAN = (
    "# Tickets\n\n| # | Ticket ID | Title | Deps |\n|---|---|---|---|\n"
    "| 01 | GRT-4001 | Set up the service | - |\n| 02 | GRT-4002 | Migrate the schema | 01 |\n"
    "| 03 | GRT-4003 | Define the ports | 01 |\n| 04 | GRT-4004 | Test end to end | 01~03 |\n"
)


def _items(md: str) -> dict[str, object]:
    result = import_markdown(md, "T.md")
    assert result.board is not None
    return {i.id: i for i in result.board.items}


def test_dependency_cells_citing_row_numbers_name_the_rows_keys() -> None:
    items = _items(PLAN)
    assert list(items) == ["GRT-4001", "GRT-4002", "GRT-4003", "GRT-4004"]
    assert items["GRT-4002"].depends_on == ["GRT-4001"]  # type: ignore[attr-defined]
    assert items["GRT-4004"].depends_on == ["GRT-4001", "GRT-4002", "GRT-4003"]  # type: ignore[attr-defined]


def test_a_later_table_of_the_same_numbers_adds_to_those_rows() -> None:
    md = (
        PLAN
        + "\n## Details\n\n| # | Summary | Status |\n|---|---|---|\n| 03 | Ports | done |\n| 04 | E2E | in progress |\n"
    )
    items = _items(md)
    assert list(items) == ["GRT-4001", "GRT-4002", "GRT-4003", "GRT-4004"]
    assert items["GRT-4003"].status == "done"  # type: ignore[attr-defined]
    result = import_markdown(md, "T.md")
    assert any("cites rows by the numbers an earlier table gave them" in line for line in result.report_lines)


def test_a_numbers_column_with_a_repeated_number_names_nothing() -> None:
    md = PLAN.replace("| 03 | GRT-4003", "| 02 | GRT-4003")
    items = _items(md)
    assert items["GRT-4004"].depends_on != ["GRT-4001", "GRT-4002", "GRT-4003"]  # type: ignore[attr-defined]


def test_a_numbered_table_of_items_already_made_adds_to_them() -> None:
    md = PLAN + (
        "\n## Order\n\n| # | Task | After | Files |\n|---|---|---|---|\n| 1 | GRT-4003 | — | ports.ts |\n"
        "| 2 | GRT-4001 | GRT-4003 | setup.ts |\n"
    )
    items = _items(md)
    assert list(items) == ["GRT-4001", "GRT-4002", "GRT-4003", "GRT-4004"]
    assert items["GRT-4001"].depends_on == ["GRT-4003"]  # type: ignore[attr-defined]
