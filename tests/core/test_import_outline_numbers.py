"""Section numbers and row numbers in a plan whose item headings carry named ids are its outline (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown
from readiness_tui.core.importers.sections.heading_numbers import is_outline_number

NAMED = "### SEC-1: Sign payloads\n\nDo it.\n\n### SEC-2: Rotate keys\n\nDo it too.\n\n"


def _ids(md: str) -> list[str]:
    result = import_markdown(md, "P.md")
    assert result.board is not None
    return [i.id for i in result.board.items]


def test_dotted_numbers_are_outline_numbers_and_names_are_not() -> None:
    assert is_outline_number("1.1") and is_outline_number("4")
    assert not is_outline_number("SEC-001") and not is_outline_number("#12") and not is_outline_number("T3")


def test_a_numbered_section_heading_beside_named_item_headings_is_no_item() -> None:
    md = "# R\n\n## 1.1 What holds up\n\nThe ledger.\n\n## 1.2 Fixes\n\n" + NAMED
    assert _ids(md) == ["SEC-1", "SEC-2"]


def test_numbered_task_headings_alone_stay_items() -> None:
    md = "# R\n\n## Tasks\n\n### 2.1 Parse the feed\n\n- Owner: ana\n\n### 2.2 Store the feed\n\n- Owner: bo\n"
    assert _ids(md) == ["2.1", "2.2"]


def test_a_row_numbered_table_beside_named_item_headings_is_no_items() -> None:
    md = "# R\n\n" + NAMED + "## Launch\n\n| # | Step |\n|---|---|\n| 1 | Sign |\n| 2 | Rotate |\n"
    result = import_markdown(md, "P.md")
    assert result.board is not None and [i.id for i in result.board.items] == ["SEC-1", "SEC-2"]
    assert any("only numbers the rows" in line for line in result.report_lines)


def test_a_row_numbered_table_alone_makes_items() -> None:
    assert _ids("# R\n\n| # | Step |\n|---|---|\n| 1 | Sign |\n| 2 | Rotate |\n") == ["1", "2"]


def test_a_row_numbered_table_inside_an_items_section_is_read() -> None:
    md = "# R\n\n" + NAMED + "### SEC-3: Audit\n\n| # | Step |\n|---|---|\n| 1 | Sign |\n| 2 | Rotate |\n"
    assert _ids(md) == ["SEC-1", "SEC-2", "SEC-3", "1", "2"]


def test_a_column_headed_id_holding_numbers_is_read() -> None:
    md = "# R\n\n" + NAMED + "## Launch\n\n| ID | Step |\n|---|---|\n| 1 | Sign |\n| 2 | Rotate |\n"
    assert _ids(md) == ["SEC-1", "SEC-2", "1", "2"]


def test_a_row_numbered_table_longer_than_the_named_headings_is_items() -> None:
    rows = "".join(f"| {n} | Screen {n} |\n" for n in range(1, 5))
    md = "# R\n\n## Status\n\n| # | Feature |\n|---|---|\n" + rows + "\n" + NAMED
    assert _ids(md) == ["1", "2", "3", "4", "SEC-1", "SEC-2"]


def test_numbered_headings_over_a_table_of_named_ids_are_outline() -> None:
    table = "| Task ID | Task |\n|---|---|\n| P1-T001 | Copy the files |\n| P1-T002 | Check the copies |\n"
    md = "# R\n\n## 1. Summary\n\n### 1.1 Goals\n\nMove the layer.\n\n### 2.3 Migration tasks\n\n" + table
    assert _ids(md) == ["P1-T001", "P1-T002"]


def test_numbered_subsections_of_described_topics_are_the_documents_outline() -> None:
    md = (
        "# R\n\n## 6. Assessment\n\n### 6.1 Training data\n\n- **Datasets**: 24 months of history\n"
        "- **Bias testing**: not done\n\n### 6.2 Transparency\n\n- **Logging**: every score logged\n\n"
        "## 7. Measures\n\n| # | Measure | Owner |\n|---|---|---|\n| T1 | Add a dashboard | Data |\n"
    )
    assert _ids(md) == ["T1"]


def test_numbered_subsections_carrying_an_items_fields_stay_items() -> None:
    md = "# R\n\n## 6. Work\n\n### 6.1 Parse\n\n- **Owner**: ana\n- **Status**: done\n\n### 6.2 Store\n\n- **Owner**: bo\n"
    assert _ids(md) == ["6.1", "6.2"]
