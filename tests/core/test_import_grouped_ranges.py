"""Ranges and sets of ids in dependency cells and id cells (issue 43): a row standing for a range of items,
``3.*`` for every item numbered under 3, tilde ranges (``~``, fullwidth ``～``, wave dash ``〜``) and ranges of
zero-padded numbers."""

from __future__ import annotations

from pathlib import Path

from readiness_tui.core.importers import import_markdown
from readiness_tui.core.importers.references.refs import parse_refs
from readiness_tui.core.importers.tables.id_cells import cell_ids, split_id_cell
from readiness_tui.core.model.item_model import Item
from tests.core.import_plan import imported

PLANS = Path(__file__).resolve().parents[1] / "fixtures" / "plans"


def _items(name: str) -> tuple[str, dict[str, Item]]:
    result = import_markdown((PLANS / name).read_text(encoding="utf-8"), name)
    assert result.board is not None, "\n".join(result.report_lines)
    return "\n".join(result.report_lines), {i.id: i for i in result.board.items}


def test_a_row_naming_a_range_of_items_gives_each_its_dependencies() -> None:
    report, items = _items("grouped_ranges.md")
    for rid in ("2.1", "2.2", "2.3"):
        assert items[rid].depends_on == ["1.1", "1.2"]
    # The titles stay the headings'; the row's words do not rename the three items.
    assert items["2.2"].title == "Dock tablets"
    assert "one row for items 2.1, 2.2, 2.3" in report


def test_a_star_after_a_number_names_every_item_under_it() -> None:
    report, items = _items("grouped_ranges.md")
    assert items["3.1"].depends_on == ["2.1", "2.2", "2.3"]
    assert items["3.2"].depends_on == ["3.1"]
    assert "'2.*' read as the items under '2.'" in report
    assert "names no item" not in report


def test_tilde_ranges_and_a_star_after_a_prefix() -> None:
    _, items = _items("range_cells.md")
    assert items["OPS-03"].depends_on == ["OPS-01", "OPS-02"]  # fullwidth tilde
    assert items["OPS-04"].depends_on == ["OPS-01", "OPS-02", "OPS-03"]  # ASCII tilde
    assert items["OPS-05"].depends_on == ["OPS-02", "OPS-03", "OPS-04"]  # wave dash
    assert items["OPS-06"].depends_on == ["OPS-01", "OPS-02", "OPS-03", "OPS-04", "OPS-05"]


def test_a_range_of_zero_padded_numbers_keeps_their_width() -> None:
    _, items = _items("range_cells.md")
    assert items["04"].depends_on == ["01", "02", "03"]


def test_a_star_under_which_no_item_is_numbered_adds_nothing() -> None:
    _, items = _items("range_cells.md")
    assert items["05"].depends_on == []
    assert items["05"].dependency_note == "4.*"


def test_a_star_is_never_read_as_the_bare_number() -> None:
    refs = parse_refs("3.*, 1.2")
    assert refs.ids == ["1.2"] and refs.rest == "3.*"


def test_id_cells_with_ranges() -> None:
    assert cell_ids("3.2-3.4") == ["3.2", "3.3", "3.4"]
    assert cell_ids("T-2..T-4") == ["T-2", "T-3", "T-4"]
    assert cell_ids("R-06 / R-07") == ["R-06", "R-07"]
    assert cell_ids("Samen") is None
    assert split_id_cell("3.2-3.4: remaining services") == (["3.2", "3.3", "3.4"], "remaining services")
    # A date is no range of ids.
    assert split_id_cell("2026-09-15 review") is None


def test_a_row_for_a_range_no_other_block_names_is_one_item() -> None:
    report, items = _items("range_row_ids.md")
    assert sorted(items) == ["BIL-001", "BIL-002–005", "BIL-006"]
    assert items["BIL-002–005"].owner == "Luis"
    assert items["BIL-002–005"].depends_on == ["BIL-001"]
    assert "BIL-002–005: one row for a range of ids no other block names: one item" in report


def test_a_box_for_a_range_no_block_names_is_one_item_kept_as_written() -> None:
    lines, items = imported(
        "## Slice A\n\n"
        "- [x] **A8** Now-playing card with skip controls.\n"
        "- [x] **A9–A12** `/lyrics`, `/admin`, `/help`, registration.\n"
        "- [ ] **A13** Live smoke pass.\n"
    )
    assert list(items) == ["A8", "A9–A12", "A13"]
    assert items["A9–A12"].title.startswith("`/lyrics`") and items["A9–A12"].status == "done"
    assert any("A9–A12: one entry for a range of ids no other block names: one item" in line for line in lines)


def test_a_row_whose_id_joins_a_known_id_to_a_later_number_stands_for_each() -> None:
    md = (
        "# Issues\n\n### DEF-63: Trim the prompts\n\n**Status:** OPEN\n\n### DEF-64: Merge the rules\n\n"
        "**Status:** OPEN\n\n### DEF-65: Drop the old cache\n\n**Status:** OPEN\n\n### DEF-72: Split the container\n\n"
        "**Status:** OPEN\n\n## Matrix\n\n| Issue | Priority | Effort | Blocked By | Status |\n|---|---|---|---|---|\n"
        "| **DEF-72** | P2 | 8h | - | OPEN |\n| **DEF-63-65** | P3 | 4-6h | DEF-72 | OPEN |\n"
    )
    report, items = imported(md)
    assert list(items) == ["DEF-63", "DEF-64", "DEF-65", "DEF-72"]
    assert [(items[i].depends_on, items[i].priority) for i in ("DEF-63", "DEF-64", "DEF-65")] == [
        (["DEF-72"], "P3"),
        (["DEF-72"], "P3"),
        (["DEF-72"], "P3"),
    ]
    assert "one row for items DEF-63, DEF-64, DEF-65: each gets the row's fields" in "\n".join(report)
