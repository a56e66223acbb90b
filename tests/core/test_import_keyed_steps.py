"""A table keyed by the numbers of the plan's ``<Word> N: title`` headings: one item per heading, titled by it,
with the row's fields (issue 43)."""

from __future__ import annotations

from pathlib import Path

from readiness_tui.core.importers import import_markdown
from readiness_tui.core.model.item_model import Item

PLAN = Path(__file__).resolve().parents[1] / "fixtures" / "plans" / "step_headings_order.md"


def _import(text: str) -> tuple[str, dict[str, Item]]:
    result = import_markdown(text, "plan.md")
    assert result.board is not None, "\n".join(result.report_lines)
    return "\n".join(result.report_lines), {i.id: i for i in result.board.items}


def test_each_numbered_heading_is_the_item_its_row_describes() -> None:
    report, items = _import(PLAN.read_text(encoding="utf-8"))
    assert list(items) == ["1", "2", "3", "4"]
    assert items["1"].title == "huidige lijsten verzamelen"
    assert items["4"].title == "oude lijsten archiveren"
    assert {i: it.owner for i, it in items.items()} == {"1": "Ines", "2": "Samen", "3": "Ines", "4": "Pim"}
    assert items["3"].depends_on == ["1", "2"] and items["4"].depends_on == ["3"]
    assert "column 'Stap' numbers the plan's headings 'Stap N'" in report


def test_a_table_of_numbers_no_heading_names_stays_skipped() -> None:
    report, items = _import(PLAN.read_text(encoding="utf-8"))
    # "| Fase | Periode |" numbers 1, 2, but no heading is called "Fase N".
    assert "table (Fase, Periode): no id column and no known shape" in report
    assert len(items) == 4


def test_the_table_may_come_before_the_headings_in_english_too() -> None:
    text = (
        "# Plan\n\n## Order\n\n| Step | Who | Depends on |\n|---|---|---|\n| 1 | Ann | — |\n| 2 | Bob | 1 |\n\n"
        "## Work\n\n### Step 1: Draft the form\n\nWords.\n\n### Step 2: Send it out\n\nWords.\n"
    )
    _, items = _import(text)
    assert items["1"].title == "Draft the form" and items["2"].depends_on == ["1"]
    assert items["2"].owner == "Bob"


def test_headings_not_numbered_from_one_make_no_join() -> None:
    text = (
        "# Plan\n\n### Step 2: Draft\n\n### Step 5: Send\n\n"
        "| Step | Who | Depends on |\n|---|---|---|\n| 2 | Ann | — |\n| 5 | Bob | 2 |\n"
    )
    report, items = _import(text)
    assert items == {}
    assert "no id column and no known shape" in report
